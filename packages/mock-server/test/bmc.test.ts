// zenlayer-mock serves bmc beside zec and vm on one port: a bare-metal reinstall
// over real HTTP with the generated client, the state file's and the admin
// surface's `bmc` key, and what DescribeInstances shows after the reinstall.
import { createBmcClient } from '@zenlayer-reset/bmc-client'
import { afterEach, describe, expect, it } from 'vitest'
import { startMockServer } from '../src/start.js'
import { KEY } from './transports.js'

type Running = Awaited<ReturnType<typeof startMockServer>>

describe('zenlayer-mock serves bmc', () => {
  let running: Running | undefined
  afterEach(async () => {
    await running?.close()
    running = undefined
  })

  it('reinstalls a running server over HTTP; the waiter sees INSTALLING, then RUNNING; the new hostname shows', async () => {
    running = await startMockServer({
      port: 0,
      state: { bmc: { instances: [{ instanceId: 'bm-1', status: 'RUNNING' }], keyPairs: ['key-1'] } },
    })
    const bmc = createBmcClient({ credentials: KEY, baseUrl: running.url, sleep: async () => {} })
    await bmc.reinstallInstance({ instanceId: 'bm-1', hostname: 'db-07', keyId: 'key-1' })
    const done = await bmc.waitUntilReset({ instanceIds: ['bm-1'], maxWaitSeconds: 60, firstDelayMs: 100 })
    expect(done.statuses).toEqual({ 'bm-1': 'RUNNING' })
    const page = await bmc.describeInstances({ instanceIds: ['bm-1'] })
    expect(page.dataSet?.[0]).toMatchObject({ instanceId: 'bm-1', hostname: 'db-07', keyId: 'key-1' })
    const history = await fetch(`${running.url}/__admin/history?service=bmc&instanceId=bm-1`)
    expect(await history.json()).toMatchObject({
      history: [{ status: 'RUNNING' }, { status: 'INSTALLING' }, { status: 'RUNNING' }],
    })
  })

  it('the admin surface seeds bmc, and refuses a status bmc does not have, naming the field', async () => {
    running = await startMockServer({ port: 0 })
    const post = (body: unknown) =>
      fetch(`${running?.url}/__admin/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect(
      (await post({ service: 'bmc', state: { instances: [{ instanceId: 'bm-9', status: 'STOPPED' }] } })).status,
    ).toBe(200)
    expect(running.hub.mocks.bmc?.instance('bm-9')?.status).toBe('STOPPED')
    const refused = await post({ service: 'bmc', state: { instances: [{ instanceId: 'b', status: 'DEPLOYING' }] } })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('state.instances[0].status must be one of')
  })
})
