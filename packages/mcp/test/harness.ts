// The built server (bin/zenlayer-reset-mcp.js) driven by the official SDK's
// client over stdio, against zenlayer-mock over HTTP behind a counting proxy:
// every request the server sends is recorded (action and instance ids), so a
// test can say exactly what was sent, and that no reset went twice.
import type { ChildProcess } from 'node:child_process'
import { createServer, type IncomingMessage, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { startMockServer } from '@zenlayer-reset/mock-server'

export const BIN = fileURLToPath(new URL('../bin/zenlayer-reset-mcp.js', import.meta.url))

/** Canaries: none may appear in anything the server says (results, notifications, stderr). */
export const SECRET = {
  accessKeySecret: 'mock-access-secret',
  password: 'Canary+Pw42',
  userData: 'Y2FuYXJ5LXVzZXJkYXRhLXNlY3JldA==',
  initScript: '#!/bin/sh\necho canary-init-script-secret\n',
} as const

export interface Sent {
  readonly action: string
  /** The mock's HTTP status; 429 proves the call was refused unapplied (a resend is then allowed). */
  status: number
  readonly service: string
  readonly body: Record<string, unknown>
}

export type MockState = NonNullable<NonNullable<Parameters<typeof startMockServer>[0]>['state']>

export interface World {
  readonly mock: Awaited<ReturnType<typeof startMockServer>>
  readonly url: string
  readonly sent: Sent[]
  /** How many calls of `action` naming `id` the mock did not refuse with 429 (which proves nothing was applied). */
  readonly countOf: (action: string, id: string) => number
  readonly close: () => Promise<void>
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function startWorld(
  state: MockState,
  progression: 'immediate' | 'manual' | number = 'immediate',
): Promise<World> {
  const mock = await startMockServer({ port: 0, progression, state })
  const sent: Sent[] = []
  const proxy = createServer(async (req, res) => {
    const body = await bodyOf(req)
    const action = String(req.headers['x-zc-action'] ?? '')
    let parsed: Record<string, unknown> = {}
    try {
      parsed = JSON.parse(body.toString('utf8'))
    } catch {
      // not JSON: recorded as an empty body
    }
    const entry: Sent = {
      action,
      status: 0,
      service:
        String(req.url ?? '')
          .split('/')
          .pop() ?? '',
      body: parsed,
    }
    sent.push(entry)
    // Forwarded as received, Host included: the signature covers it.
    const target = new URL(mock.url)
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        entry.status = reply.statusCode ?? 0
        res.writeHead(reply.statusCode ?? 502, reply.headers)
        reply.pipe(res)
      },
    )
    upstream.on('error', () => res.destroy())
    upstream.end(body)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  const countOf = (action: string, id: string) =>
    sent
      .filter((s) => s.action === action && s.status !== 429)
      .reduce(
        (n, s) => n + Object.values(s.body).filter((v) => v === id || (Array.isArray(v) && v.includes(id))).length,
        0,
      )
  return {
    mock,
    url,
    sent,
    countOf,
    close: async () => {
      proxy.closeAllConnections()
      await new Promise<void>((resolve) => proxy.close(() => resolve()))
      await mock.close()
    },
  }
}

export interface Connected {
  readonly client: Client
  /** Everything the server wrote to stderr. */
  readonly stderr: () => string
  /** Log notifications received (notifications/message). */
  readonly logs: unknown[]
  readonly close: () => Promise<void>
}

export interface ConnectOptions {
  readonly flags?: readonly string[]
  readonly env?: Record<string, string>
  /** Answers elicitation requests; absent: the client does not declare the capability. */
  readonly elicit?: (request: { message: string; requestedSchema: unknown }) => Promise<{
    action: 'accept' | 'decline' | 'cancel'
    content?: Record<string, unknown>
  }>
}

export async function connect(world: World, options: ConnectOptions = {}): Promise<Connected> {
  const { ElicitRequestSchema, LoggingMessageNotificationSchema } = await import('@modelcontextprotocol/sdk/types.js')
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, '--endpoint', world.url, ...(options.flags ?? [])],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: '/nonexistent-home',
      ZENLAYERCLOUD_SECRET_KEY_ID: 'mock-access-key',
      ZENLAYERCLOUD_SECRET_KEY_PASSWORD: SECRET.accessKeySecret,
      ...options.env,
    },
    stderr: 'pipe',
  })
  let err = ''
  transport.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8')
  })
  const client = new Client(
    { name: 'test-client', version: '1.0.0' },
    { capabilities: options.elicit ? { elicitation: { form: {} } } : {} },
  )
  const logs: unknown[] = []
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
    logs.push(n.params)
  })
  if (options.elicit) {
    const answer = options.elicit
    client.setRequestHandler(ElicitRequestSchema, async (request) =>
      answer(request.params as { message: string; requestedSchema: unknown }),
    )
  }
  await client.connect(transport)
  return {
    client,
    stderr: () => err,
    logs,
    close: async () => {
      await client.close()
    },
  }
}

/** The canaries found in `text` (none, or a test fails). */
export function leaks(text: string): string[] {
  return (
    Object.entries(SECRET)
      // As is, and as JSON writes it (a newline in the script is \n there).
      .filter(([, v]) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)))
      .map(([k]) => k)
  )
}

/**
 * The server's process, for a test that hangs up on it as a client that dies would (ending its stdin, closing its
 * stdout) and watches it end by itself. The SDK's close would not do: it ends the process with SIGTERM, then
 * SIGKILL, 2 s after closing stdin, so a server that kept running would still seem to stop. The transport keeps
 * the process in a private field; read once, while connected.
 */
export function serverProcess(connected: Connected): ChildProcess {
  const transport = connected.client.transport as unknown as { _process?: ChildProcess } | undefined
  const child = transport?._process
  if (!child) throw new Error('the server process is not running (not connected through StdioClientTransport)')
  return child
}
