// bmc reinstalls servers that may already be RUNNING (or INSTALL_FAILED): its
// end status is also a start status (specs/bmc x-zc-transition). The waiter
// reads that from the spec and takes RUNNING as done only after it saw the
// server leave its start (INSTALLING), so a poll that comes before the server
// flips never reports a reinstall that did not happen.

import { createBmcClient } from '@zenlayer-reset/bmc-client'
import { createBmcMock } from '@zenlayer-reset/bmc-mock'
import { WaiterError } from '@zenlayer-reset/client-runtime'
import { describe, expect, it } from 'vitest'
import { type Answer, envelope, fakeServer, fakeTime } from './fake-server.js'

/** A DescribeInstances stand-in: each id walks its own list of statuses, one per poll (the last repeats). */
function statusServer(timelines: Record<string, string[]>) {
  const polls: Record<string, number> = {}
  // An answer may be a promise of a Response, as statusServer of waiter.test.ts gives it.
  return fakeServer(
    (request) =>
      (async () => {
        const body = JSON.parse(await request.text()) as { instanceIds: string[] }
        const dataSet = body.instanceIds.map((id) => {
          const timeline = timelines[id] ?? []
          const n = polls[id] ?? 0
          polls[id] = n + 1
          return { instanceId: id, instanceStatus: timeline[Math.min(n, timeline.length - 1)], hostname: 'h' }
        })
        return envelope({ totalCount: dataSet.length, dataSet })
      }) as unknown as Answer,
  )
}

function bmcWith(server: ReturnType<typeof fakeServer>) {
  const time = fakeTime()
  return createBmcClient({ credentials: { token: 't' }, fetch: server.fetch, sleep: time.sleep, clock: time.clock })
}

describe('bmc waitUntilReset', () => {
  it('takes RUNNING as done only after INSTALLING was seen', async () => {
    const server = statusServer({ a: ['RUNNING', 'INSTALLING', 'RUNNING'], b: ['INSTALLING', 'RUNNING'] })
    const result = await bmcWith(server).waitUntilReset({ instanceIds: ['a', 'b'], maxWaitSeconds: 900 })
    expect(result.statuses).toEqual({ a: 'RUNNING', b: 'RUNNING' })
    expect(result.polls).toBe(3)
    expect(server.requests.every((r) => r.headers['x-zc-action'] === 'DescribeInstances')).toBe(true)
  })

  it('a server that stays RUNNING never started: RESET_NOT_STARTED after the grace, never done', async () => {
    const server = statusServer({ a: ['RUNNING'] })
    const error = await bmcWith(server)
      .waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 900, startGraceSeconds: 10 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WaiterError)
    expect(error).toMatchObject({ code: 'RESET_NOT_STARTED', instances: { a: 'RUNNING' } })
  })

  it('INSTALL_FAILED before the reinstall is not its failure; INSTALL_FAILED after INSTALLING is', async () => {
    const retried = statusServer({ a: ['INSTALL_FAILED', 'INSTALLING', 'RUNNING'] })
    expect((await bmcWith(retried).waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 900 })).statuses).toEqual({
      a: 'RUNNING',
    })
    const failed = statusServer({ a: ['INSTALLING', 'INSTALL_FAILED'] })
    const error = await bmcWith(failed)
      .waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 900 })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'RESET_FAILED', instances: { a: 'INSTALL_FAILED' } })
  })

  it('against the mock, the same three lines as zec: reinstall, wait, read what changed', async () => {
    const mock = createBmcMock({ state: { instances: [{ instanceId: 'bm-1', status: 'RUNNING' }] } })
    const time = fakeTime()
    const bmc = createBmcClient({ credentials: { token: 'mock-token' }, fetch: mock.fetch, sleep: time.sleep })
    await bmc.reinstallInstance({ instanceId: 'bm-1', hostname: 'db-07', nic: { wanName: 'pub0', lanName: 'priv0' } })
    const done = await bmc.waitUntilReset({ instanceIds: ['bm-1'], maxWaitSeconds: 3600 })
    expect(done.statuses).toEqual({ 'bm-1': 'RUNNING' })
    const seen = await bmc.describeInstances({ instanceIds: ['bm-1'] })
    expect(seen.dataSet?.[0]).toMatchObject({
      instanceId: 'bm-1',
      instanceName: 'bm-1',
      instanceStatus: 'RUNNING',
      hostname: 'db-07',
      nic: { wanName: 'pub0', lanName: 'priv0' },
    })
    expect(mock.history('bm-1').map((e) => e.status)).toEqual(['RUNNING', 'INSTALLING', 'RUNNING'])
  })
})
