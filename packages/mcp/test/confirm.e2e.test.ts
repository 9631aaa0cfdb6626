// Nothing destructive without a person's yes: the confirmation token flow for
// clients without elicitation, elicitation for those with it, the operator's
// --max-instances, and canaries for every secret in everything said.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connect, leaks, SECRET, startWorld, type World } from './harness.js'

let world: World

const STATE = {
  zec: {
    instances: [
      { instanceId: 'z-1' },
      { instanceId: 'z-2' },
      { instanceId: 'z-run', status: 'RUNNING' },
      { instanceId: 'z-3' },
    ],
  },
}

beforeEach(async () => {
  world = await startWorld(STATE)
})
afterEach(async () => {
  await world.close()
})

const resets = () => world.sent.filter((s) => s.action === 'ResetInstances')

type Structured = Record<string, unknown> & {
  phase: string
  confirmationToken?: string
  plan?: { instances: { instanceId: string; status: string | null; verdict: string; reason?: string }[] }
  outcomes?: { instanceId: string; outcome: string; status?: string }[]
  totals?: Record<string, number>
}

describe('confirmation token (a client without elicitation)', () => {
  it('plans first and sends nothing; only the same input with the token acts, once', async () => {
    const { client, close, stderr } = await connect(world, { flags: ['--max-wait-seconds', '60'] })
    try {
      const input = { instanceIds: ['z-1', 'z-run', 'ghost'], password: SECRET.password }
      const first = await client.callTool({ name: 'zec_reset_instances', arguments: input })
      const plan = first.structuredContent as Structured
      expect(first.isError).toBeFalsy()
      expect(plan.phase).toBe('plan')
      expect(plan.fields).toEqual({ password: '***' })
      expect(plan.plan?.instances).toEqual([
        { instanceId: 'z-1', status: 'STOPPED', verdict: 'would-reset' },
        {
          instanceId: 'z-run',
          status: 'RUNNING',
          verdict: 'would-be-refused',
          reason: 'RUNNING; ResetInstances needs STOPPED',
        },
        {
          instanceId: 'ghost',
          status: null,
          verdict: 'would-be-refused',
          reason: expect.stringMatching(/does not know/),
        },
      ])
      expect(typeof plan.confirmationToken).toBe('string')
      expect(resets()).toEqual([])
      expect(world.sent.every((s) => s.action === 'DescribeInstancesStatus')).toBe(true)

      // Another input (one more id) with that token: refused, nothing sent.
      const other = await client.callTool({
        name: 'zec_reset_instances',
        arguments: {
          ...input,
          instanceIds: ['z-1', 'z-2', 'z-run', 'ghost'],
          confirmationToken: plan.confirmationToken,
        },
      })
      expect(other.isError).toBe(true)
      expect(JSON.stringify(other.content)).toMatch(/CONFIRMATION_REFUSED: confirmationToken does not match/)
      // The same ids with another password: another input too.
      const otherSecret = await client.callTool({
        name: 'zec_reset_instances',
        arguments: { ...input, password: 'Other+Pw42', confirmationToken: plan.confirmationToken },
      })
      expect(otherSecret.isError).toBe(true)
      expect(resets()).toEqual([])

      const second = await client.callTool({
        name: 'zec_reset_instances',
        arguments: { ...input, confirmationToken: plan.confirmationToken },
      })
      const done = second.structuredContent as Structured
      expect(second.isError).toBeFalsy()
      expect(done.phase).toBe('done')
      expect(done.outcomes).toEqual([
        { instanceId: 'z-1', outcome: 'reset', status: 'RUNNING' },
        expect.objectContaining({ instanceId: 'z-run', outcome: 'refused' }),
        expect.objectContaining({ instanceId: 'ghost', outcome: 'refused' }),
      ])
      expect(done.totals).toMatchObject({ reset: 1, refused: 2 })
      expect(world.countOf('ResetInstances', 'z-1')).toBe(1)

      // Used once: the same call again is refused and sends nothing more.
      const sentBefore = resets().length
      const again = await client.callTool({
        name: 'zec_reset_instances',
        arguments: { ...input, confirmationToken: plan.confirmationToken },
      })
      expect(again.isError).toBe(true)
      expect(JSON.stringify(again.content)).toMatch(/already used/)
      expect(resets().length).toBe(sentBefore)
      expect(world.countOf('ResetInstances', 'z-1')).toBe(1)

      for (const said of [first, other, otherSecret, second, again]) expect(leaks(JSON.stringify(said))).toEqual([])
      expect(leaks(stderr())).toEqual([])
    } finally {
      await close()
    }
  })

  it('a token is useless to another server process, and a made-up one is refused', async () => {
    const a = await connect(world)
    const b = await connect(world)
    try {
      const input = { instanceIds: ['z-1'] }
      const plan = (await a.client.callTool({ name: 'zec_reset_instances', arguments: input }))
        .structuredContent as Structured
      const elsewhere = await b.client.callTool({
        name: 'zec_reset_instances',
        arguments: { ...input, confirmationToken: plan.confirmationToken },
      })
      expect(elsewhere.isError).toBe(true)
      expect(JSON.stringify(elsewhere.content)).toMatch(/another server process/)
      const forged = await a.client.callTool({
        name: 'zec_reset_instances',
        arguments: { ...input, confirmationToken: 'zrc1.x.9999999999999.y' },
      })
      expect(forged.isError).toBe(true)
      expect(resets()).toEqual([])
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('--max-instances refuses a larger fleet before any plan: nothing at all is sent', async () => {
    const { client, close } = await connect(world, { flags: ['--max-instances', '2'] })
    try {
      const result = await client.callTool({
        name: 'zec_reset_instances',
        arguments: { instanceIds: ['z-1', 'z-2', 'z-3'] },
      })
      expect(result.isError).toBe(true)
      expect(JSON.stringify(result.content)).toMatch(
        /MAX_INSTANCES: instanceIds names 3 instances, more than this server's --max-instances 2/,
      )
      expect(world.sent).toEqual([])
    } finally {
      await close()
    }
  })

  it('a bad field refuses the call naming it, nothing sent, the secret not echoed', async () => {
    const { client, close } = await connect(world)
    try {
      const result = await client.callTool({
        name: 'zec_reset_instances',
        arguments: { instanceIds: ['z-1'], password: 'Canary+Pw42xxxxxxxxx', userData: SECRET.userData },
      })
      expect(result.isError).toBe(true)
      expect(JSON.stringify(result.content)).toMatch(/password/)
      expect(JSON.stringify(result)).not.toContain('Canary+Pw42')
      expect(leaks(JSON.stringify(result))).toEqual([])
      expect(resets()).toEqual([])
      const unknown = await client.callTool({
        name: 'zec_reset_instances',
        arguments: { instanceIds: ['z-1'], accessKeySecret: 'x' },
      })
      expect(unknown.isError).toBe(true)
      expect(JSON.stringify(unknown.content)).toMatch(/"accessKeySecret\\" is not a field/)
    } finally {
      await close()
    }
  })
})

describe('secrets of every service', () => {
  it('the canary check itself finds each canary, as is and inside JSON', () => {
    for (const [name, value] of Object.entries(SECRET)) {
      expect(leaks(`x${value}x`)).toEqual([name])
      expect(leaks(JSON.stringify({ value }))).toEqual([name])
    }
  })

  it('vm: password and initScript are masked in the plan and the result, and never in stderr', async () => {
    await world.close()
    world = await startWorld({ vm: { instances: [{ instanceId: 'v-1' }] } })
    const { client, close, stderr } = await connect(world, { flags: ['--max-wait-seconds', '60'] })
    try {
      const input = { instanceIds: ['v-1'], password: SECRET.password, initScript: SECRET.initScript }
      const plan = await client.callTool({ name: 'vm_reset_instance', arguments: input })
      const planned = plan.structuredContent as Structured
      expect(planned.fields).toEqual({ password: '***', initScript: '***' })
      const done = await client.callTool({
        name: 'vm_reset_instance',
        arguments: { ...input, confirmationToken: planned.confirmationToken },
      })
      expect(done.structuredContent).toBeDefined()
      expect(world.sent.some((s) => s.action === 'ResetInstance' && s.body.initScript === SECRET.initScript)).toBe(true)
      expect(leaks(JSON.stringify([plan, done]))).toEqual([])
      expect(leaks(stderr())).toEqual([])
    } finally {
      await close()
    }
  })
})

describe('elicitation (a client that can ask the person)', () => {
  const input = { instanceIds: ['z-1', 'z-run'], password: SECRET.password, userData: SECRET.userData }

  it('asks naming the service, the count, what a reinstall wipes and the statuses; acts on accept', async () => {
    const asked: string[] = []
    const { client, close, stderr } = await connect(world, {
      flags: ['--max-wait-seconds', '60'],
      elicit: async (request) => {
        asked.push(request.message)
        return { action: 'accept', content: { confirm: true } }
      },
    })
    try {
      const result = await client.callTool({ name: 'zec_reset_instances', arguments: input })
      expect(asked).toHaveLength(1)
      expect(asked[0]).toMatch(/2 zec instances/)
      expect(asked[0]).toMatch(/erases each instance's system disk/)
      expect(asked[0]).toMatch(/z-1: STOPPED/)
      expect(asked[0]).toMatch(/z-run: RUNNING \(would be refused/)
      expect(leaks(asked[0] as string)).toEqual([])
      const done = result.structuredContent as Structured
      expect(done.phase).toBe('done')
      expect(done.totals).toMatchObject({ reset: 1, refused: 1 })
      expect(world.countOf('ResetInstances', 'z-1')).toBe(1)
      expect(leaks(JSON.stringify(result))).toEqual([])
      expect(leaks(stderr())).toEqual([])
    } finally {
      await close()
    }
  })

  it('a client that fails to ask: refused, nothing sent', async () => {
    const { client, close } = await connect(world, {
      elicit: async () => {
        throw new Error('the person closed the dialog')
      },
    })
    try {
      const result = await client.callTool({ name: 'zec_reset_instances', arguments: input })
      expect(result.isError).toBe(true)
      expect(JSON.stringify(result.content)).toMatch(/CONFIRMATION_FAILED: .*nothing was sent/)
      expect(resets()).toEqual([])
    } finally {
      await close()
    }
  })

  it.each([
    ['decline', { action: 'decline' as const }, 'declined'],
    ['cancel', { action: 'cancel' as const }, 'cancelled-by-user'],
    ['accept without yes', { action: 'accept' as const, content: { confirm: false } }, 'declined'],
  ])('%s: nothing is sent', async (_name, answer, phase) => {
    const { client, close } = await connect(world, { elicit: async () => answer })
    try {
      const result = await client.callTool({ name: 'zec_reset_instances', arguments: input })
      expect((result.structuredContent as Structured).phase).toBe(phase)
      expect(resets()).toEqual([])
      expect(leaks(JSON.stringify(result))).toEqual([])
    } finally {
      await close()
    }
  })
})
