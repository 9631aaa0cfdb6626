import { describe, expect, it } from 'vitest'
import { ClientConnection } from '../src/connection.js'
import { fleetAccount } from '../src/fleet-account.js'

const totals = (given: Partial<Record<string, number>>) => ({
  invalid: 0,
  refused: 0,
  unknown: 0,
  reset: 0,
  failed: 0,
  pending: 0,
  accepted: 0,
  'not-sent': 0,
  ...given,
})

describe('the client connection', () => {
  it('is lost once: the first reason stands, and gone resolves with it', async () => {
    const c = new ClientConnection()
    expect(c.lost).toBeUndefined()
    expect(c.lose('stdin closed')).toBe(true)
    expect(c.lose('EPIPE')).toBe(false)
    expect(c.lost).toBe('stdin closed')
    expect(await c.gone).toBe('stdin closed')
  })

  it('waits for the calls it tracks, but no longer than it is given', async () => {
    const c = new ClientConnection()
    c.track(new Promise((resolve) => setTimeout(resolve, 10)))
    c.track(Promise.reject(new Error('a failed call ends too'))).catch(() => undefined)
    c.track(new Promise(() => undefined))
    expect(c.running).toBe(3)
    expect(await c.settled(200)).toBe(false)
    // The one that never ends is still running; the others ended, failed or not.
    expect(c.running).toBe(1)
    const alone = new ClientConnection()
    const call = new Promise<string>((resolve) => setTimeout(() => resolve('done'), 20))
    expect(alone.track(call)).toBe(call)
    expect(await alone.settled(5_000)).toBe(true)
    expect(alone.running).toBe(0)
  })

  it('keeps what the calls tell, each on one line', () => {
    const c = new ClientConnection()
    c.tell('a: one\nthing')
    c.tell('b: another')
    expect(c.said).toEqual(['a: one thing', 'b: another'])
  })
})

describe("a fleet's account when the client went away", () => {
  it('cut off: sent (with how they were answered), not sent, and in doubt, adding up to the fleet', () => {
    expect(
      fleetAccount('zec_reset_instances', 1000, totals({ accepted: 200, unknown: 200, 'not-sent': 600 }), true),
    ).toBe(
      'zec_reset_instances stopped: of 1000 instances, 200 sent (accepted 200), 600 not sent, 200 unknown whether applied (their calls were cut off: look at their statuses before sending them again)',
    )
    expect(fleetAccount('t', 5, totals({ invalid: 1, 'not-sent': 4 }), true)).toBe(
      't stopped: of 5 instances, 0 sent, 5 not sent, 0 unknown whether applied',
    )
  })

  it('ended on its own, only its result undelivered', () => {
    expect(fleetAccount('t', 3, totals({ reset: 2, failed: 1 }), false)).toBe(
      't had finished, its result undelivered: 3 instances, reset 2, failed 1',
    )
  })
})
