// Issue 26, item 14: the admin surface cannot grow the state without bound.
// Each service keeps at most maxInstances instances, maxImages images,
// maxKeyPairs key pairs and maxFailNextReset pending failures (100,000,
// 200,000, 100,000 and 100,000 by default); a request that would go past one
// is refused 409 ADMIN_LIMIT_EXCEEDED naming the limit, and changes nothing.
// The seeds the benches use (100,000 instances, reset before each slice) still fit.
import { type RunningServer, serve } from '@zenlayer-reset/mock-engine/node'
import { afterEach, describe, expect, it } from 'vitest'
import { createHub, type StartOptions } from '../src/start.js'

const open: RunningServer[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function start(options: Omit<StartOptions, 'port' | 'host'> = {}) {
  const hub = createHub(options)
  const running = await serve(hub, { port: 0 })
  open.push(running)
  return { hub, url: running.url }
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
  const text = await response.text()
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text }
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`)
const instances = (prefix: string, n: number) => ids(prefix, n).map((instanceId) => ({ instanceId }))

describe('totals over the admin surface, default limits', () => {
  it('seeds add instances up to 100,000 per service; the one that would pass it is refused 409, nothing added', async () => {
    const { hub, url } = await start()
    // 30,000 a post (about 0.8 MiB, under the 1 MiB body limit): the first three fit, the rest would not.
    const statuses: number[] = []
    let refused: Awaited<ReturnType<typeof post>> | undefined
    for (let n = 0; n < 5; n++) {
      const reply = await post(`${url}/__admin/seed`, {
        service: 'zec',
        state: { instances: instances(`s${n}`, 30_000) },
      })
      statuses.push(reply.status)
      if (reply.status !== 200) refused ??= reply
    }
    expect(statuses).toEqual([200, 200, 200, 409, 409])
    expect(refused?.body).toEqual({
      code: 'ADMIN_LIMIT_EXCEEDED',
      message: 'POST seed: zec would hold 120000 instances, over the limit of 100000 (maxInstances)',
    })
    expect(hub.mocks.zec?.snapshot().instances).toHaveLength(90_000)
    // Seeding ids it already holds adds nothing, so it still fits.
    expect(
      (await post(`${url}/__admin/seed`, { service: 'zec', state: { instances: instances('s0', 30_000) } })).status,
    ).toBe(200)
    // A reset frees the room.
    expect((await post(`${url}/__admin/reset`, { service: 'zec' })).status).toBe(200)
    expect(
      (await post(`${url}/__admin/seed`, { service: 'zec', state: { instances: instances('t', 30_000) } })).status,
    ).toBe(200)
  })

  it('failNextReset holds at most 100,000 pending ids per service; more is refused 409 and sets nothing', async () => {
    const { hub, url } = await start()
    expect((await post(`${url}/__admin/faults`, { service: 'zec', failNextReset: ids('a', 60_000) })).status).toBe(200)
    const refused = await post(`${url}/__admin/faults`, {
      service: 'zec',
      failNextReset: ids('b', 60_000),
      latencyMs: 5,
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({
      code: 'ADMIN_LIMIT_EXCEEDED',
      message:
        'POST faults: zec would hold 120000 pending failNextReset ids, over the limit of 100000 (maxFailNextReset)',
    })
    expect(hub.mocks.zec?.faults.current().failNextReset).toHaveLength(60_000)
    expect(hub.mocks.zec?.faults.current().latencyMs).toBe(0)
    // Ids already pending take no more room; clearing in the same request makes room.
    expect((await post(`${url}/__admin/faults`, { service: 'zec', failNextReset: ids('a', 60_000) })).status).toBe(200)
    const cleared = await post(`${url}/__admin/faults`, {
      service: 'zec',
      clear: true,
      failNextReset: ids('b', 60_000),
    })
    expect(cleared.status).toBe(200)
    expect(hub.mocks.zec?.faults.current().failNextReset).toEqual(ids('b', 60_000))
  })

  it('fifteen posts of the largest bodies leave each service within its limits', async () => {
    const { hub, url } = await start()
    for (let n = 0; n < 15; n++) {
      const service = n % 2 === 0 ? 'zec' : 'vm'
      const seeded = await post(`${url}/__admin/seed`, {
        service,
        state: { instances: instances(`p${n}`, 20_000), keyPairs: ids(`k${n}`, 10_000) },
      })
      expect([200, 409]).toContain(seeded.status)
      const faulted = await post(`${url}/__admin/faults`, { failNextReset: ids(`f${n}`, 60_000) })
      expect([200, 409]).toContain(faulted.status)
      expect(seeded.text + faulted.text).not.toMatch(/\n\s+at |stack/i)
    }
    for (const mock of Object.values(hub.mocks)) {
      const state = mock.snapshot()
      expect(state.instances.length).toBeLessThanOrEqual(100_000)
      expect(state.keyPairs.length).toBeLessThanOrEqual(100_000)
      expect(mock.faults.current().failNextReset.length).toBeLessThanOrEqual(100_000)
    }
  })
})

describe('limits as options', () => {
  it('images and key pairs are counted whole, an instance bringing its own image too', async () => {
    const { hub, url } = await start({ maxImages: 3, maxKeyPairs: 2 })
    const images = await post(`${url}/__admin/seed`, {
      service: 'vm',
      state: { images: [{ imageId: 'i-1' }, { imageId: 'i-2' }], instances: [{ instanceId: 'v', imageId: 'i-3' }] },
    })
    expect(images.status).toBe(200)
    const more = await post(`${url}/__admin/seed`, {
      service: 'vm',
      state: { instances: [{ instanceId: 'w', imageId: 'i-4' }] },
    })
    expect(more).toMatchObject({
      status: 409,
      body: {
        code: 'ADMIN_LIMIT_EXCEEDED',
        message: 'POST seed: vm would hold 4 images, over the limit of 3 (maxImages)',
      },
    })
    expect(hub.mocks.vm?.instance('w')).toBeUndefined()
    const keys = await post(`${url}/__admin/seed`, { service: 'vm', state: { keyPairs: ['k1', 'k2', 'k3'] } })
    expect(keys.body.message).toBe('POST seed: vm would hold 3 key pairs, over the limit of 2 (maxKeyPairs)')
    expect(hub.mocks.vm?.snapshot().keyPairs).toEqual([])
  })

  it('a reset whose state is over a limit wipes no service', async () => {
    const { hub, url } = await start({ maxInstances: 2, state: { zec: { instances: instances('z', 1) } } })
    const reply = await post(`${url}/__admin/reset`, { state: { instances: instances('r', 3) } })
    expect(reply).toMatchObject({
      status: 409,
      body: { message: 'POST reset: zec would hold 3 instances, over the limit of 2 (maxInstances)' },
    })
    expect(hub.mocks.zec?.snapshot().instances.map((i) => i.instanceId)).toEqual(['z-0'])
  })

  it('failNextReset over the limit of one service of the two sets it on neither', async () => {
    const { hub, url } = await start({ maxFailNextReset: 3 })
    expect((await post(`${url}/__admin/faults`, { service: 'vm', failNextReset: ['v1', 'v2'] })).status).toBe(200)
    const reply = await post(`${url}/__admin/faults`, { failNextReset: ['x', 'y'] })
    expect(reply.body).toEqual({
      code: 'ADMIN_LIMIT_EXCEEDED',
      message: 'POST faults: vm would hold 4 pending failNextReset ids, over the limit of 3 (maxFailNextReset)',
    })
    expect(hub.mocks.zec?.faults.current().failNextReset).toEqual([])
    expect(hub.mocks.vm?.faults.current().failNextReset).toEqual(['v1', 'v2'])
  })

  it('in process: seed() and failNextReset() throw an error naming the limit and change nothing', () => {
    const hub = createHub({ maxInstances: 2, maxFailNextReset: 1 })
    const zec = hub.mocks.zec
    expect(() => zec?.seed({ instances: instances('a', 3) })).toThrow(
      'zec would hold 3 instances, over the limit of 2 (maxInstances)',
    )
    expect(zec?.snapshot().instances).toEqual([])
    expect(() => zec?.faults.failNextReset('a', 'b')).toThrow(
      'zec would hold 2 pending failNextReset ids, over the limit of 1 (maxFailNextReset)',
    )
    expect(zec?.faults.current().failNextReset).toEqual([])
  })

  it.each([0, -1, 1.5, Number.NaN])('a limit of %s is refused when the mock is made', (n) => {
    expect(() => createHub({ maxInstances: n })).toThrow(/maxInstances must be a whole number of at least 1/)
  })
})

describe('the seeds in use still fit', () => {
  it('100,000 instances from the start, reset to 100,000 fresh ones (the benches), each with its own image', () => {
    const hub = createHub({ state: { zec: { instances: instances('bench', 100_000) } } })
    const zec = hub.mocks.zec
    expect(zec?.snapshot().instances).toHaveLength(100_000)
    zec?.reset({ instances: instances('bench', 100_000) })
    zec?.reset({
      instances: ids('own', 100_000).map((instanceId) => ({ instanceId, imageId: `img-${instanceId}` })),
      images: ids('listed', 100_000).map((imageId) => ({ imageId })),
    })
    expect(zec?.snapshot().images).toHaveLength(200_000)
    // The fleet bench: a failure for 1% of 10,000 instances.
    zec?.faults.failNextReset(...ids('z', 10_000).filter((_, i) => i % 100 === 13))
    expect(zec?.faults.current().failNextReset).toHaveLength(100)
  })
})
