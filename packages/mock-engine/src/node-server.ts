// The mock as a real HTTP server (node:http), for integration tests in any
// language and the vendor SDKs pointed at it. Safe to leave running on a
// shared machine: slow or idle clients are timed out (408), oversized headers
// answered 431, bodies over 1 MiB answered 413 without being read (the
// connection is closed), and the number of connections is capped.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { ADMIN_PREFIX, type AdminGuard, handleAdmin } from './admin.js'
import type { MockCodes } from './code-roles.js'
import type { MockHub } from './hub.js'
import { MAX_BODY_BYTES, type WireResponse } from './wire.js'

export { nodeSigner } from './node-signer.js'

export interface ServeOptions {
  readonly port?: number
  readonly host?: string
  /** Serve /__admin/ (default true). */
  readonly admin?: boolean
  /**
   * `Authorization: Bearer <adminToken>` on every admin request. Required when
   * the server listens beyond loopback (serve refuses to start without it).
   */
  readonly adminToken?: string
  /** More Host header values the admin surface answers (`mock.internal:8787`), besides loopback and the listen address. */
  readonly allowedHosts?: readonly string[]
  readonly limits?: ServerLimits
}

/** What one client may hold of the server. */
export interface ServerLimits {
  /** Time to send the request's headers (default 10 s). */
  readonly headersTimeoutMs?: number
  /** Time to send the whole request (default 30 s). */
  readonly requestTimeoutMs?: number
  /** An idle kept-alive connection is closed after this (default 5 s). */
  readonly keepAliveTimeoutMs?: number
  /** Open connections at most; more are closed at once (default 256). */
  readonly maxConnections?: number
  /** Request headers at most, in bytes (default 16 KiB); more is answered 431. */
  readonly maxHeaderBytes?: number
  /** How often node checks the timeouts above (default 1 s; tests make it shorter). */
  readonly checkIntervalMs?: number
}

export const DEFAULT_LIMITS: Required<ServerLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  maxHeaderBytes: 16 * 1024,
  checkIntervalMs: 1_000,
}

/** A stand-in for a body too large to read: the engine answers it 413 in the API's envelope. */
let oversized: Uint8Array | undefined
function oversizedBody(): Uint8Array {
  oversized ??= new Uint8Array(MAX_BODY_BYTES + 1)
  return oversized
}

/**
 * The answer to a malformed, slow or oversized request that never reached the
 * engine, in the spec's codes (the hub's); the connection is closed.
 */
function lowLevelReply(codes: MockCodes, code: string | undefined): string {
  const [status, reason, apiCode, message] =
    code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', codes.receiveTimeout, 'The request was not received in time.']
      : code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', codes.headerTooLarge, 'The request headers are too large.']
        : [400, 'Bad Request', codes.requestMalformed, 'The request is not valid HTTP/1.1.']
  const body = JSON.stringify({ code: apiCode, message })
  return `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
}

/** Whether an address is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h)
}

export interface RunningServer {
  readonly server: Server
  readonly url: string
  close(): Promise<void>
}

/**
 * Calls `done` with the body, or with undefined when the client went away
 * mid-request. A body over the limit is not read to its end: `done` gets a
 * stand-in at once (the engine answers 413) and the connection is closed
 * after the answer. No promise: one less per request.
 */
function readBody(req: IncomingMessage, done: (body: Uint8Array | undefined, tooLarge: boolean) => void): void {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) {
    req.pause()
    done(oversizedBody(), true)
    return
  }
  let first: Buffer | undefined
  let rest: Buffer[] | undefined
  let size = 0
  let finished = false
  req.on('data', (chunk: Buffer) => {
    if (finished) return
    if (first === undefined) first = chunk
    else if (rest === undefined) rest = [first, chunk]
    else rest.push(chunk)
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      finished = true
      req.pause()
      done(oversizedBody(), true)
    }
  })
  req.on('end', () => {
    if (finished) return
    finished = true
    done(rest ? Buffer.concat(rest) : (first ?? Buffer.alloc(0)), false)
  })
  req.on('error', () => {
    if (finished) return
    finished = true
    done(undefined, false)
  })
}

function send(res: ServerResponse, reply: WireResponse, close = false): void {
  // A flat [name, value, ...] list: node stores it without walking an object.
  const headers: string[] = []
  for (const name in reply.headers) headers.push(name, reply.headers[name] as string)
  headers.push('content-length', String(Buffer.byteLength(reply.body)))
  if (close) {
    // The rest of an oversized body is never read: answer, then drop the connection.
    headers.push('connection', 'close')
    res.on('finish', () => res.socket?.destroy())
  }
  res.writeHead(reply.status, headers)
  res.end(reply.body)
}

/** What a client that went away mid-request gets, if its socket still listens. */
function abandon(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(400).end()
}

export function serve(hub: MockHub, options: ServeOptions = {}): Promise<RunningServer> {
  const admin = options.admin !== false
  const host = options.host ?? '127.0.0.1'
  if (admin && !isLoopback(host) && !options.adminToken) {
    return Promise.reject(
      new Error(`the admin surface on ${host}, beyond loopback, needs an admin token (adminToken), or admin: false`),
    )
  }
  let guard: AdminGuard = {}
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const server = createServer(
    { maxHeaderSize: limits.maxHeaderBytes, connectionsCheckingInterval: limits.checkIntervalMs },
    (req, res) => {
      readBody(req, (body, tooLarge) => {
        if (body === undefined) return abandon(res)
        // node gives header names in lower case; only set-cookie may be a list, and no API request sends one.
        const wire = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers as Readonly<Record<string, string>>,
          body,
        }
        try {
          const reply = admin && wire.path.startsWith(ADMIN_PREFIX) ? handleAdmin(hub, wire, guard) : hub.respond(wire)
          if (reply instanceof Promise)
            reply.then(
              (r) => send(res, r, tooLarge),
              () => abandon(res),
            )
          else send(res, reply, tooLarge)
        } catch {
          abandon(res)
        }
      })
    },
  )
  server.headersTimeout = limits.headersTimeoutMs
  server.requestTimeout = limits.requestTimeoutMs
  server.keepAliveTimeout = limits.keepAliveTimeoutMs
  server.maxConnections = limits.maxConnections
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable) socket.end(lowLevelReply(hub.codes, error.code))
    else socket.destroy()
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787)
      const shown = host.includes(':') ? `[${host}]` : host
      const hosts = new Set(
        [
          `127.0.0.1:${port}`,
          `localhost:${port}`,
          `[::1]:${port}`,
          `${shown}:${port}`,
          ...(options.allowedHosts ?? []),
        ].map((h) => h.toLowerCase()),
      )
      // Beyond loopback the token guards the surface, and clients reach the server by names it cannot know.
      guard = { token: options.adminToken, hosts: isLoopback(host) ? hosts : undefined }
      resolve({
        server,
        url: `http://${shown}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
