// A bare-metal reinstall through the confirmation token flow, end to end: the
// plan names what a bmc reinstall does to each server (a running one too: bmc
// has no power-state guard, which is why the yes matters most here), nothing
// is sent until the same input comes back with the token, then each server is
// reinstalled once and followed to RUNNING; the token is spent, and no
// secret appears anywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connect, leaks, SECRET, startWorld, type World } from './harness.js'

let world: World

const STATE = {
  bmc: {
    images: [{ imageId: 'img-ubuntu', osType: 'linux' as const, category: 'Linux' as const, sizeGb: 20 }],
    instances: [
      { instanceId: 'bm-run', status: 'RUNNING', imageId: 'img-ubuntu' },
      { instanceId: 'bm-stop', status: 'STOPPED', imageId: 'img-ubuntu' },
      { instanceId: 'bm-bin', status: 'RECYCLE' },
    ],
  },
}

beforeEach(async () => {
  // Each transitional status lasts a moment, so that the waiter sees a RUNNING server leave RUNNING and come back.
  world = await startWorld(STATE, 150)
})
afterEach(async () => {
  await world.close()
})

type Structured = Record<string, unknown> & {
  phase: string
  confirmationToken?: string
  plan?: { instances: { instanceId: string; status: string | null; verdict: string; reason?: string }[] }
  outcomes?: { instanceId: string; outcome: string; status?: string }[]
  totals?: Record<string, number>
}

const reinstalls = () => world.sent.filter((s) => s.action === 'ReinstallInstance')

describe('bmc reinstall through the confirmation token', () => {
  it('plans, sends nothing, then with the same input and the token reinstalls each server once', async () => {
    const { client, close, stderr } = await connect(world, { flags: ['--max-wait-seconds', '120'] })
    try {
      const tools = await client.listTools()
      expect(tools.tools.find((t) => t.name === 'bmc_reinstall_instance')?.annotations).toMatchObject({
        destructiveHint: true,
        idempotentHint: false,
      })
      const input = {
        instanceIds: ['bm-run', 'bm-stop', 'bm-bin'],
        imageId: 'img-ubuntu',
        password: SECRET.password,
        userData: SECRET.userData,
      }
      const first = await client.callTool({ name: 'bmc_reinstall_instance', arguments: input })
      expect(first.isError).toBeFalsy()
      const plan = first.structuredContent as Structured
      expect(plan.phase).toBe('plan')
      expect(plan.fields).toMatchObject({ password: '***', userData: '***' })
      const verdicts = Object.fromEntries(
        (plan.plan?.instances ?? []).map((i) => [i.instanceId, [i.status, i.verdict]]),
      )
      // A running server would be reinstalled: bmc needs no power-off.
      expect(verdicts).toEqual({
        'bm-run': ['RUNNING', 'would-reset'],
        'bm-stop': ['STOPPED', 'would-reset'],
        'bm-bin': ['RECYCLE', 'would-be-refused'],
      })
      expect(typeof plan.confirmationToken).toBe('string')
      expect(reinstalls()).toEqual([])
      expect(world.sent.every((s) => s.action === 'DescribeInstances')).toBe(true)

      const second = await client.callTool({
        name: 'bmc_reinstall_instance',
        arguments: { ...input, confirmationToken: plan.confirmationToken },
      })
      expect(second.isError).toBeFalsy()
      const done = second.structuredContent as Structured
      expect(done.phase).toBe('done')
      const outcomes = Object.fromEntries((done.outcomes ?? []).map((o) => [o.instanceId, o.outcome]))
      expect(outcomes).toEqual({ 'bm-run': 'reset', 'bm-stop': 'reset', 'bm-bin': 'refused' })
      expect(done.totals).toMatchObject({ reset: 2, refused: 1 })
      // One call per server (bmc reinstalls one instance a call), each sent once.
      for (const id of ['bm-run', 'bm-stop']) expect(world.countOf('ReinstallInstance', id)).toBe(1)
      expect(world.countOf('ReinstallInstance', 'bm-bin')).toBeLessThanOrEqual(1)
      const byMock = world.mock.hub.mocks.bmc
      expect(byMock?.history('bm-run').filter((e) => e.status === 'INSTALLING')).toHaveLength(1)

      // The token is spent: the same call again acts no more.
      const sentBefore = reinstalls().length
      const again = await client.callTool({
        name: 'bmc_reinstall_instance',
        arguments: { ...input, confirmationToken: plan.confirmationToken },
      })
      expect(again.isError).toBe(true)
      expect(JSON.stringify(again.content)).toMatch(/CONFIRMATION_REFUSED: .*nothing was sent/)
      expect(reinstalls()).toHaveLength(sentBefore)

      for (const said of [first, second, again]) expect(leaks(JSON.stringify(said))).toEqual([])
      expect(leaks(stderr())).toEqual([])
    } finally {
      await close()
    }
  })
})
