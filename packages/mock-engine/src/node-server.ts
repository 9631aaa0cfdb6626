// The mock as a real HTTP server (node:http), for integration tests in any
// language and the vendor SDKs pointed at it. Bodies over 1 MiB are cut off
// and answered 413 without being buffered.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { ADMIN_PREFIX, type AdminGuard, handleAdmin } from './admin.js'
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

/** Calls `done` with the body, or with undefined when the client went away mid-request. No promise: one less per request. */
function readBody(req: IncomingMessage, done: (body: Uint8Array | undefined) => void): void {
  let first: Buffer | undefined
  let rest: Buffer[] | undefined
  let size = 0
  req.on('data', (chunk: Buffer) => {
    // Keep one byte past the limit, so the engine knows it was exceeded; drop the rest.
    if (size <= MAX_BODY_BYTES) {
      if (first === undefined) first = chunk
      else if (rest === undefined) rest = [first, chunk]
      else rest.push(chunk)
    }
    size += chunk.length
  })
  req.on('end', () => {
    const all = rest ? Buffer.concat(rest) : (first ?? Buffer.alloc(0))
    done(all.length > MAX_BODY_BYTES + 1 ? all.subarray(0, MAX_BODY_BYTES + 1) : all)
  })
  req.on('error', () => done(undefined))
}

function send(res: ServerResponse, reply: WireResponse): void {
  // A flat [name, value, ...] list: node stores it without walking an object.
  const headers: string[] = []
  for (const name in reply.headers) headers.push(name, reply.headers[name] as string)
  headers.push('content-length', String(Buffer.byteLength(reply.body)))
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
  const server = createServer((req, res) => {
    readBody(req, (body) => {
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
            (r) => send(res, r),
            () => abandon(res),
          )
        else send(res, reply)
      } catch {
        abandon(res)
      }
    })
  })
  server.keepAliveTimeout = 60_000
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
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
