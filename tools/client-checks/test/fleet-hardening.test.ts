// resetFleet under hostile options and replies (issue 26, items 1-5): every
// option is refused before the first send; once anything was sent the method
// resolves with one outcome per id, whatever happens next; no timer beyond
// what Node accepts; a rejecting progress callback is harmless; the id list
// is read once.
import { type FleetEvent, ZenlayerError } from '@zenlayer-reset/client-runtime'
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { describe, expect, it } from 'vitest'
import { apiError, envelope, failure, fakeServer, fakeTime } from './fake-server.js'

/**
 * A zec API: ResetInstances accepts every id, DescribeInstancesStatus shows each one RUNNING.
 * `resets` lists the ids of every reset call as it went out; `onReset` may answer a call instead.
 */
function zecApi(onReset?: (call: number, ids: string[]) => Response | undefined) {
  const resets: string[][] = []
  const server = fakeServer((request) => async () => {
    const body = JSON.parse(await request.text()) as { instanceIds: string[] }
    if (request.headers.get('x-zc-action') === 'ResetInstances') {
      resets.push(body.instanceIds)
      const scripted = onReset?.(resets.length, body.instanceIds)
      return scripted ?? envelope() // the wire reply lists only the failed ids
    }
    const dataSet = body.instanceIds.map((instanceId) => ({ instanceId, instanceStatus: 'RUNNING' }))
    return envelope({ totalCount: dataSet.length, dataSet })
  })
  return { server, resets }
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `i-${i}`)

function zecClient(server: ReturnType<typeof fakeServer>, extra: Record<string, unknown> = {}) {
  const time = fakeTime()
  return createZecClient({ credentials: { token: 't' }, fetch: server.fetch, ...time, ...extra })
}

describe('resetFleet checks every option before the first send', () => {
  const wrongWaits: [string, unknown][] = [
    ['maxWaitSeconds 0', { maxWaitSeconds: 0 }],
    ['true', true],
    ['null', null],
    ['no maxWaitSeconds', { firstDelayMs: 1 }],
    ['maxWaitSeconds Infinity', { maxWaitSeconds: Number.POSITIVE_INFINITY }],
    ['firstDelayMs 1', { maxWaitSeconds: 60, firstDelayMs: 1 }],
    ['maxDelayMs NaN', { maxWaitSeconds: 60, maxDelayMs: Number.NaN }],
    ['maxDelayMs past a timer', { maxWaitSeconds: 60, maxDelayMs: 2 ** 40 }],
    ['startGraceSeconds -1', { maxWaitSeconds: 60, startGraceSeconds: -1 }],
    ['a string', '60'],
  ]
  for (const [name, wait] of wrongWaits) {
    it(`wait: ${name} is refused and nothing is sent`, async () => {
      const { server, resets } = zecApi()
      const zec = zecClient(server)
      const error = await failure(zec.resetFleet({ instanceIds: ids(150) }, { wait } as never))
      expect(error).toBeInstanceOf(ZenlayerError)
      expect((error as ZenlayerError).code).toBe('INVALID_WAIT')
      expect((error as Error).message).toMatch(/wait/)
      expect(resets).toEqual([])
      expect(server.requests).toEqual([])
    })
  }

  const wrongOptions: [string, unknown, RegExp][] = [
    ['options null', null, /options/],
    ['batchSize NaN', { wait: false, batchSize: Number.NaN }, /batchSize/],
    ['batchSize 0', { wait: false, batchSize: 0 }, /batchSize/],
    ['batchSize 1.5', { wait: false, batchSize: 1.5 }, /batchSize/],
    ['batchSize past the spec limit', { wait: false, batchSize: 101 }, /batchSize.*100/],
    ['concurrency NaN', { wait: false, concurrency: Number.NaN }, /concurrency/],
    ['concurrency Infinity', { wait: false, concurrency: Number.POSITIVE_INFINITY }, /concurrency/],
    ['concurrency -1', { wait: false, concurrency: -1 }, /concurrency/],
    ['onProgress not a function', { wait: false, onProgress: 'log' }, /onProgress/],
    ['signal not a signal', { wait: false, signal: {} }, /signal/],
  ]
  for (const [name, options, message] of wrongOptions) {
    it(`${name} is refused and nothing is sent`, async () => {
      const { server, resets } = zecApi()
      const zec = zecClient(server)
      const error = await failure(zec.resetFleet({ instanceIds: ids(150) }, options as never))
      expect(error).toBeInstanceOf(ZenlayerError)
      expect((error as Error).message).toMatch(message)
      expect(resets).toEqual([])
    })
  }

  it('vm (one call per instance): concurrency NaN is refused, not reported as 3 ids not sent', async () => {
    const server = fakeServer(() => envelope())
    const vm = createVmClient({ credentials: { token: 't' }, fetch: server.fetch, ...fakeTime() })
    const error = await failure(
      vm.resetFleet({ instanceIds: ['a', 'b', 'c'] }, { wait: false, concurrency: Number.NaN }),
    )
    expect((error as Error).message).toMatch(/concurrency/)
    expect(server.requests).toEqual([])
  })
})

