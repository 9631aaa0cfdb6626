// A real HTTP server on loopback that answers from a script and records every
// request exactly as it arrived. It checks nothing about what it receives,
// except, when asked to, the X-ZC-Timestamp skew (to play the API's clock
// check). Only ever listens on 127.0.0.1, on a port the system picks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  readonly method: string
  /** Path and query, as sent. */
  readonly url: string
  /** Header names lower-cased; repeated headers joined as Node joins them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** The body as received; `undefined` when the socket was destroyed before it was read. */
  readonly body: string | undefined
}

export interface Reply {
  readonly status: number
  readonly headers?: Readonly<Record<string, string | string[]>>
  readonly body?: string | Buffer
  /** Send the body in several writes without Content-Length (chunked transfer encoding). */
  readonly chunked?: boolean
  /** Whether Node adds its own `Date` header (default true). */
  readonly sendDate?: boolean
}

/** What the server does with one request. */
export type Step =
  | Reply
  /** Destroy the socket as soon as the request head arrived, before reading the body. */
  | 'destroy-before-read'
  /** Read the whole request, then destroy the socket without answering. */
  | 'destroy-after-read'
  /** Read the request and never answer (until the server is closed). */
  | 'hang'
  /** Answer a redirect; `location` is absolute, e.g. another local server's `url`. */
  | { readonly redirect: number; readonly location: string }

export type Script =
  | readonly (Step | ((request: Received, index: number) => Step))[]
  | ((request: Received, index: number) => Step)

export interface ClockCheck {
  /** Refuse a signed request whose X-ZC-Timestamp is further than this from the real clock. Default 300. */
  readonly maxSkewSeconds?: number
  /** Whether the refusal carries a `Date` header (default true). */
  readonly date?: boolean
}

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly port: number
  /** Every request received, in order, complete. */
  readonly requests: readonly Received[]
  /** How many requests were received. */
  readonly received: number
  /** How many TCP connections were accepted. */
  readonly connections: number
  close(): Promise<void>
}

export const REQUEST_ID = 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9'

/** A JSON reply with the API's success envelope around `response`. */
export function ok(response: unknown = { requestId: REQUEST_ID }, headers: Record<string, string> = {}): Reply {
  return json(200, { requestId: REQUEST_ID, response }, headers)
}

/** The API's error envelope. */
export function apiError(status: number, code: string, headers: Record<string, string> = {}, message?: string): Reply {
  return json(status, { requestId: REQUEST_ID, code, message: message ?? `${code} happened` }, headers)
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) }
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/html', ...headers }, body }
}

export async function startServer(script: Script = [], options: { clock?: ClockCheck } = {}): Promise<LocalServer> {
  const requests: Received[] = []
  let connections = 0
  let answered = 0
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy())
  })
  server.on('connection', () => {
    connections++
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const head = { method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } }
    // The clock check needs the head only; a refused request takes no step of the script.
    const refusal = options.clock ? clockRefusal(head.headers, options.clock) : undefined
    const step = refusal ?? nextStep()
    if (step === 'destroy-before-read') {
      requests.push({ ...head, body: undefined })
      req.socket.destroy()
      return
    }
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const received: Received = { ...head, body: Buffer.concat(chunks).toString('utf8') }
    requests.push(received)
    const resolved = typeof step === 'function' ? step(received) : step
    if (resolved === 'destroy-after-read' || resolved === 'destroy-before-read') {
      req.socket.destroy()
      return
    }
    if (resolved === 'hang') return
    if ('redirect' in resolved) {
      res.writeHead(resolved.redirect, { location: resolved.location, 'content-length': '0' })
      res.end()
      return
    }
    answer(res, resolved)
  }

  // The step is chosen when the head arrives (a destroy-before-read must not
  // wait for the body); a function is called once the body is read.
  function nextStep(): Step | ((request: Received) => Step) {
    const index = answered++
    if (typeof script === 'function') return (request: Received) => script(request, index)
    // Past the end of the script, the last step repeats.
    const step = script[index] ?? script[script.length - 1]
    if (step === undefined) return text(500, 'the local server has no script')
    if (typeof step === 'function') return (request: Received) => step(request, index)
    return step
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get received() {
      return requests.length
    },
    get connections() {
      return connections
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function answer(res: ServerResponse, reply: Reply): void {
  res.sendDate = reply.sendDate ?? true
  const body = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(reply.body)
  const headers: Record<string, string | string[]> = { ...reply.headers }
  if (!reply.chunked) headers['content-length'] = String(body.length)
  res.writeHead(reply.status, headers)
  if (!reply.chunked) {
    res.end(body)
    return
  }
  const piece = Math.max(1, Math.ceil(body.length / 4))
  for (let at = 0; at < body.length; at += piece) res.write(body.subarray(at, at + piece))
  res.end()
}

/** The API's clock check: a signed request more than maxSkewSeconds off the real clock is refused. */
function clockRefusal(headers: Received['headers'], clock: ClockCheck): Reply | undefined {
  const stamp = headers['x-zc-timestamp']
  if (typeof stamp !== 'string') return undefined
  const skew = Math.abs(Number(stamp) - Date.now() / 1000)
  if (Number.isFinite(skew) && skew <= (clock.maxSkewSeconds ?? 300)) return undefined
  const withDate = clock.date ?? true
  return {
    ...json(401, {
      requestId: REQUEST_ID,
      code: 'AUTH_FAILURE_TIMESTAMP_EXPIRED',
      message: 'the request timestamp is too far from the server time',
    }),
    ...(withDate ? { headers: { 'content-type': 'application/json', date: new Date().toUTCString() } } : {}),
    sendDate: false,
  }
}

/** A loopback port on which nothing listens (it was just closed). */
export async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** Starts servers for one test and closes them after it, whatever happens. */
export async function withServers<T>(
  scripts: readonly (Script | { script: Script; clock?: ClockCheck })[],
  body: (...servers: LocalServer[]) => Promise<T>,
): Promise<T> {
  const servers: LocalServer[] = []
  try {
    for (const entry of scripts) {
      const { script, clock } =
        typeof entry === 'object' && entry !== null && 'script' in entry ? entry : { script: entry, clock: undefined }
      servers.push(await startServer(script as Script, clock ? { clock } : {}))
    }
    return await body(...servers)
  } finally {
    await Promise.all(servers.map((s) => s.close()))
  }
}
