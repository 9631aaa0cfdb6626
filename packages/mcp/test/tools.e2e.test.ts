// The tool list the server offers, driven by the specs: every action of every
// spec's contract cases is a tool named <service>_<action in snake case>, with
// annotations from what the spec says the action does; and the operator's
// start flags (--read-only, --services, --endpoint).
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, connect, startWorld, type World } from './harness.js'

const SPECS = fileURLToPath(new URL('../../../specs', import.meta.url))

const snake = (a: string) => a.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

/** Every (service, action) the contract cases beside the specs name. */
function contractActions(): { service: string; action: string }[] {
  const found = new Map<string, { service: string; action: string }>()
  for (const service of readdirSync(SPECS)) {
    let files: string[] = []
    try {
      files = readdirSync(join(SPECS, service, 'contract')).filter((f) => f.endsWith('.json'))
    } catch {
      continue
    }
    for (const file of files) {
      const text = readFileSync(join(SPECS, service, 'contract', file), 'utf8')
      for (const m of text.matchAll(/"action":\s*"([A-Za-z]+)"/g)) {
        const action = m[1] as string
        found.set(`${service}/${action}`, { service, action })
      }
    }
  }
  return [...found.values()]
}

let world: World

beforeAll(async () => {
  world = await startWorld({ zec: { instances: [{ instanceId: 'z-1' }] } })
})
afterAll(async () => {
  await world.close()
})

describe('tools/list', () => {
  it('offers a tool per action of every spec, annotated from the spec', async () => {
    const { client, close } = await connect(world)
    try {
      const { tools } = await client.listTools()
      const byName = new Map(tools.map((t) => [t.name, t]))
      const actions = contractActions()
      expect(actions.length).toBeGreaterThanOrEqual(4)
      for (const { service, action } of actions)
        expect(byName.has(`${service}_${snake(action)}`), `${service} ${action}`).toBe(true)

      const reset = byName.get('zec_reset_instances')
      expect(reset?.annotations).toMatchObject({ destructiveHint: true, idempotentHint: false, readOnlyHint: false })
      expect(reset?.inputSchema.required).toContain('instanceIds')
      expect(Object.keys(reset?.inputSchema.properties ?? {})).toEqual(
        expect.arrayContaining(['instanceIds', 'password', 'imageId', 'confirmationToken']),
      )
      // No field for a credential: keys and tokens come from the environment only.
      for (const tool of tools)
        for (const field of Object.keys(tool.inputSchema.properties ?? {}))
          expect(field).not.toMatch(/secret|accessKey|^token$|credential/i)
      expect(reset?.outputSchema?.properties).toHaveProperty('confirmationToken')
      expect(reset?.description).toMatch(/STOPPED/)

      const status = byName.get('zec_describe_instances_status')
      expect(status?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false })
      expect(status?.outputSchema?.properties).toHaveProperty('requestId')
      const vmReset = byName.get('vm_reset_instance')
      expect(vmReset?.annotations).toMatchObject({ destructiveHint: true, idempotentHint: false })
      // Reset tools take a fleet even where the action names one instance.
      expect(vmReset?.inputSchema.properties).toHaveProperty('instanceIds')
      expect(vmReset?.inputSchema.properties).not.toHaveProperty('instanceId')
    } finally {
      await close()
    }
  })

  it('a status tool answers with structured content matching its output schema', async () => {
    const { client, close } = await connect(world)
    try {
      const result = await client.callTool({
        name: 'zec_describe_instances_status',
        arguments: { instanceIds: ['z-1'] },
      })
      expect(result.isError).toBeFalsy()
      expect(result.structuredContent).toMatchObject({
        totalCount: 1,
        dataSet: [{ instanceId: 'z-1', instanceStatus: 'STOPPED' }],
      })
    } finally {
      await close()
    }
  })

  it('--read-only lists only read-only tools and refuses a reset by name, sending nothing', async () => {
    const { client, close } = await connect(world, { flags: ['--read-only'] })
    try {
      const { tools } = await client.listTools()
      expect(tools.length).toBeGreaterThan(0)
      for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true)
      const before = world.sent.length
      const result = await client.callTool({ name: 'zec_reset_instances', arguments: { instanceIds: ['z-1'] } })
      expect(result.isError).toBe(true)
      expect(JSON.stringify(result.content)).toMatch(/UNKNOWN_TOOL.*read-only/)
      expect(world.sent.length).toBe(before)
    } finally {
      await close()
    }
  })

  it('--services serves only the services named', async () => {
    const { client, close } = await connect(world, { flags: ['--services', 'vm'] })
    try {
      const { tools } = await client.listTools()
      expect(tools.map((t) => t.name).sort()).toEqual(['vm_describe_instances_status', 'vm_reset_instance'])
    } finally {
      await close()
    }
  })

  it.each([
    [['--endpoint', 'http://example.com'], /plain http only to a loopback host/],
    [['--endpoint', 'https://user:pw@example.com'], /must not carry a user or password/],
    [['--max-instances', '0'], /--max-instances must be a whole number/],
    [['--services', 'nope'], /--services names an unknown service/],
    [['--secret=hunter2hunter2'], /unknown option "--secret"/],
  ])('refuses %j at start: one line, exit 2, no value echoed', (flags, message) => {
    const run = spawnSync(process.execPath, [BIN, ...flags], { encoding: 'utf8', input: '' })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).not.toContain('hunter2')
    expect(run.stderr).not.toContain(':pw@')
    expect(run.stdout).toBe('')
  })
})
