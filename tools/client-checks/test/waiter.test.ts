import { ApiError, WaiterError, type WaitProgress } from '@zenlayer-reset/client-runtime'
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { describe, expect, it } from 'vitest'
import { type Answer, apiError, envelope, failure, fakeServer, fakeTime } from './fake-server.js'

/** A DescribeInstancesStatus stand-in: each id walks its own list of statuses, one per poll (the last repeats). */
function statusServer(timelines: Record<string, (string | null)[]>, interrupts: Record<number, Answer> = {}) {
  const polls: Record<string, number> = {}
  let call = 0
  return fakeServer((request) => {
    call += 1
    const interrupt = interrupts[call]
    if (interrupt) return interrupt
    return (async () => {
      const body = JSON.parse(await request.text()) as { instanceIds: string[]; pageSize: number }
      const dataSet = body.instanceIds.flatMap((id) => {
        const timeline = timelines[id] ?? [null]
        const n = polls[id] ?? 0
        polls[id] = n + 1
        const status = timeline[Math.min(n, timeline.length - 1)]
        return status === null || status === undefined ? [] : [{ instanceId: id, instanceStatus: status }]
      })
      return envelope({ totalCount: dataSet.length, dataSet })
    }) as unknown as Answer
  })
}

function zecWith(server: ReturnType<typeof fakeServer>) {
  const time = fakeTime()
  return {
    zec: createZecClient({ credentials: { token: 't' }, fetch: server.fetch, sleep: time.sleep, clock: time.clock }),
    time,
  }
}

