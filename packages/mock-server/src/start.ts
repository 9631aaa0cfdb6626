import { createMockHub, type MockHub, type MockOptions, type SeedState } from '@zenlayer-reset/mock-engine'
import { nodeSigner, type RunningServer, type ServerLimits, serve } from '@zenlayer-reset/mock-engine/node'
import { SERVICES } from './services.js'

export interface StartOptions extends Omit<MockOptions, 'state'> {
  readonly port?: number
  readonly host?: string
  /** Initial state per service: `{ zec: {...}, vm: {...}, bmc: {...} }`. */
  readonly state?: Readonly<Partial<Record<string, SeedState>>>
  /** Required on /__admin/ when set (and always beyond loopback). */
  readonly adminToken?: string
  readonly allowedHosts?: readonly string[]
  readonly limits?: ServerLimits
}

/** Every served service's mock (services.ts) behind one hub. */
export function createHub(options: Omit<StartOptions, 'port' | 'host'> = {}): MockHub {
  const { state, adminToken: _adminToken, allowedHosts: _allowedHosts, limits: _limits, ...common } = options
  return createMockHub(
    SERVICES.map(({ service, create }) => {
      const seeded = state?.[service.name]
      return create({ ...common, ...(seeded ? { state: seeded } : {}) })
    }),
    options.seed,
  )
}

/** Starts the HTTP server with every service and the admin surface. */
export async function startMockServer(options: StartOptions = {}): Promise<RunningServer & { hub: MockHub }> {
  const hub = createHub({ signer: nodeSigner, ...options })
  const running = await serve(hub, {
    port: options.port ?? 8787,
    host: options.host ?? '127.0.0.1',
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  })
  return { ...running, hub }
}