describe('resetFleet resolves with every outcome once anything was sent', () => {
  it('a clock that starts to throw after the first send: every id still has an outcome', async () => {
    const { server, resets } = zecApi()
    const time = fakeTime()
    let broken = false
    const zec = createZecClient({
      credentials: { token: 't' },
      fetch: async (input, init) => {
        const response = await server.fetch(input, init)
        broken = true
        return response
      },
      sleep: time.sleep,
      clock: () => {
        if (broken) throw new TypeError('the clock broke')
        return time.clock()
      },
    })
    const result = await zec.resetFleet({ instanceIds: ids(150) }, { wait: { maxWaitSeconds: 60 }, concurrency: 1 })
    expect(resets.flat()).toHaveLength(100)
    expect(Object.keys(result.outcomes)).toHaveLength(150)
    // The accepted batch: still in flight as far as anyone knows, and why the wait stopped.
    expect(result.outcomes['i-0']).toMatchObject({ outcome: 'pending', status: null })
    expect((result.outcomes['i-0'] as { reason: string }).reason).toMatch(/waiting stopped: TypeError: the clock broke/)
    // The batch never sent is said to be so, with why.
    expect(result.outcomes['i-149']).toMatchObject({ outcome: 'not-sent' })
    expect((result.outcomes['i-149'] as { reason: string }).reason).toMatch(/the clock broke/)
    expect(result.totals).toMatchObject({ pending: 100, 'not-sent': 50 })
  })

  it('an error the sending loop did not expect ends the ids it touched with why, and the rest as not sent', async () => {
    const time = fakeTime()
    let sleeps = 0
    const limited = zecApi((call) => (call === 1 ? apiError(429, 'RATE_LIMITED', { 'retry-after': '1' }) : undefined))
    const zec = createZecClient({
      credentials: { token: 't' },
      fetch: limited.server.fetch,
      clock: time.clock,
      sleep: async () => {
        sleeps++
        throw new RangeError('sleep is broken')
      },
    })
    const result = await zec.resetFleet({ instanceIds: ids(150) }, { wait: false, concurrency: 1 })
    expect(sleeps).toBeGreaterThan(0)
    expect(Object.keys(result.outcomes)).toHaveLength(150)
    expect(result.totals['not-sent']).toBe(150)
    expect((result.outcomes['i-0'] as { reason: string }).reason).toMatch(/sleep is broken/)
    expect(limited.resets).toHaveLength(1)
  })
})

describe('resetFleet under a long Retry-After', () => {
  for (const header of ['3600', '99999999999', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
    it(`Retry-After: ${header} ends the ids not yet sent as not sent, with no long timer`, async () => {
      const { server, resets } = zecApi((call) =>
        call === 2 ? apiError(429, 'RATE_LIMITED', { 'retry-after': header }) : undefined,
      )
      const time = fakeTime()
      const zec = createZecClient({ credentials: { token: 't' }, fetch: server.fetch, ...time })
      const events: FleetEvent[] = []
      const result = await zec.resetFleet(
        { instanceIds: ids(300) },
        { wait: false, concurrency: 1, onProgress: (e) => events.push(e) },
      )
      // The first batch went through; the second was refused with 429 and is not sent again, nor the third.
      expect(resets.map((r) => r.length)).toEqual([100, 100])
      expect(result.totals).toMatchObject({ accepted: 100, 'not-sent': 200 })
      const outcome = result.outcomes['i-150'] as { outcome: string; reason: string }
      expect(outcome.outcome).toBe('not-sent')
      expect(outcome.reason).toMatch(/Retry-After/)
      expect(outcome.reason).toMatch(/maxDelayMs/)
      // No sleep was asked for longer than the client's cap (20 s by default).
      expect(Math.max(0, ...time.sleeps)).toBeLessThanOrEqual(20_000)
    })
  }

  it('a Retry-After within the cap is honoured, and the fleet goes on', async () => {
    const { server, resets } = zecApi((call) =>
      call === 1 ? apiError(429, 'RATE_LIMITED', { 'retry-after': '15' }) : undefined,
    )
    const time = fakeTime()
    const zec = createZecClient({ credentials: { token: 't' }, fetch: server.fetch, ...time })
    const result = await zec.resetFleet({ instanceIds: ids(200) }, { wait: false, concurrency: 1 })
    expect(result.totals.accepted).toBe(200)
    expect(resets).toHaveLength(3)
    expect(time.sleeps.some((ms) => ms >= 15_000)).toBe(true)
  })
})

describe('resetFleet and its callbacks', () => {
  it('an async onProgress that rejects leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const { server } = zecApi()
      const zec = zecClient(server)
      const result = await zec.resetFleet(
        { instanceIds: ids(120) },
        {
          wait: { maxWaitSeconds: 60 },
          onProgress: async () => {
            throw new Error('progress sink is down')
          },
        },
      )
      expect(result.totals.reset).toBe(120)
      // Unhandled rejections are reported after a turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})

describe('resetFleet reads the id list once', () => {
  it('an array whose iterator and index getters disagree never sends an id twice', async () => {
    const { server, resets } = zecApi()
    const zec = zecClient(server)
    // Read by index: a, b, c (no duplicate); iterated: a, a, a.
    const lying = ['a', 'b', 'c']
    Object.defineProperty(lying, Symbol.iterator, {
      value: function* () {
        yield* ['a', 'a', 'a']
      },
    })
    const result = await zec.resetFleet({ instanceIds: lying }, { wait: false }).catch((e: unknown) => e)
    const sent = resets.flat()
    expect(new Set(sent).size).toBe(sent.length)
    if (result instanceof Error) expect(sent).toEqual([])
  })

  it('a list whose entries change while it is being read is read once: what was checked is what is sent', async () => {
    const { server, resets } = zecApi()
    const zec = zecClient(server)
    let reads = 0
    const shifting = new Proxy(['x', 'y'], {
      get(target, key, receiver) {
        if (key === '0') return reads++ === 0 ? 'x' : 'y'
        return Reflect.get(target, key, receiver)
      },
    })
    const result = await zec.resetFleet({ instanceIds: shifting }, { wait: false })
    expect(resets.flat().sort()).toEqual(['x', 'y'])
    expect(result.totals.accepted).toBe(2)
  })
})
