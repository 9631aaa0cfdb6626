import type { FleetResult } from '@zenlayer-reset/client-runtime'
import { describe, expect, it } from 'vitest'
import { CliError } from '../src/exit-codes.js'
import { fleetExitCode, renderFleet } from '../src/output.js'
import { masked, planFleet } from '../src/plan.js'
import { progressLine, startProgress } from '../src/progress.js'
import type { LoadedService } from '../src/table.js'
import { RESET } from './fixtures.js'

// A validator of the made-up action: ids must start with "t-", diskGb at most 100.
const loaded = {
  service: { operations: { WipeThings: { batch: { maxIds: 2 } } } },
  validators: {
    actions: {
      WipeThings: {
        request: (input: unknown) => {
          const body = input as { thingIds: string[]; diskGb?: number }
          const issues = [
            ...body.thingIds
              .map((id, i) => ({ id, i }))
              .filter(({ id }) => !id.startsWith('t-'))
              .map(({ i }) => ({
                path: `thingIds[${i}]`,
                rule: 'pattern',
                message: 'must start with t-',
                code: 'BAD_ID',
              })),
            ...(body.diskGb !== undefined && body.diskGb > 100
              ? [{ path: 'diskGb', rule: 'maximum', message: 'diskGb must be at most 100', code: 'BAD' }]
              : []),
          ]
          return issues.length ? { ok: false as const, code: issues[0]?.code as string, issues } : { ok: true as const }
        },
      },
    },
  },
} as unknown as LoadedService

describe('the plan', () => {
  it('cuts the valid ids into batches of the spec size, and sets the invalid ones aside', () => {
    const plan = planFleet(RESET, loaded, { diskGb: 20 }, ['t-1', 'x-2', 't-3', 't-4'])
    expect(plan.batches).toEqual([
      { ids: ['t-1', 't-3'], body: { diskGb: 20, thingIds: ['t-1', 't-3'] } },
      { ids: ['t-4'], body: { diskGb: 20, thingIds: ['t-4'] } },
    ])
    expect(plan.invalid).toEqual({ 'x-2': 'must start with t-' })
  })

  it('refuses the whole fleet, naming the flag, for an issue that is not one id`s', () => {
    try {
      planFleet(RESET, loaded, { diskGb: 500 }, ['t-1'])
      throw new Error('planned')
    } catch (error) {
      expect(error).toBeInstanceOf(CliError)
      expect([(error as CliError).exitCode, (error as CliError).message]).toEqual([
        2,
        '--disk-gb: diskGb must be at most 100',
      ])
    }
  })

  it('masks every secret field at any depth', () => {
    expect(masked({ password: 'P', nested: [{ userData: 'U', keep: 1 }] }, new Set(['password', 'userData']))).toEqual({
      password: '***',
      nested: [{ userData: '***', keep: 1 }],
    })
  })
})

function result(totals: Partial<FleetResult['totals']>): FleetResult {
  const all = {
    invalid: 0,
    refused: 0,
    unknown: 0,
    reset: 0,
    failed: 0,
    pending: 0,
    accepted: 0,
    'not-sent': 0,
    ...totals,
  }
  return { outcomes: {}, totals: all, requests: { resets: 1, polls: 1 }, elapsedMs: 5 }
}

describe('the exit code of a fleet', () => {
  const code = (totals: Partial<FleetResult['totals']>, interrupted = false) =>
    fleetExitCode({ service: 'demo', action: 'WipeThings', result: result(totals), interrupted, waited: true })
  it.each([
    [{ reset: 3 }, 0],
    [{ accepted: 3 }, 0],
    [{ reset: 2, refused: 1 }, 1],
    [{ reset: 2, failed: 1 }, 1],
    [{ reset: 2, invalid: 1 }, 1],
    [{ reset: 2, refused: 1, unknown: 1 }, 3],
    [{ reset: 2, pending: 1 }, 3],
    [{ reset: 2, 'not-sent': 1 }, 3],
  ])('%o -> %i', (totals, expected) => {
    expect(code(totals)).toBe(expected)
  })
  it('is 130 when interrupted, whatever the outcomes', () => {
    expect(code({ reset: 3 }, true)).toBe(130)
  })
})

describe('the report', () => {
  const report = {
    service: 'demo',
    action: 'WipeThings',
    interrupted: true,
    waited: true,
    result: {
      ...result({ reset: 1, refused: 1, 'not-sent': 1 }),
      outcomes: {
        't-1': { outcome: 'reset', status: 'READY' },
        't-2': { outcome: 'refused', code: null, reason: 'BUSY; WipeThings needs IDLE' },
        't-3': { outcome: 'not-sent', reason: 'cancelled' },
      },
    } as FleetResult,
  }
  it('is a table of every id, then the totals', () => {
    expect(renderFleet(report, 'table')).toBe(
      'INSTANCE  OUTCOME   STATUS  DETAIL\nt-1       reset     READY\nt-2       refused           in the failed list; BUSY; WipeThings needs IDLE\nt-3       not-sent          cancelled\n\ndemo WipeThings: 1 refused, 1 reset, 1 not-sent; 1 reset calls, 1 status polls, 0.0s; interrupted\n',
    )
  })
  it('is one JSON document with every outcome, the totals, the requests and the exit code', () => {
    const doc = JSON.parse(renderFleet(report, 'json'))
    expect(Object.keys(doc.outcomes)).toEqual(['t-1', 't-2', 't-3'])
    expect(doc).toMatchObject({ interrupted: true, exitCode: 130, requests: { resets: 1, polls: 1 } })
  })
})

describe('the progress', () => {
  it('is one JSON event a line when stderr is not a terminal', () => {
    const lines: string[] = []
    let now = 1000
    const p = startProgress({ write: (t) => lines.push(t) }, 2, () => now)
    p.onEvent({ type: 'sent', ids: ['a', 'b'] })
    now = 1500
    p.onEvent({ type: 'refused', ids: ['b'], code: null })
    p.stop()
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { type: 'sent', ids: ['a', 'b'], elapsedMs: 0 },
      { type: 'refused', ids: ['b'], code: null, elapsedMs: 500 },
    ])
  })

  it('is one line redrawn in place on a terminal, and erased when stopped', () => {
    const writes: string[] = []
    let now = 0
    const p = startProgress({ write: (t) => writes.push(t), isTTY: true, columns: 200 }, 2, () => now)
    now = 200
    p.onEvent({ type: 'sent', ids: ['a', 'b'] })
    now = 400
    p.onEvent({ type: 'accepted', ids: ['a'] })
    p.stop()
    p.stop()
    expect(writes.every((w) => w.startsWith('\r\x1b[2K'))).toBe(true)
    expect(writes.at(-2)).toBe(
      `\r\x1b[2K${progressLine({ total: 2, sent: 2, accepted: 1, refused: 0, unknown: 0, running: 0, failed: 0, rateLimited: 0 }, 400)}`,
    )
    expect(writes.at(-1)).toBe('\r\x1b[2K')
    expect(writes.filter((w) => w === '\r\x1b[2K')).toHaveLength(1)
  })
})
