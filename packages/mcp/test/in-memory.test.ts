// The server built in process (createServer) over the SDK's in-memory
// transport, against the mocks' in-process fetch, with a clock the test moves:
// a token past its minutes is refused and nothing is sent; and a destructive
// action the spec gives no fleet is never run.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import {
  ConfirmationTokens,
  createServer,
  parseOptions,
  type ServerContext,
  type ServiceTools,
} from '@zenlayer-reset/mcp-runtime'
import { createHub } from '@zenlayer-reset/mock-server'
import { describe, expect, it } from 'vitest'
import { services } from '../src/services/index.js'

async function serve(tables: ServiceTools[], hub: ReturnType<typeof createHub>, now: () => number) {
  const options = parseOptions(['--confirm-minutes', '5'], Object.keys(services))
  const ctx: ServerContext = {
    options,
    tokens: new ConfirmationTokens(options.confirmMinutes * 60_000, now),
    credentials: { env: { ZENLAYER_TOKEN: 'mock-token' }, home: '/nonexistent', profile: undefined },
    fetch: hub.fetch as typeof fetch,
    log: () => undefined,
    now,
  }
  const server = createServer(ctx, tables, '0.0.0-test')
  const [a, b] = InMemoryTransport.createLinkedPair()
  const client = new Client({ name: 't', version: '1' })
  await Promise.all([server.connect(a), client.connect(b)])
  return client
}

describe('in process', () => {
  it('refuses a token past its minutes, sending nothing', async () => {
    const hub = createHub({ progression: 'immediate', state: { zec: { instances: [{ instanceId: 'z-1' }] } } })
    let clock = 1_000_000
    const client = await serve([await (services.zec as () => Promise<ServiceTools>)()], hub, () => clock)
    const input = { instanceIds: ['z-1'] }
    const plan = await client.callTool({ name: 'zec_reset_instances', arguments: input })
    const { confirmationToken } = plan.structuredContent as { confirmationToken: string }
    clock += 5 * 60_000
    const late = await client.callTool({ name: 'zec_reset_instances', arguments: { ...input, confirmationToken } })
    expect(late.isError).toBe(true)
    expect(JSON.stringify(late.content)).toMatch(/CONFIRMATION_REFUSED: confirmationToken has expired/)
    expect(hub.mocks.zec?.history('z-1').map((e) => e.status)).toEqual(['STOPPED'])
    // A fresh plan's token, in time, acts.
    const again = await client.callTool({ name: 'zec_reset_instances', arguments: input })
    const token = (again.structuredContent as { confirmationToken: string }).confirmationToken
    clock += 5 * 60_000 - 1
    const done = await client.callTool({
      name: 'zec_reset_instances',
      arguments: { ...input, confirmationToken: token },
    })
    expect((done.structuredContent as { phase: string }).phase).toBe('done')
    expect(hub.mocks.zec?.history('z-1').map((e) => e.status)).toEqual(['STOPPED', 'DEPLOYING', 'RUNNING'])
  }, 30_000)

  it('never runs a destructive action that has no fleet to confirm', async () => {
    const hub = createHub({ progression: 'immediate', state: { zec: { instances: [{ instanceId: 'z-1' }] } } })
    const zec = await (services.zec as () => Promise<ServiceTools>)()
    const reset = zec.tools.find((t) => t.kind === 'fleet')
    if (!reset) throw new Error('no fleet tool in zec')
    // The same action, as a table would give it if the spec had no fleet method for it.
    const table: ServiceTools = {
      ...zec,
      tools: [{ ...reset, name: 'zec_raw_reset', kind: 'call', outputSchema: null }],
    }
    const client = await serve([table], hub, Date.now)
    const result = await client.callTool({ name: 'zec_raw_reset', arguments: { instanceIds: ['z-1'] } })
    expect(result.isError).toBe(true)
    expect(JSON.stringify(result.content)).toMatch(/NOT_OFFERED/)
    expect(hub.mocks.zec?.history('z-1').map((e) => e.status)).toEqual(['STOPPED'])
  })
})
