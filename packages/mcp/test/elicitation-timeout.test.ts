// The elicitation's time limit (--confirm-minutes, the same as a token's):
// a person who never answers is a refusal, and nothing is sent. Built in
// process over the SDK's in-memory transport with the real client and server,
// so that the limit can be a fraction of a second (the flag's least is one
// minute) without waiting a minute in a test.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js'
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

describe('elicitation with no answer', () => {
  it('refuses when the person does not answer in time, sending nothing', async () => {
    const hub = createHub({ progression: 'immediate', state: { zec: { instances: [{ instanceId: 'z-1' }] } } })
    const parsed = parseOptions([], Object.keys(services))
    // 300 ms: what --confirm-minutes sets, shortened for the test.
    const options = { ...parsed, confirmMinutes: 0.005 }
    const logged: string[] = []
    const ctx: ServerContext = {
      options,
      tokens: new ConfirmationTokens(options.confirmMinutes * 60_000, Date.now),
      credentials: { env: { ZENLAYER_TOKEN: 'mock-token' }, home: '/nonexistent', profile: undefined },
      fetch: hub.fetch as typeof fetch,
      log: (line) => logged.push(line),
      now: Date.now,
    }
    const server = createServer(ctx, [await (services.zec as () => Promise<ServiceTools>)()], '0.0.0-test')
    const [a, b] = InMemoryTransport.createLinkedPair()
    const client = new Client({ name: 't', version: '1' }, { capabilities: { elicitation: { form: {} } } })
    const asked: string[] = []
    // The question reaches the person, who never answers.
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      asked.push(request.params.message)
      return new Promise(() => undefined)
    })
    await Promise.all([server.connect(a), client.connect(b)])
    try {
      const result = await client.callTool({ name: 'zec_reset_instances', arguments: { instanceIds: ['z-1'] } })
      expect(asked).toHaveLength(1)
      expect(result.isError).toBe(true)
      expect(JSON.stringify(result.content)).toMatch(/CONFIRMATION_FAILED: .*no answer in time.*nothing was sent/)
      expect(hub.mocks.zec?.history('z-1').map((e) => e.status)).toEqual(['STOPPED'])
      expect(logged.join('\n')).toMatch(/zec_reset_instances: CONFIRMATION_FAILED/)
    } finally {
      await client.close()
    }
  }, 30_000)
})
