// Issue 27, as a newcomer meets the client: resetFleet with no options waits
// (an hour at most) and says where it stands after every round of polls; a
// batch's refused ids say why; a network failure that is not a socket error
// keeps its reason.
import { type FleetEvent, NetworkError } from '@zenlayer-reset/client-runtime'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { describe, expect, it } from 'vitest'
import { envelope, failure, fakeServer, fakeTime } from './fake-server.js'

/**
 * A zec API: ResetInstances refuses the ids in `refuse` (the reply's failed list, no reason), and each id
 * walks its timeline of statuses, one per status poll (the last repeats; null: not found).
 */
function zecApi(refuse: string[], timelines: Record<string, (string | null)[]>) {
  const polls: Record<string, number> = {}
  const actions: string[] = []
  const server = fakeServer((request) => async () => {
    const action = request.headers.get('x-zc-action') ?? ''
    actions.push(action)
    const body = JSON.parse(await request.text()) as { instanceIds: string[] }
    if (action === 'ResetInstances')
      return envelope({ instanceIds: body.instanceIds.filter((id) => refuse.includes(id)) })
    const dataSet = body.instanceIds.flatMap((id) => {
      const timeline = timelines[id] ?? [null]
      const n = polls[id] ?? 0
      polls[id] = n + 1
      const status = timeline[Math.min(n, timeline.length - 1)]
      return status ? [{ instanceId: id, instanceStatus: status }] : []
    })
    return envelope({ totalCount: dataSet.length, dataSet })
  })
  const time = fakeTime()
  const zec = createZecClient({ credentials: { token: 't' }, fetch: server.fetch, ...time })
  return { zec, actions, time }
}

describe('resetFleet as a newcomer calls it', () => {
  it('with no options, waits for the resets (an hour at most) and reports each one', async () => {
    const { zec, time } = zecApi([], { a: ['DEPLOYING', 'RUNNING'], b: ['RUNNING'] })
    const result = await zec.resetFleet({ instanceIds: ['a', 'b'] })
    expect(result.outcomes).toEqual({
      a: { outcome: 'reset', status: 'RUNNING' },
      b: { outcome: 'reset', status: 'RUNNING' },
    })
    expect(time.sleeps.length).toBeGreaterThan(0)
  })

  it('says where the fleet stands after every round of polls while waiting', async () => {
    const { zec } = zecApi([], {
      a: ['STOPPED', 'DEPLOYING', 'DEPLOYING', 'RUNNING'],
      b: ['DEPLOYING', 'RUNNING'],
    })
    const events: FleetEvent[] = []
    await zec.resetFleet(
      { instanceIds: ['a', 'b'] },
      { wait: { maxWaitSeconds: 600 }, onProgress: (e) => events.push(e) },
    )
    const polled = events.filter((e) => e.type === 'polled')
    expect(polled.map((e) => e.type === 'polled' && [e.round, e.inFlight, e.statuses])).toEqual([
      [1, 2, { STOPPED: 1, DEPLOYING: 1 }],
      [2, 1, { DEPLOYING: 1 }],
      [3, 1, { DEPLOYING: 1 }],
      [4, 0, {}],
    ])
    // Each round's event comes before the next pause, with the time elapsed since the wait began.
    expect(polled.every((e) => e.type === 'polled' && e.elapsedMs >= 0)).toBe(true)
  })
})

describe('refusals say why', () => {
  it('ids in the batch reply’s failed list get the reason their status shows', async () => {
    const { zec, actions } = zecApi(['busy', 'ghost', 'odd'], {
      ok: ['RUNNING'],
      busy: ['RUNNING'],
      odd: ['STOPPED'],
    })
    const result = await zec.resetFleet({ instanceIds: ['ok', 'busy', 'ghost', 'odd'] }, { wait: false })
    expect(result.outcomes.ok).toEqual({ outcome: 'accepted' })
    expect(result.outcomes.busy).toMatchObject({
      outcome: 'refused',
      code: null,
      reason: 'RUNNING: ResetInstances needs STOPPED',
    })
    expect(result.outcomes.ghost).toMatchObject({ outcome: 'refused', reason: /no such instance/ })
    expect(result.outcomes.odd).toMatchObject({ outcome: 'refused', reason: /refused while STOPPED/ })
    // One read-only look-up for the three, counted with the polls.
    expect(actions).toEqual(['ResetInstances', 'DescribeInstancesStatus'])
    expect(result.requests).toEqual({ resets: 1, polls: 1 })
  })
})

describe('a network failure keeps its reason', () => {
  it('a port the platform refuses to use: the message says so', async () => {
    // 10080 is on fetch's list of bad ports: refused before any connection, on this machine's loopback.
    const zec = createZecClient({ credentials: { token: 't' }, baseUrl: 'http://127.0.0.1:10080', retry: false })
    const error = await failure(zec.resetInstances({ instanceIds: ['a'] }))
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toMatch(/TypeError: fetch failed: bad port/)
  })
})
