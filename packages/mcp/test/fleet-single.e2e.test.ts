// An action whose generated client names no fleet method (zec ResetInstance,
// one instance a call) still runs as a fleet: the runtime hands the client
// runtime's resetFleet the descriptor. A new transition in a spec is a new
// fleet tool with no edit to the runtime.
import { afterEach, expect, it } from 'vitest'
import { connect, leaks, SECRET, startWorld, type World } from './harness.js'

let world: World | undefined

afterEach(async () => {
  await world?.close()
  world = undefined
})

it('zec_reset_instance: plan, token, then every id once, followed to its end', async () => {
  world = await startWorld({ zec: { instances: [{ instanceId: 'z-1' }, { instanceId: 'z-2' }] } })
  const { client, close, stderr } = await connect(world, { flags: ['--max-wait-seconds', '60'] })
  try {
    const tools = (await client.listTools()).tools
    const tool = tools.find((t) => t.name === 'zec_reset_instance')
    expect(tool?.annotations).toMatchObject({ destructiveHint: true, idempotentHint: false })
    const input = { instanceIds: ['z-1', 'z-2'], password: SECRET.password }
    const plan = await client.callTool({ name: 'zec_reset_instance', arguments: input })
    const token = (plan.structuredContent as { confirmationToken?: string }).confirmationToken
    expect(typeof token).toBe('string')
    expect(world.sent.filter((s) => s.action === 'ResetInstance')).toEqual([])
    const done = await client.callTool({
      name: 'zec_reset_instance',
      arguments: { ...input, confirmationToken: token },
    })
    expect(done.structuredContent).toMatchObject({
      phase: 'done',
      outcomes: [
        { instanceId: 'z-1', outcome: 'reset' },
        { instanceId: 'z-2', outcome: 'reset' },
      ],
    })
    expect(world.countOf('ResetInstance', 'z-1')).toBe(1)
    expect(world.countOf('ResetInstance', 'z-2')).toBe(1)
    expect(leaks(JSON.stringify([plan, done]))).toEqual([])
    expect(leaks(stderr())).toEqual([])
  } finally {
    await close()
  }
}, 60_000)
