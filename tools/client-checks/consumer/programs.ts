// What a TypeScript user writes against the packed packages, compiled in a
// scratch project under strict settings with `node16` and with `bundler`
// resolution (scripts/consumer-types.mjs). Each @ts-expect-error line is a
// mistake that must stay a compile error; everything else must compile.
import { createVmClient, type InstanceStatus as VmStatus } from '@zenlayer-reset/vm-client'
import { createVmMock } from '@zenlayer-reset/vm-mock'
import { mswHandlers as vmHandlers } from '@zenlayer-reset/vm-mock/msw'
import * as vmValidator from '@zenlayer-reset/vm-validator'
import {
  type ClientConfig,
  createZecClient,
  fromEnv,
  type InstanceStatus,
  isResetInstancesError,
  WaiterError,
  type WaiterErrorCode,
} from '@zenlayer-reset/zec-client'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import { mswHandlers as zecHandlers } from '@zenlayer-reset/zec-mock/msw'
import * as zecValidator from '@zenlayer-reset/zec-validator'
import { validateResetInstancesRequest } from '@zenlayer-reset/zec-validator'
import { setupServer } from 'msw/node'

export async function retryTheFailedIds(): Promise<void> {
  const zec = createZecClient({ credentials: fromEnv(), validator: zecValidator, logger: console })
  const first = await zec.resetInstances({ instanceIds: ['a', 'b'], imageId: 'img-1', password: 'Secret+123' })
  if (first.failedInstanceIds.length > 0) await zec.resetInstances({ instanceIds: first.failedInstanceIds })
  const fleet = ['c', 'd'] as const
  await zec.resetInstances({ instanceIds: fleet, keyId: 'key-1' })
  // @ts-expect-error the result does not repeat the reply's raw failed list
  void first.instanceIds
}

export async function waitWithProgress(): Promise<Readonly<Record<string, InstanceStatus>>> {
  const zec = createZecClient()
  const done = await zec.waitUntilReset({
    instanceIds: ['a'],
    maxWaitSeconds: 900,
    onProgress: (p) => console.log(p.pending.length, p.statuses.a === 'REINSTALL_FAILED'),
  })
  return done.statuses
}

export async function typedErrors(): Promise<string> {
  const zec = createZecClient()
  try {
    await zec.resetInstances({ instanceIds: ['a'] })
    return 'ok'
  } catch (error) {
    if (isResetInstancesError(error)) {
      const code: 'INVALID_INSTANCE_NOT_FOUND' | string = error.code
      // @ts-expect-error a code ResetInstances does not document
      const wrong: typeof error.code = 'NOT_A_CODE'
      return `${code} ${wrong}`
    }
    if (error instanceof WaiterError) {
      const code: WaiterErrorCode = error.code
      return code
    }
    throw error
  }
}

export function validatorAlone(input: unknown): string | undefined {
  const result = validateResetInstancesRequest(input)
  return result.ok ? undefined : `${result.code}: ${result.issues.map((i) => i.message).join('; ')}`
}

export async function inProcessMockInATest(): Promise<VmStatus | undefined> {
  const mock = createVmMock({ state: { instances: [{ instanceId: 'v' }] } })
  const vm = createVmClient({ credentials: { token: 'mock-token' }, fetch: mock.fetch })
  await vm.resetInstance({ instanceId: 'v', keyId: 'key-1' })
  return mock.instance('v')?.status
}

export function mswWithBothServices(): void {
  const server = setupServer(...zecHandlers(createZecMock()), ...vmHandlers(createVmMock()))
  server.listen()
  server.close()
}

export async function mistakes(): Promise<void> {
  const zec = createZecClient()
  // @ts-expect-error password and keyId are exclusive
  await zec.resetInstances({ instanceIds: ['a'], password: 'Secret+123', keyId: 'key-1' })
  // @ts-expect-error a vm validator on a zec client
  createZecClient({ validator: vmValidator })
  // @ts-expect-error not a validator package
  createZecClient({ validator: { foo: 1 } })
  // @ts-expect-error a shared configuration takes no validator
  const shared: ClientConfig = { validator: zecValidator }
  void shared
  // @ts-expect-error instanceIds is required
  await zec.resetInstances({ imageId: 'img-1' })
  // @ts-expect-error vm resets one instance: instanceId, not instanceIds
  await createVmClient().resetInstance({ instanceIds: ['v'] })
  // Raw calls name only the path and the body: the client fills the protocol headers.
  await zec.raw.POST('/api/v2/zec#DescribeInstancesStatus', { body: { instanceIds: ['a'] } })
}
