// The same mock reached three ways: in process (hub.fetch), over real HTTP on
// loopback (the node:http server), and through MSW 2 intercepting fetch.
import { type MockHub, manualClock, type SeedState } from '@zenlayer-reset/mock-engine'
import { mswHandlers } from '@zenlayer-reset/mock-engine/msw'
import { serve } from '@zenlayer-reset/mock-engine/node'
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { setupServer } from 'msw/node'
import { createHub, type StartOptions } from '../src/start.js'

export const KEY = { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' }

export interface Harness {
  readonly hub: MockHub
  readonly clock: ReturnType<typeof manualClock>
  readonly baseUrl: string
  /** A fetch that reaches the mock through this transport. */
  readonly fetch: typeof fetch
  readonly zec: ReturnType<typeof createZecClient>
  readonly vm: ReturnType<typeof createVmClient>
  close(): Promise<void>
}

export type Transport = { readonly name: string; open(options?: Omit<StartOptions, 'clock'>): Promise<Harness> }

function clients(
  hub: MockHub,
  clock: ReturnType<typeof manualClock>,
  baseUrl: string,
  fetchFn: typeof fetch,
  close: () => Promise<void>,
): Harness {
  const common = {
    credentials: KEY,
    baseUrl,
    fetch: fetchFn,
    now: () => Math.floor(clock.now() / 1000),
    retry: false as const,
  }
  return { hub, clock, baseUrl, fetch: fetchFn, zec: createZecClient(common), vm: createVmClient(common), close }
}

export const TRANSPORTS: Transport[] = [
  {
    name: 'in process',
    async open(options = {}) {
      const clock = manualClock()
      const hub = createHub({ ...options, clock })
      return clients(hub, clock, 'https://console.zenlayer.com', hub.fetch as typeof fetch, async () => {})
    },
  },
  {
    name: 'over HTTP',
    async open(options = {}) {
      const clock = manualClock()
      const hub = createHub({ ...options, clock })
      const running = await serve(hub, { port: 0 })
      return clients(hub, clock, running.url, globalThis.fetch, () => running.close())
    },
  },
  {
    name: 'through MSW',
    async open(options = {}) {
      const clock = manualClock()
      const hub = createHub({ ...options, clock })
      const server = setupServer(...mswHandlers(hub, { baseUrl: 'https://mock.zenlayer.invalid' }))
      server.listen({ onUnhandledRequest: 'error' })
      return clients(
        hub,
        clock,
        'https://mock.zenlayer.invalid',
        (input, init) => globalThis.fetch(input, init),
        async () => server.close(),
      )
    },
  },
]

export const WORLD: { zec: SeedState; vm: SeedState } = {
  zec: {
    images: [
      { imageId: 'ubuntu2022', osType: 'linux', category: 'Linux', sizeGb: 20 },
      { imageId: 'win2022', osType: 'windows', category: 'Windows', sizeGb: 40 },
      { imageId: 'big-linux', osType: 'linux', category: 'Linux', sizeGb: 500 },
      { imageId: 'generic-linux', osType: 'linux', category: 'Generic', sizeGb: 10 },
    ],
    keyPairs: ['key-YWD2QFOl'],
    instances: [
      { instanceId: 'z-1', status: 'STOPPED', osType: 'linux', bootDiskGb: 40, imageId: 'ubuntu2022' },
      { instanceId: 'z-2', status: 'STOPPED', osType: 'linux', bootDiskGb: 40, imageId: 'ubuntu2022' },
      { instanceId: 'z-running', status: 'RUNNING', osType: 'linux', bootDiskGb: 40, imageId: 'ubuntu2022' },
      { instanceId: 'z-win', status: 'STOPPED', osType: 'windows', bootDiskGb: 60, imageId: 'win2022' },
    ],
  },
  vm: {
    images: [
      { imageId: 'img-ubuntu', osType: 'linux', category: 'Linux', sizeGb: 20 },
      { imageId: 'img-win', osType: 'windows', category: 'Windows', sizeGb: 30 },
      { imageId: 'img-huge', osType: 'linux', category: 'Linux', sizeGb: 900 },
    ],
    keyPairs: ['key-YWD2QFOl'],
    instances: [
      { instanceId: 'v-1', status: 'STOPPED', imageId: 'img-ubuntu', bootDiskGb: 40 },
      { instanceId: 'v-running', status: 'RUNNING', imageId: 'img-ubuntu' },
      { instanceId: 'v-recycled', status: 'STOPPED', recycled: true, imageId: 'img-ubuntu' },
      { instanceId: 'v-noscript', status: 'STOPPED', zoneSupportsScript: false, imageId: 'img-ubuntu' },
    ],
  },
}
