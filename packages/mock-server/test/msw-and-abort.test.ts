// Issue 14: each service's MSW handlers claim only their own path, so both
// services' handlers work in one MSW server; and the in-process fetch honours
// AbortSignal as fetch does.
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createVmMock } from '@zenlayer-reset/vm-mock'
import { mswHandlers as vmHandlers } from '@zenlayer-reset/vm-mock/msw'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import { mswHandlers as zecHandlers } from '@zenlayer-reset/zec-mock/msw'
import { setupServer } from 'msw/node'
import { afterEach, describe, expect, it } from 'vitest'
import { KEY } from './transports.js'

const BASE = 'https://mock-pair.example'
let stop: (() => void) | undefined
afterEach(() => {
  stop?.()
  stop = undefined
})

describe('MSW: both services in one server', () => {
  it.each([
    ['zec first', true],
    ['vm first', false],
  ])('%s: each call reaches its own mock', async (_name, zecFirst) => {
    const zec = createZecMock({ progression: 'manual', state: { instances: [{ instanceId: 'zec-1' }] } })
    const vm = createVmMock({ progression: 'manual', state: { instances: [{ instanceId: 'vm-1' }] } })
    const handlers = zecFirst
      ? [...zecHandlers(zec, { baseUrl: BASE }), ...vmHandlers(vm, { baseUrl: BASE })]
      : [...vmHandlers(vm, { baseUrl: BASE }), ...zecHandlers(zec, { baseUrl: BASE })]
    const server = setupServer(...handlers)
    server.listen({ onUnhandledRequest: 'error' })
    stop = () => server.close()
    const common = { credentials: KEY, baseUrl: BASE, retry: false as const }
    const zecResult = await createZecClient(common).resetInstances({ instanceIds: ['zec-1'] })
    const vmResult = await createVmClient(common).resetInstance({ instanceId: 'vm-1' })
    expect(zecResult.failedInstanceIds).toEqual([])
    expect(vmResult.requestId).toMatch(/^T/)
    expect(zec.snapshot().instances.find((i) => i.instanceId === 'zec-1')?.status).toBe('DEPLOYING')
    expect(vm.snapshot().instances.find((i) => i.instanceId === 'vm-1')?.status).toBe('REBUILDING')
  })

  it("a service handler does not claim another service's path", () => {
    const [handler] = zecHandlers(createZecMock(), { baseUrl: BASE })
    expect(handler?.info.path).toBe(`${BASE}/api/v2/zec`)
  })
})

describe('in-process fetch honours AbortSignal', () => {
  it('an already aborted signal rejects at once, and nothing reaches the mock', async () => {
    const mock = createZecMock({ state: { instances: [{ instanceId: 'a' }] } })
    const client = createZecClient({ credentials: KEY, fetch: mock.fetch, retry: false })
    const controller = new AbortController()
    controller.abort()
    await expect(client.resetInstances({ instanceIds: ['a'] }, { signal: controller.signal })).rejects.toThrow()
    expect(mock.snapshot().instances[0]?.status).toBe('STOPPED')
  })

  it('a signal aborted while the mock is answering (injected latency) rejects at once', async () => {
    const mock = createZecMock({ state: { instances: [{ instanceId: 'a' }] }, sleep: () => new Promise(() => {}) })
    mock.faults.latency(60_000)
    const client = createZecClient({ credentials: KEY, fetch: mock.fetch, retry: false })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    const started = Date.now()
    await expect(client.resetInstances({ instanceIds: ['a'] }, { signal: controller.signal })).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it("fetch itself rejects with the signal's reason", async () => {
    const mock = createZecMock()
    const reason = new Error('stop waiting')
    await expect(
      mock.fetch('https://console.zenlayer.com/api/v2/zec', { method: 'POST', signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason)
  })
})
