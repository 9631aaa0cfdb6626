// resetFleet on both generated clients against the in-process mocks: one
// outcome per id, never a second send of an id that may have been applied,
// one pace for rate limiting, cancellation at each stage.
import { InvalidInputError } from '@zenlayer-reset/client-runtime'
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createVmMock } from '@zenlayer-reset/vm-mock'
import * as vmValidator from '@zenlayer-reset/vm-validator'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import * as zecValidator from '@zenlayer-reset/zec-validator'
import { describe, expect, it } from 'vitest'
import { startMockServer } from '../src/start.js'

/** Fake time for the client: sleeping advances the clock at once. */
function fakeTime() {
  let now = 1_000_000
  return {
    clock: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason
      now += ms
    },
    advance: (ms: number) => {
      now += ms
    },
  }
}

/** Every request the client sent, with the action and the ids it named, and what the server answered. */
function recording(inner: (input: string | URL | Request, init?: RequestInit) => Promise<Response>) {
  // Recorded when sent, before any answer: a request whose reply is lost was sent all the same.
  const sent: { action: string; ids: string[]; status?: number }[] = []
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    const body = JSON.parse(String(init?.body ?? '{}')) as { instanceIds?: string[]; instanceId?: string }
    const entry: { action: string; ids: string[]; status?: number } = {
      action: headers.get('x-zc-action') ?? '',
      ids: body.instanceIds ?? (body.instanceId ? [body.instanceId] : []),
    }
    sent.push(entry)
    const response = await inner(input, init)
    entry.status = response.status
    return response
  }
  return { sent, fetch }
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`)
const stopped = (list: string[]) => list.map((instanceId) => ({ instanceId, status: 'STOPPED' }))

describe('zec resetFleet', () => {
  it('sends batches of the spec limit and gives each id one outcome, followed to the end', async () => {
    const fleet = ids('z', 230)
    const mock = createZecMock({
      progression: 'immediate',
      state: {
        instances: [
          ...stopped(fleet.slice(0, 220)),
          ...fleet.slice(220, 225).map((instanceId) => ({ instanceId, status: 'RUNNING' })),
        ],
      },
    })
    mock.faults.failNextReset('z-7')
    const { sent, fetch } = recording(mock.fetch)
    const time = fakeTime()
    const zec = createZecClient({ credentials: { token: 'mock-token' }, fetch, ...time })
    const events: string[] = []
    const result = await zec.resetFleet(
      { instanceIds: fleet },
      { wait: { maxWaitSeconds: 600 }, onProgress: (e) => events.push(e.type) },
    )
    const resets = sent.filter((s) => s.action === 'ResetInstances')
    expect(resets.map((s) => s.ids.length)).toEqual([100, 100, 30])
    expect(result.totals).toMatchObject({ reset: 219, failed: 1, refused: 10, unknown: 0, pending: 0 })
    expect(result.outcomes['z-7']).toEqual({ outcome: 'failed', status: 'REINSTALL_FAILED' })
    expect(result.outcomes['z-0']).toEqual({ outcome: 'reset', status: 'RUNNING' })
    // RUNNING (not STOPPED) and unknown ids are the reply's failed list; one status look-up says why.
    expect(result.outcomes['z-221']).toMatchObject({
      outcome: 'refused',
      code: null,
      reason: 'RUNNING: ResetInstances needs STOPPED',
    })
    expect(result.outcomes['z-229']).toMatchObject({ outcome: 'refused', code: null, reason: /no such instance/ })
    // The look-up of the 10 refused ids, then, with most of the account in flight, one page of the largest
    // size (1000) per round, not 100 ids per poll.
    expect(result.requests).toEqual({ resets: 3, polls: 2 })
    expect(new Set(events)).toEqual(new Set(['sent', 'accepted', 'refused', 'running', 'failed', 'polled']))
  })

  it('refuses a duplicate id, naming it, before anything is sent', async () => {
    const mock = createZecMock({ state: { instances: stopped(['a', 'b']) } })
    const { sent, fetch } = recording(mock.fetch)
    const zec = createZecClient({ credentials: { token: 'mock-token' }, fetch })
    const error = await zec.resetFleet({ instanceIds: ['a', 'b', 'a'] }, { wait: false }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect((error as Error).message).toContain('instanceIds[2] repeats a')
    expect(sent).toHaveLength(0)
  })

  it('validates once before sending: an invalid id is its own outcome, an invalid field refuses the fleet', async () => {
    const mock = createZecMock({ progression: 'immediate', state: { instances: stopped(['a']) } })
    const { sent, fetch } = recording(mock.fetch)
    const zec = createZecClient({ credentials: { token: 'mock-token' }, fetch, validator: zecValidator })
    const long = 'x'.repeat(200)
    const result = await zec.resetFleet({ instanceIds: ['a', long] }, { wait: false })
    expect(result.outcomes[long]).toMatchObject({
      outcome: 'invalid',
      code: 'INVALID_PARAMETER_VALUE_INSTANCE_IDS_MALFORMED',
    })
    expect(result.outcomes.a).toEqual({ outcome: 'accepted' })
    expect(sent.map((s) => s.ids)).toEqual([['a']])
    const bad = await zec
      .resetFleet({ instanceIds: ['a'], password: 'short' }, { wait: false })
      .catch((e: unknown) => e)
    expect(bad).toMatchObject({ name: 'InvalidInputError', code: 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED' })
    expect(sent).toHaveLength(1)
  })

  it('never sends again the ids of a batch whose connection died after it was sent; the statuses tell their fate', async () => {
    const fleet = ids('k', 150)
    const mock = createZecMock({ progression: 'immediate', state: { instances: stopped(fleet) } })
    let killed = false
    const { sent, fetch } = recording(async (input, init) => {
      const response = await mock.fetch(input as string, init)
      // The first reset reaches the mock and is applied; its reply never comes back.
      if (!killed && new Headers(init?.headers).get('x-zc-action') === 'ResetInstances') {
        killed = true
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
        })
      }
      return response
    })
    const zec = createZecClient({ credentials: { token: 'mock-token' }, fetch, ...fakeTime() })
    const unsure = await zec.resetFleet({ instanceIds: fleet }, { wait: false })
    expect(unsure.totals).toMatchObject({ unknown: 100, accepted: 50 })
    const perId = new Map<string, number>()
    for (const s of sent.filter((x) => x.action === 'ResetInstances'))
      for (const id of s.ids) perId.set(id, (perId.get(id) ?? 0) + 1)
    expect(Math.max(...perId.values())).toBe(1)
    expect(perId.size).toBe(150)

    // The same, followed: the waiter learns from the statuses that the lost batch was applied.
    const again = createZecMock({ progression: 'immediate', state: { instances: stopped(fleet) } })
    let lost = false
    const zec2 = createZecClient({
      credentials: { token: 'mock-token' },
      ...fakeTime(),
      fetch: async (input, init) => {
        const response = await again.fetch(input as string, init)
        if (!lost && new Headers(init?.headers).get('x-zc-action') === 'ResetInstances') {
          lost = true
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) })
        }
        return response
      },
    })
    const followed = await zec2.resetFleet({ instanceIds: fleet }, { wait: { maxWaitSeconds: 60 } })
    expect(followed.totals).toMatchObject({ reset: 150, unknown: 0 })
  })

  it('an id the status query never lists is unknown, not reset', async () => {
    const mock = createZecMock({ progression: 'immediate', state: { instances: stopped(['a', 'b']) } })
    const zec = createZecClient({
      credentials: { token: 'mock-token' },
      ...fakeTime(),
      fetch: async (input, init) => {
        const response = await mock.fetch(input as string, init)
        if (new Headers(init?.headers).get('x-zc-action') !== 'DescribeInstancesStatus') return response
        const body = (await response.json()) as { response: { dataSet: { instanceId: string }[]; totalCount: number } }
        body.response.dataSet = body.response.dataSet.filter((i) => i.instanceId !== 'b')
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
      },
    })
    const result = await zec.resetFleet({ instanceIds: ['a', 'b'] }, { wait: { maxWaitSeconds: 60 } })
    expect(result.outcomes.a).toEqual({ outcome: 'reset', status: 'RUNNING' })
    expect(result.outcomes.b).toMatchObject({ outcome: 'unknown', status: null })
  })

  it('stops new sends at once when cancelled: before, between batches and while waiting', async () => {
    const fleet = ids('c', 300)
    const make = () => createZecMock({ progression: 'manual', state: { instances: stopped(fleet) } })
    const before = new AbortController()
    before.abort()
    const m1 = make()
    const r1 = await createZecClient({ credentials: { token: 'mock-token' }, fetch: m1.fetch }).resetFleet(
      { instanceIds: fleet },
      { wait: false, signal: before.signal },
    )
    expect(r1.totals['not-sent']).toBe(300)

    const between = new AbortController()
    const m2 = make()
    const r2 = await createZecClient({ credentials: { token: 'mock-token' }, fetch: m2.fetch }).resetFleet(
      { instanceIds: fleet },
      {
        wait: false,
        concurrency: 1,
        signal: between.signal,
        onProgress: (e) => e.type === 'accepted' && between.abort(),
      },
    )
    expect(r2.totals).toMatchObject({ accepted: 100, 'not-sent': 200 })
    expect(m2.instance('c-150')?.status).toBe('STOPPED')

    const waiting = new AbortController()
    const m3 = make()
    const time = fakeTime()
    const r3 = await createZecClient({ credentials: { token: 'mock-token' }, fetch: m3.fetch, ...time }).resetFleet(
      { instanceIds: fleet.slice(0, 10) },
      {
        wait: { maxWaitSeconds: 600 },
        signal: waiting.signal,
        onProgress: (e) => e.type === 'accepted' && setTimeout(() => waiting.abort(), 0),
      },
    )
    expect(r3.totals.pending + r3.totals.accepted).toBe(10)
  })

  it('lets a call already on its way run to its reply when cancelled: its ids are accepted, not unknown', async () => {
    const fleet = ids('d', 300)
    const mock = createZecMock({ progression: 'manual', state: { instances: stopped(fleet) } })
    mock.faults.latency(200)
    const cancel = new AbortController()
    const result = await createZecClient({ credentials: { token: 'mock-token' }, fetch: mock.fetch }).resetFleet(
      { instanceIds: fleet },
      {
        wait: { maxWaitSeconds: 600 },
        concurrency: 1,
        signal: cancel.signal,
        // Cancelled while the first batch's call is on its way (the mock holds it 200 ms).
        onProgress: (e) => e.type === 'sent' && cancel.abort(),
      },
    )
    expect(result.totals).toMatchObject({ accepted: 100, 'not-sent': 200, unknown: 0 })
    expect(mock.instance('d-1')?.status).toBe('DEPLOYING')
    expect(mock.instance('d-101')?.status).toBe('STOPPED')
  })
})

describe('vm resetFleet', () => {
  it("gives each refused id the server's sentence as its reason, on one line", async () => {
    const mock = createVmMock({
      progression: 'manual',
      state: { instances: [{ instanceId: 'v-ok' }, { instanceId: 'v-busy', status: 'RUNNING' }] },
    })
    const vm = createVmClient({ credentials: { token: 'mock-token' }, fetch: mock.fetch })
    const result = await vm.resetFleet({ instanceIds: ['v-ok', 'v-busy'] } as never, { wait: false })
    expect(result.outcomes['v-ok']).toEqual({ outcome: 'accepted' })
    const busy = result.outcomes['v-busy'] as { outcome: string; code: string; requestId: string; reason: string }
    expect(busy).toMatchObject({ outcome: 'refused', code: expect.any(String), requestId: expect.any(String) })
    expect(busy.reason).toMatch(/v-busy/)
    expect(busy.reason).toMatch(/RUNNING/)
    expect(busy.reason).not.toMatch(/[\n\r\t]/)
  })

  it('runs single calls in parallel under one shared pace when rate limited', async () => {
    const fleet = ids('v', 40)
    const mock = createVmMock({ progression: 'immediate', state: { instances: stopped(fleet) } })
    mock.faults.rateLimit(5)
    const time = fakeTime()
    const log: { at: number; status: number }[] = []
    const vm = createVmClient({
      credentials: { token: 'mock-token' },
      ...time,
      fetch: async (input, init) => {
        const response = await mock.fetch(input as string, init)
        if (new Headers(init?.headers).get('x-zc-action') === 'ResetInstance')
          log.push({ at: time.clock(), status: response.status })
        return response
      },
    })
    const limited: number[] = []
    const result = await vm.resetFleet({ instanceIds: fleet, keyId: undefined } as never, {
      wait: { maxWaitSeconds: 600 },
      concurrency: 4,
      onProgress: (e) => e.type === 'rate-limited' && limited.push(e.delayMs),
    })
    expect(result.totals.reset).toBe(40)
    expect(limited.length).toBeGreaterThan(0)
    // Every 429 held every worker: no send in the second after one (the mock says Retry-After: 1).
    for (const hit of log.filter((l) => l.status === 429)) {
      const during = log.filter((l) => l.at > hit.at && l.at < hit.at + 1000)
      expect(during).toEqual([])
    }
    // A 429 is not applied, so its id is sent again; an accepted id never is.
    expect(log.filter((l) => l.status === 200)).toHaveLength(40)
  })

  it('a failed reset without a failure status (back to STOPPED) is never reported reset; a refused id has its code', async () => {
    const mock = createVmMock({ progression: 'immediate', state: { instances: stopped(['a', 'b']) } })
    mock.faults.failNextReset('b')
    const vm = createVmClient({
      credentials: { token: 'mock-token' },
      fetch: mock.fetch,
      validator: vmValidator,
      ...fakeTime(),
    })
    const result = await vm.resetFleet(
      { instanceIds: ['a', 'b', 'ghost'] },
      { wait: { maxWaitSeconds: 600, startGraceSeconds: 10 } },
    )
    expect(result.outcomes.a).toEqual({ outcome: 'reset', status: 'RUNNING' })
    expect(result.outcomes.ghost).toMatchObject({ outcome: 'refused', code: 'INVALID_INSTANCE_NOT_FOUND' })
    // Back at STOPPED before any poll saw it move: not reported reset; said to be unknown, with why.
    expect(result.outcomes.b).toMatchObject({ outcome: 'unknown', status: 'STOPPED' })
    expect((result.outcomes.b as { reason: string }).reason).toContain('did not start')
  })
})

describe('resetFleet over HTTP against zenlayer-mock', () => {
  it('each instance is reset exactly once on the server, under rate limiting and a lost reply', async () => {
    const fleet = ids('h', 250)
    const server = await startMockServer({
      port: 0,
      progression: 'immediate',
      state: { zec: { instances: stopped(fleet) } },
    })
    try {
      const zec = server.hub.mocks.zec
      zec?.faults.rateLimit(3)
      let lost = false
      // Resets the server answered other than 429 (so took and judged), by id, the lost one included.
      const judged = new Map<string, number>()
      const client = createZecClient({
        baseUrl: server.url,
        credentials: { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' },
        ...fakeTime(),
        fetch: async (input, init) => {
          const response = await globalThis.fetch(input, init)
          const action = new Headers(init?.headers).get('x-zc-action')
          if (action === 'ResetInstances' && response.status !== 429) {
            for (const id of (JSON.parse(String(init?.body)) as { instanceIds: string[] }).instanceIds)
              judged.set(id, (judged.get(id) ?? 0) + 1)
          }
          // The first batch the server accepts: its reply is lost on the way back.
          if (!lost && new Headers(init?.headers).get('x-zc-action') === 'ResetInstances' && response.status === 200) {
            lost = true
            throw new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) })
          }
          return response
        },
      })
      const result = await client.resetFleet({ instanceIds: fleet }, { wait: { maxWaitSeconds: 600 } })
      expect(result.totals).toMatchObject({ reset: 250, unknown: 0, refused: 0 })
      // What the server received: every instance in exactly one reset it took, and one transition.
      expect([...judged.values()].every((n) => n === 1)).toBe(true)
      expect(judged.size).toBe(250)
      for (const id of fleet) {
        expect(
          zec?.history(id).filter((e) => e.status === 'DEPLOYING'),
          id,
        ).toHaveLength(1)
      }
    } finally {
      await server.close()
    }
  })
})
