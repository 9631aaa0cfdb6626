// What compiles and what must not, for a TypeScript user of the generated
// clients. `tsc` (the typecheck step) checks this file: each @ts-expect-error
// line must stay an error, each other line must compile. The one runtime test
// only makes the file a test; the functions are never called.
import { createVmClient, type InstanceStatus as VmStatus } from '@zenlayer-reset/vm-client'
import * as vmValidator from '@zenlayer-reset/vm-validator'
import {
  type ClientConfig,
  createZecClient,
  type InstanceStatus,
  type ResetInstancesOutput,
  WaiterError,
  type WaiterErrorCode,
} from '@zenlayer-reset/zec-client'
import * as zecValidator from '@zenlayer-reset/zec-validator'
import { expect, expectTypeOf, it } from 'vitest'

async function retryTheFailedIds(): Promise<void> {
  const zec = createZecClient({ validator: zecValidator, logger: console })
  const result = await zec.resetInstances({ instanceIds: ['a', 'b'], imageId: 'img-1' })
  // The failed ids are readonly, and an input list may be: retrying them compiles.
  await zec.resetInstances({ instanceIds: result.failedInstanceIds })
  const fleet = ['a', 'b'] as const
  await zec.resetInstances({ instanceIds: fleet, keyId: 'key-1' })
  // One result shape: the reply's raw failed list is not repeated.
  // @ts-expect-error instanceIds is the request's field, not the result's
  result.instanceIds
  expectTypeOf<ResetInstancesOutput['failedInstanceIds']>().toEqualTypeOf<readonly string[]>()
}

async function forwardingOptionalValues(o: {
  password?: string | undefined
  keyId?: string | undefined
}): Promise<void> {
  const zec = createZecClient()
  // An optional field takes undefined (sent as absent), also under exactOptionalPropertyTypes.
  await zec.resetInstances({ instanceIds: ['a'], keyId: 'key-1', password: undefined, timezone: undefined })
  // Two optional values of which at most one is set: spread the one there is (the README's pattern).
  await zec.resetInstances({
    instanceIds: ['a'],
    ...(o.keyId !== undefined ? { keyId: o.keyId } : { password: o.password }),
  })
}

async function mistakesThatMustNotCompile(): Promise<void> {
  const zec = createZecClient()
  // @ts-expect-error password and keyId are exclusive in the spec
  await zec.resetInstances({ instanceIds: ['a'], password: 'Secret+123', keyId: 'key-1' })
  // @ts-expect-error a vm validator on a zec client
  createZecClient({ validator: vmValidator })
  // @ts-expect-error not a validator package
  createZecClient({ validator: { foo: 1 } })
  // @ts-expect-error an unknown field
  await zec.resetInstances({ instanceIds: ['a'], instanceId: 'a' })
  // @ts-expect-error instanceIds is required
  await zec.resetInstances({ imageId: 'img-1' })
  // @ts-expect-error a logger is a function or a console-like object
  createZecClient({ logger: 'console' })
}

async function statusesAreTyped(): Promise<void> {
  const zec = createZecClient()
  const done = await zec.waitUntilReset({
    instanceIds: ['a'],
    maxWaitSeconds: 900,
    onProgress: (p) => expectTypeOf(p.statuses).toEqualTypeOf<Readonly<Record<string, InstanceStatus | null>>>(),
  })
  expectTypeOf(done.statuses).toEqualTypeOf<Readonly<Record<string, InstanceStatus>>>()
  // The spec's statuses complete in an editor, and a status the vendor adds later is still a string.
  const known: InstanceStatus = 'REINSTALL_FAILED'
  const later: InstanceStatus = 'SOMETHING_NEW'
  const page = await zec.describeInstancesStatus({ instanceIds: ['a'] })
  const status: InstanceStatus | undefined = page.dataSet?.[0]?.instanceStatus
  const vmStatus: VmStatus = 'REBUILDING'
  void [known, later, status, vmStatus]
  try {
    await createVmClient().waitUntilReset({ instanceIds: ['v'], maxWaitSeconds: 60 })
  } catch (error) {
    if (error instanceof WaiterError) expectTypeOf(error.code).toEqualTypeOf<WaiterErrorCode>()
  }
}

async function rawCallsNeedNoProtocolHeaders(): Promise<void> {
  const zec = createZecClient()
  // The client fills X-ZC-Action, X-ZC-Version and the signature from the path.
  const { data } = await zec.raw.POST('/api/v2/zec#ResetInstances', { body: { instanceIds: ['a'] } })
  void data
}

function sharedConfiguration(): void {
  // One configuration for both clients: it takes no validator (validators are per service).
  const shared: ClientConfig = { baseUrl: 'http://127.0.0.1:8787', credentials: { token: 't' } }
  createZecClient(shared)
  createVmClient(shared)
  // @ts-expect-error a shared configuration cannot hold one service's validator
  const withValidator: ClientConfig = { validator: zecValidator }
  void withValidator
}

it('is checked by tsc (the functions above are never called)', () => {
  expect([
    retryTheFailedIds,
    forwardingOptionalValues,
    mistakesThatMustNotCompile,
    statusesAreTyped,
    rawCallsNeedNoProtocolHeaders,
    sharedConfiguration,
  ]).toHaveLength(6)
})
