import { describe, expect, it } from 'vitest'
import { readFleetInput } from '../src/fleet-tool.js'
import { FleetProgress } from '../src/progress.js'
import { maskFor, secretValues } from '../src/secrets.js'
import type { ToolSpec } from '../src/tables.js'

describe('fleet progress', () => {
  it('rises with every update, stays below the total until all settle, and ends at it', () => {
    const p = new FleetProgress(3)
    const seen = [
      p.next({ type: 'sent', ids: ['a', 'b', 'c'] }),
      p.next({ type: 'rate-limited', delayMs: 1500 }),
      p.next({ type: 'accepted', ids: ['a', 'b'] }),
      p.next({ type: 'refused', ids: ['c'], code: null }),
      p.next({ type: 'polled', round: 1, elapsedMs: 10, inFlight: 2, statuses: { DEPLOYING: 2 } }),
      p.next({ type: 'running', ids: ['a'] }),
      p.next({ type: 'failed', ids: ['b'], status: 'REINSTALL_FAILED' }),
    ].filter((u) => u !== undefined)
    expect(seen.map((u) => u.progress)).toEqual([1 - 1 / 3, 0.75, 0.8, 1.5, 1 + (1 - 1 / 3), 2.5, 3])
    expect(seen[1]?.message).toBe('rate limited: waiting 1.5 s; 0/3 settled')
    expect(seen[4]?.message).toBe('poll round 1: 2 in flight (DEPLOYING 2); 1/3 settled')
    // Nothing more can rise: no further update, not even the summary.
    expect(p.next({ type: 'polled', round: 2, elapsedMs: 20, inFlight: 0, statuses: {} })).toBeUndefined()
    expect(p.done('all done')).toBeUndefined()
  })

  it('ends on the summary when the events did not settle every id', () => {
    const p = new FleetProgress(2)
    p.next({ type: 'sent', ids: ['a'] })
    expect(p.done('Cancelled: not-sent 1')).toEqual({ progress: 2, total: 2, message: 'Cancelled: not-sent 1' })
  })
})

describe('masking', () => {
  it('masks sensitive fields at any depth and scrubs their values and the credentials from text', () => {
    const input = { instanceIds: ['a'], password: 'Pw+secret1', nested: { userData: 'c2VjcmV0LWRhdGE=' } }
    const values = secretValues(input, ['password', 'userData'])
    expect(values).toEqual(['Pw+secret1', 'c2VjcmV0LWRhdGE='])
    const mask = maskFor(['password', 'userData'], [...values, 'access-secret-9'])
    expect(mask.value(input)).toEqual({ instanceIds: ['a'], password: '***', nested: { userData: '***' } })
    expect(mask.text('echo Pw+secret1 and c2VjcmV0LWRhdGE= with access-secret-9')).toBe('echo *** and *** with ***')
    expect(mask.value({ message: 'server said "Pw+secret1"' })).toEqual({ message: 'server said "***"' })
  })
})

describe('a reset tool input', () => {
  const tool = {
    name: 'zec_reset_instances',
    inputSchema: { properties: { instanceIds: {}, password: {}, confirmationToken: {} } },
  } as unknown as ToolSpec

  it('is refused above --max-instances, with a repeated id, an unknown field or an empty list', () => {
    expect(() => readFleetInput(tool, { instanceIds: ['a', 'b', 'c'] }, 2)).toThrow(
      /3 instances, more than this server's --max-instances 2/,
    )
    expect(() => readFleetInput(tool, { instanceIds: ['a', 'a'] }, 5)).toThrow(/instanceIds\[1\] repeats an id/)
    expect(() => readFleetInput(tool, { instanceIds: ['a'], token: 'x' }, 5)).toThrow(/"token" is not a field/)
    expect(() => readFleetInput(tool, { instanceIds: [] }, 5)).toThrow(/non-empty list/)
    expect(() => readFleetInput(tool, { instanceIds: [''] }, 5)).toThrow(/instanceIds\[0\] must be a non-empty string/)
    expect(() => readFleetInput(tool, [], 5)).toThrow(/must be an object/)
  })

  it('binds the token to everything but the token', () => {
    const read = readFleetInput(tool, { instanceIds: ['a'], password: 'x', confirmationToken: 't' }, 5)
    expect(read).toEqual({
      ids: ['a'],
      rest: { password: 'x' },
      token: 't',
      bound: { instanceIds: ['a'], password: 'x' },
    })
  })
})
