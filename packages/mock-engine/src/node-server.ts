// The mock as a real HTTP server (node:http), for integration tests in any
// language and the vendor SDKs pointed at it. Bodies over 1 MiB are cut off
// and answered 413 without being buffered.
import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { ADMIN_PREFIX, handleAdmin } from './admin.js'
import type { Signer } from './auth.js'
import type { MockHub } from './hub.js'
import { MAX_BODY_BYTES, type WireRequest } from './wire.js'

/** The ZC2-HMAC-SHA256 signature with node:crypto: the same algorithm as client-runtime's `sign`, faster on Node. */
export const nodeSigner: Signer = ({ accessKeySecret, contentType, host, body, timestamp }) => {
  const payloadHash = createHash('sha256').update(body).digest('hex')
  const canonical = `POST\n/\n\ncontent-type:${contentType}\nhost:${host}\n\ncontent-type;host\n${payloadHash}`
  const stringToSign = `ZC2-HMAC-SHA256\n${timestamp}\n${createHash('sha256').update(canonical).digest('hex')}`
  return createHmac('sha256', secretKey(accessKeySecret)).update(stringToSign).digest('hex')
}

// A key object per secret, made once: a server checks many requests of few keys.
const keys = new Map<string, KeyObject>()
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret)
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'))
    if (keys.size > 1000) keys.clear()
    keys.set(secret, key)
  }
  return key
}

export interface ServeOptions {
  readonly port?: number
  readonly host?: string
  /** Serve /__admin/ (default true). */
  readonly admin?: boolean
}

export interface RunningServer {
  readonly server: Server
  readonly url: string
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      // Keep one byte past the limit, so the engine knows it was exceeded; drop the rest.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
      size += chunk.length
    })
    req.on('end', () => {
      const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
      resolve(all.length > MAX_BODY_BYTES + 1 ? all.subarray(0, MAX_BODY_BYTES + 1) : all)
    })
    req.on('error', reject)
  })
}

export function serve(hub: MockHub, options: ServeOptions = {}): Promise<RunningServer> {
  const admin = options.admin !== false
  const server = createServer(async (req, res) => {
    try {
      // node gives header names in lower case; only set-cookie may be a list, and no API request sends one.
      const headers = req.headers as Readonly<Record<string, string>>
      const wire: WireRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        body: await readBody(req),
      }
      const reply = admin && wire.path.startsWith(ADMIN_PREFIX) ? handleAdmin(hub, wire) : await hub.handle(wire)
      res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) })
      res.end(reply.body)
    } catch {
      // A client that went away mid-request: nothing to answer.
      if (!res.headersSent) res.writeHead(400).end()
    }
  })
  server.keepAliveTimeout = 60_000
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787)
      const host = options.host ?? '127.0.0.1'
      resolve({
        server,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
