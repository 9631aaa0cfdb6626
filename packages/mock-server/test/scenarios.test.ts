import { ApiError, EdgeBlockedError, WaiterError } from '@zenlayer-reset/client-runtime'
import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, TRANSPORTS, WORLD } from './transports.js'

// The behaviour of the specs' state machines, identical through every transport.
describe.each(TRANSPORTS)('$name', (transport) => {
  let h: Harness | undefined
  const open = async (options: Parameters<typeof transport.open>[0] = {}) => {
    h = await transport.open({ state: WORLD, progression: 'manual', ...options })
    return h
  }
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('zec: accepted instances go DEPLOYING, then RUNNING when advanced; problems of one instance fail only it', async () => {
    const { zec, hub } = await open()
    const result = await zec.resetInstances({
      instanceIds: ['z-1', 'z-running', 'z-win', 'ghost'],
      imageId: 'ubuntu2022',
      password: 'Example+123',
    })
    expect(result.succeededInstanceIds).toEqual(['z-1'])
    expect(result.failedInstanceIds).toEqual(['z-running', 'z-win', 'ghost'])
    const seen = await zec.describeInstancesStatus({ instanceIds: ['z-1', 'z-running'] })
    expect(seen.dataSet).toEqual([
      { instanceId: 'z-1', instanceStatus: 'DEPLOYING' },
      { instanceId: 'z-running', instanceStatus: 'RUNNING' },
    ])
    hub.mocks.zec?.advance()
    expect(hub.mocks.zec?.history('z-1').map((e) => e.status)).toEqual(['STOPPED', 'DEPLOYING', 'RUNNING'])
  })

  it.each([
    { name: 'a disk smaller than the image', input: { instanceIds: ['z-1'], imageId: 'big-linux' } },
    { name: 'a key pair on a Windows image', input: { instanceIds: ['z-win'], keyId: 'key-YWD2QFOl' } },
    {
      name: 'a password on a Generic image',
      input: { instanceIds: ['z-1'], imageId: 'generic-linux', password: 'Example+123' },
    },
    { name: 'an osType change', input: { instanceIds: ['z-1'], imageId: 'win2022' } },
  ])('zec: $name fails the instance, not the call', async ({ input }) => {
    const { zec } = await open()
    expect((await zec.resetInstances(input)).failedInstanceIds).toEqual(input.instanceIds)
  })

  it.each([
    {
      name: 'an unknown image',
      input: { instanceIds: ['z-1'], imageId: 'nope' },
      status: 404,
      code: 'INVALID_IMAGE_NOT_FOUND',
    },
    {
      name: 'an unknown key pair',
      input: { instanceIds: ['z-1'], keyId: 'key-nope' },
      status: 404,
      code: 'INVALID_KEY_PAIR_NOT_FOUND',
    },
    {
      name: 'a password and a keyId',
      input: { instanceIds: ['z-1'], password: 'Example+123', keyId: 'key-YWD2QFOl' },
      status: 400,
      code: 'INVALID_PARAMETER_PASSWORD_KEY_ID_CONFLICT',
    },
    {
      name: '101 ids',
      input: { instanceIds: Array.from({ length: 101 }, (_, i) => `z-${i}`) },
      status: 400,
      code: 'INVALID_PARAMETER_VALUE_INSTANCE_IDS_MALFORMED',
    },
  ])('zec: $name fails the whole call with $code', async ({ input, status, code }) => {
    const { zec, hub } = await open()
    await expect(zec.resetInstances(input as never)).rejects.toMatchObject({ status, code })
    expect(hub.mocks.zec?.instance('z-1')?.status).toBe('STOPPED')
  })

  it.each([
    { name: 'an unknown instance', input: { instanceId: 'ghost' }, status: 404, code: 'INVALID_INSTANCE_NOT_FOUND' },
    {
      name: 'a running instance',
      input: { instanceId: 'v-running' },
      status: 403,
      code: 'OPERATION_DENIED_INSTANCE_NOT_STOPPED',
    },
    {
      name: 'a recycled instance',
      input: { instanceId: 'v-recycled' },
      status: 403,
      code: 'OPERATION_DENIED_INSTANCE_IN_RECYCLE_BIN',
    },
    {
      name: 'an unknown image',
      input: { instanceId: 'v-1', imageId: 'img-nope' },
      status: 404,
      code: 'INVALID_IMAGE_NOT_FOUND',
    },
    {
      name: 'an image larger than the disk',
      input: { instanceId: 'v-1', imageId: 'img-huge' },
      status: 404,
      code: 'INVALID_IMAGE_SIZE_EXCEED',
    },
    {
      name: 'a key pair on Windows',
      input: { instanceId: 'v-1', imageId: 'img-win', keyId: 'key-YWD2QFOl' },
      status: 403,
      code: 'OPERATION_DENIED_IMAGE_KEY_PAIR_NOT_SUPPORT',
    },
    {
      name: 'a script where scripts are not supported',
      input: { instanceId: 'v-noscript', initScript: 'echo hi' },
      status: 403,
      code: 'INVALID_REGION_SCRIPT_NOT_SUPPORT',
    },
    {
      name: 'a script over 32 KiB',
      input: { instanceId: 'v-1', initScript: 'x'.repeat(32_769) },
      status: 403,
      code: 'INVALID_REGION_SCRIPT_EXCEED_LENGTH',
    },
    {
      name: 'a malformed password',
      input: { instanceId: 'v-1', password: 'example+123' },
      status: 400,
      code: 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED',
    },
  ])('vm: $name is answered $status $code', async ({ input, status, code }) => {
    const { vm } = await open()
    const error = await vm.resetInstance(input).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status, code })
  })

  it('vm: a reset goes REBUILDING then RUNNING, and the waiter follows it', async () => {
    const { vm, hub } = await open({ state: WORLD, progression: 'manual' })
    await vm.resetInstance({ instanceId: 'v-1', imageId: 'img-ubuntu', keyId: 'key-YWD2QFOl' })
    expect(hub.mocks.vm?.instance('v-1')?.status).toBe('REBUILDING')
    const done = vm.waitUntilReset({
      instanceIds: ['v-1'],
      maxWaitSeconds: 60,
      firstDelayMs: 100,
      onProgress: () => hub.mocks.vm?.advance(),
    })
    expect((await done).statuses).toEqual({ 'v-1': 'RUNNING' })
  })

  it('an injected failure ends zec in REINSTALL_FAILED (the waiter names it) and vm back in STOPPED', async () => {
    const { zec, vm, hub } = await open({ state: WORLD, progression: 'immediate' })
    hub.mocks.zec?.faults.failNextReset('z-1')
    hub.mocks.vm?.faults.failNextReset('v-1')
    await zec.resetInstances({ instanceIds: ['z-1', 'z-2'] })
    await vm.resetInstance({ instanceId: 'v-1' })
    const error = await zec.waitUntilReset({ instanceIds: ['z-1', 'z-2'], maxWaitSeconds: 60 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WaiterError)
    expect(error).toMatchObject({ code: 'RESET_FAILED', instances: { 'z-1': 'REINSTALL_FAILED' } })
    expect(hub.mocks.vm?.history('v-1').map((e) => e.status)).toEqual(['STOPPED', 'REBUILDING', 'STOPPED'])
  })

  it('timed progression follows the mock clock', async () => {
    const { zec, hub, clock } = await open({ state: WORLD, progression: 5_000 })
    await zec.resetInstances({ instanceIds: ['z-1'] })
    clock.advance(4_999)
    expect(hub.mocks.zec?.instance('z-1')?.status).toBe('DEPLOYING')
    clock.advance(1)
    expect(hub.mocks.zec?.instance('z-1')?.status).toBe('RUNNING')
  })

  it('pages the status list', async () => {
    const instances = Array.from({ length: 5 }, (_, i) => ({ instanceId: `p-${i}` }))
    const { zec } = await open({ state: { zec: { instances } } })
    const first = await zec.describeInstancesStatus({ pageSize: 2, pageNum: 1 })
    const last = await zec.describeInstancesStatus({ pageSize: 2, pageNum: 3 })
    expect([first.totalCount, first.dataSet?.map((d) => d.instanceId)]).toEqual([5, ['p-0', 'p-1']])
    expect(last.dataSet?.map((d) => d.instanceId)).toEqual(['p-4'])
  })

  it('rate limits every Nth call with Retry-After, and raises edge challenges', async () => {
    const { zec, hub } = await open()
    hub.mocks.zec?.faults.rateLimit(2)
    await zec.describeInstancesStatus({})
    await expect(zec.describeInstancesStatus({})).rejects.toMatchObject({
      status: 429,
      code: 'REQUEST_LIMIT_EXCEEDED',
      retryAfterMs: 1000,
    })
    hub.mocks.zec?.faults.clear()
    hub.mocks.zec?.faults.edgeChallenge(1)
    await expect(zec.describeInstancesStatus({})).rejects.toBeInstanceOf(EdgeBlockedError)
    await zec.describeInstancesStatus({})
  })

  it('is deterministic: the same seed gives the same request ids', async () => {
    const ids = async () => {
      const { zec, close } = await transport.open({ state: WORLD, seed: 99 })
      const out = [
        (await zec.describeInstancesStatus({})).requestId,
        (await zec.resetInstances({ instanceIds: ['z-1'] })).requestId,
      ]
      await close()
      return out
    }
    const [a, b] = [await ids(), await ids()]
    expect(a).toEqual(b)
    expect(a[0]).toMatch(/^T[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/)
  })
})
