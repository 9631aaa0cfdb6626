// Issue 14: a refusal says what is wrong with the instance, not which rule it quotes.
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createVmMock } from '@zenlayer-reset/vm-mock'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import { describe, expect, it } from 'vitest'
import { KEY } from './transports.js'

describe('rule refusals state the facts', () => {
  const vm = createVmMock({
    progression: 'manual',
    state: {
      instances: [
        { instanceId: 'vm-2', status: 'RUNNING' },
        { instanceId: 'vm-3', bootDiskGb: 10 },
        { instanceId: 'vm-4', recycled: true },
        { instanceId: 'vm-5' },
      ],
      images: [{ imageId: 'img-big', sizeGb: 80 }],
    },
  })
  const client = createVmClient({ credentials: KEY, fetch: vm.fetch, retry: false })
  it.each([
    [
      { instanceId: 'vm-2' },
      'ResetInstance refused for instance vm-2: vm-2 is RUNNING; a reset needs STOPPED. (Rule instance-powered-off',
    ],
    [
      { instanceId: 'vm-3', imageId: 'img-big' },
      /image img-big \(Linux\) needs 80 GB; the boot disk of vm-3 has 10 GB/,
    ],
    [{ instanceId: 'vm-4' }, /vm-4 is in the recycle bin/],
    [{ instanceId: 'vm-5', imageId: 'img-none' }, /no image img-none/],
    [{ instanceId: 'nope' }, /no such instance in this account/],
  ])('%j', async (input, message) => {
    const error = await client.resetInstance(input).then(
      () => undefined,
      (e: unknown) => e as { message: string },
    )
    expect(error?.message).toMatch(message)
  })

  it('an instance already being reset says so', async () => {
    await client.resetInstance({ instanceId: 'vm-5' })
    const error = await client.resetInstance({ instanceId: 'vm-5' }).then(
      () => undefined,
      (e: unknown) => e as { message: string },
    )
    expect(error?.message).toMatch(/vm-5 is being reset \(REBUILDING\); a reset needs STOPPED/)
  })

  it('zec request-wide refusals name the value', async () => {
    const zec = createZecMock({ state: { instances: [{ instanceId: 'z' }] } })
    const reply = await zec.fetch('https://console.zenlayer.com/api/v2/zec', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zc-action': 'ResetInstances',
        'x-zc-version': '2025-09-01',
        authorization: 'Bearer mock-token',
      },
      body: JSON.stringify({ instanceIds: ['z'], keyId: 'key-missing' }),
    })
    const message = ((await reply.json()) as { message: string }).message
    expect(message).toMatch(/no key pair key-missing in this account/)
    // Issue 27: a batch's refusal names the action once ("ResetInstances refused for ResetInstances" read oddly).
    expect(message).toMatch(/^ResetInstances refused: no key pair/)
  })
})
