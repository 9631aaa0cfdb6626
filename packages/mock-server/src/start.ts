import { createMockHub, type MockHub, type MockOptions, type SeedState } from '@zenlayer-reset/mock-engine'
import { nodeSigner, type RunningServer, type ServerLimits, serve } from '@zenlayer-reset/mock-engine/node'
import { createVmMock } from '@zenlayer-reset/vm-mock'
import { createZecMock } from '@zenlayer-reset/zec-mock'

export interface StartOptions extends Omit<MockOptions, 'state'> {
  readonly port?: number
  readonly host?: string
  /** Initial state per service: `{ zec: {...}, vm: {...} }`. */
  readonly state?: { readonly zec?: SeedState; readonly vm?: SeedState }
  /** Required on /__admin/ when set (and always beyond loopback). */
  readonly adminToken?: string
  readonly allowedHosts?: readonly string[]
  readonly limits?: ServerLimits
}

/** Both services' mocks behind one hub. */
export function createHub(options: Omit<StartOptions, 'port' | 'host'> = {}): MockHub {
  const { state, adminToken: _adminToken, allowedHosts: _allowedHosts, limits: _limits, ...common } = options
  return createMockHub(
    [
      createZecMock({ ...common, ...(state?.zec ? { state: state.zec } : {}) }),
      createVmMock({ ...common, ...(state?.vm ? { state: state.vm } : {}) }),
    ],
    options.seed,
  )
}

/** Starts the HTTP server with both services and the admin surface. */
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