describe('waitUntilReset', () => {
  it('polls with growing delays until every instance is RUNNING, reporting progress', async () => {
    const server = statusServer({ a: ['DEPLOYING', 'DEPLOYING', 'RUNNING'], b: ['REBUILDING', 'RUNNING'] })
    const { zec, time } = zecWith(server)
    const progress: WaitProgress[] = []
    const result = await zec.waitUntilReset({
      instanceIds: ['a', 'b'],
      maxWaitSeconds: 900,
      onProgress: (p) => progress.push(p),
    })
    expect(result.statuses).toEqual({ a: 'RUNNING', b: 'RUNNING' })
    expect(result.polls).toBe(3)
    expect(time.sleeps).toEqual([2000, 3000])
    expect(progress.map((p) => [p.done, p.pending])).toEqual([
      [[], ['a', 'b']],
      [['b'], ['a']],
      [['a', 'b'], []],
    ])
  })

  it('asks for at most 100 ids a call, with a page large enough for them', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `i-${i}`)
    const server = statusServer(Object.fromEntries(ids.map((id) => [id, ['RUNNING']])))
    const { zec } = zecWith(server)
    await zec.waitUntilReset({ instanceIds: ids, maxWaitSeconds: 60 })
    const bodies = server.requests.map((r) => JSON.parse(r.body) as { instanceIds: string[]; pageSize: number })
    expect(bodies.map((b) => [b.instanceIds.length, b.pageSize])).toEqual([
      [100, 100],
      [100, 100],
      [50, 50],
    ])
    expect(server.requests.every((r) => r.headers['x-zc-action'] === 'DescribeInstancesStatus')).toBe(true)
  })

  const failures: {
    name: string
    timelines: Record<string, (string | null)[]>
    code: string
    instances: Record<string, string | null>
  }[] = [
    {
      name: 'REINSTALL_FAILED',
      timelines: { a: ['DEPLOYING', 'REINSTALL_FAILED'], b: ['RUNNING'] },
      code: 'RESET_FAILED',
      instances: { a: 'REINSTALL_FAILED' },
    },
    { name: 'a dead end (RECYCLE)', timelines: { a: ['RECYCLE'] }, code: 'RESET_FAILED', instances: { a: 'RECYCLE' } },
    {
      name: 'back to STOPPED after deploying',
      timelines: { a: ['DEPLOYING', 'STOPPED'] },
      code: 'RESET_FAILED',
      instances: { a: 'STOPPED' },
    },
    {
      name: 'an unknown id',
      timelines: { a: ['RUNNING'], ghost: [null] },
      code: 'INSTANCE_NOT_FOUND',
      instances: { ghost: null },
    },
  ]
  it.each(failures)('fails at once on $name, naming the instances', async ({ timelines, code, instances }) => {
    const { zec, time } = zecWith(statusServer(timelines))
    const error = await failure(zec.waitUntilReset({ instanceIds: Object.keys(timelines), maxWaitSeconds: 900 }))
    expect(error).toBeInstanceOf(WaiterError)
    expect(error).toMatchObject({ code, instances })
    expect(time.sleeps.length).toBeLessThan(3)
  })

  it('fails when an instance never leaves STOPPED within the grace period', async () => {
    const { zec } = zecWith(statusServer({ a: ['STOPPED'] }))
    const error = await failure(zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 900, startGraceSeconds: 10 }))
    expect(error).toMatchObject({ code: 'RESET_NOT_STARTED', instances: { a: 'STOPPED' } })
  })

  it('gives up after maxWaitSeconds, naming what is still pending', async () => {
    const { zec, time } = zecWith(statusServer({ a: ['DEPLOYING'], b: ['RUNNING'] }))
    const error = await failure(zec.waitUntilReset({ instanceIds: ['a', 'b'], maxWaitSeconds: 60 }))
    expect(error).toMatchObject({ code: 'WAIT_TIMEOUT', instances: { a: 'DEPLOYING' } })
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000)
  })

  it('fails fast on errors that will not clear', async () => {
    const server = statusServer({ a: ['DEPLOYING'] }, { 1: apiError(401, 'AUTH_FAILURE_TOKEN_INVALID') })
    const { zec } = zecWith(server)
    const error = await failure(zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 900 }))
    expect(error).toBeInstanceOf(ApiError)
    expect(server.requests).toHaveLength(1)
  })

  it('rides out rate limiting and server errors', async () => {
    const limited = apiError(429, 'REQUEST_LIMIT_EXCEEDED')
    const server = statusServer(
      { a: ['DEPLOYING', 'RUNNING'] },
      { 1: limited, 2: apiError(503, 'SERVICE_TEMPORARY_UNAVAILABLE') },
    )
    const { zec } = zecWith(server)
    const result = await zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 900 })
    expect(result.statuses).toEqual({ a: 'RUNNING' })
  })

  it('needs a positive maximum wait', async () => {
    const { zec } = zecWith(statusServer({ a: ['RUNNING'] }))
    expect(await failure(zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 0 }))).toMatchObject({
      code: 'INVALID_WAIT',
    })
    expect(
      await failure(zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: Number.POSITIVE_INFINITY })),
    ).toMatchObject({ code: 'INVALID_WAIT' })
  })

  it.each([0, 1, 99, -5, Number.NaN])(
    'refuses a delay between polls of %s ms (a waiter must not flood the API)',
    async (ms) => {
      const { zec } = zecWith(statusServer({ a: ['RUNNING'] }))
      for (const key of ['firstDelayMs', 'maxDelayMs'] as const) {
        expect(await failure(zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 60, [key]: ms }))).toMatchObject({
          code: 'INVALID_WAIT',
          message: expect.stringContaining(key),
        })
      }
    },
  )

  it('keeps its deadline when every poll hangs, even with a fetch that ignores signals', async () => {
    // Real clock and timers: the deadline is the point. The bound is generous
    // (the wait may overrun by one last poll of 1 s); before the fix it took 14 s.
    let polls = 0
    const zec = createZecClient({
      credentials: { token: 'token-1' },
      fetch: () => {
        polls += 1
        return new Promise<Response>(() => {})
      },
    })
    const started = Date.now()
    const error = await failure(zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 1 }))
    const elapsed = Date.now() - started
    expect(error).toBeInstanceOf(WaiterError)
    expect(error).toMatchObject({ code: 'WAIT_TIMEOUT', instances: { a: null } })
    expect(polls).toBeGreaterThanOrEqual(1)
    expect(elapsed).toBeLessThan(3_000)
  })

  it('is cancelled by its signal', async () => {
    const controller = new AbortController()
    const { zec } = zecWith(statusServer({ a: ['DEPLOYING'] }))
    const pending = zec.waitUntilReset({
      instanceIds: ['a'],
      maxWaitSeconds: 900,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('cancelled by test')),
    })
    expect(await failure(pending)).toMatchObject({ message: 'cancelled by test' })
  })

  it('follows vm through REBUILDING', async () => {
    const server = statusServer({ v: ['REBUILDING', 'RUNNING'] })
    const time = fakeTime()
    const vm = createVmClient({
      credentials: { token: 't' },
      fetch: server.fetch,
      sleep: time.sleep,
      clock: time.clock,
    })
    expect((await vm.waitUntilReset({ instanceIds: ['v'], maxWaitSeconds: 600 })).statuses).toEqual({ v: 'RUNNING' })
  })
})
