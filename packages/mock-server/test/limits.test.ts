// Issue 14: slow, idle, oversized and numerous clients cannot hold the server
// down. Small timeouts are configured for the test; the defaults are in
// DEFAULT_LIMITS (mock-engine/node).
import { connect, type Socket } from 'node:net'
import { DEFAULT_LIMITS, type RunningServer, serve } from '@zenlayer-reset/mock-engine/node'
import { afterEach, describe, expect, it } from 'vitest'
import { createHub } from '../src/start.js'

const open: RunningServer[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy()
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function start(
  limits: Parameters<typeof serve>[1] extends infer O ? (O extends { limits?: infer L } ? L : never) : never,
) {
  const running = await serve(createHub(), { port: 0, limits })
  open.push(running)
  return Number(new URL(running.url).port)
}

/** A raw socket: what it is sent, and everything the server answers until it closes the connection. */
function rawClient(port: number, send?: string) {
  const socket = connect(port, '127.0.0.1')
  sockets.push(socket)
  let received = ''
  socket.on('data', (c) => {
    received += c.toString('latin1')
  })
  socket.on('error', () => {})
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)))
  if (send !== undefined) socket.write(send)
  return { socket, closed }
}

const FAST = { headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 50, keepAliveTimeoutMs: 300 }

describe('slow and idle clients', () => {
  it('headers sent a byte at a time: 408 and the connection closed', async () => {
    const port = await start(FAST)
    const { closed } = rawClient(port, 'POST /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow')
    const reply = await closed
    expect(reply).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    expect(reply).toContain('connection: close')
    expect(reply).toContain('"code":"REQUEST_RECEIVE_TIMEOUT"')
  })

  it('a body that trickles: 408 within the request timeout', async () => {
    const port = await start(FAST)
    const started = Date.now()
    const { socket, closed } = rawClient(
      port,
      'POST /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    )
    const drip = setInterval(() => socket.writable && socket.write(' '), 100)
    const reply = await closed
    clearInterval(drip)
    expect(reply).toMatch(/^HTTP\/1\.1 408 /)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('an idle connection that never sends a byte is closed', async () => {
    const port = await start(FAST)
    const started = Date.now()
    const { closed } = rawClient(port)
    await closed
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('oversized requests', () => {
  it('headers over the limit: 431', async () => {
    const port = await start({ ...FAST, maxHeaderBytes: 4096 })
    const { closed } = rawClient(
      port,
      `GET /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(8192)}\r\n\r\n`,
    )
    const reply = await closed
    expect(reply).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/)
    expect(reply).toContain('"code":"REQUEST_HEADER_TOO_LARGE"')
  })

  it('a declared 32 MiB body: 413 in the envelope at once, without reading the body, and the connection closed', async () => {
    const port = await start(FAST)
    const started = Date.now()
    const { closed } = rawClient(
      port,
      `POST /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${32 * 1024 * 1024}\r\n\r\n{"a":`,
    )
    const reply = await closed
    expect(reply).toMatch(/^HTTP\/1\.1 413 /)
    expect(reply).toContain('"code":"REQUEST_BODY_TOO_LARGE"')
    expect(reply).toMatch(/"requestId":"T[0-9A-F-]+"/)
    expect(reply.toLowerCase()).toContain('connection: close')
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('a chunked body that grows past 1 MiB: 413 once the limit is passed, not at its end', async () => {
    const port = await start(FAST)
    const { socket, closed } = rawClient(
      port,
      'POST /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    )
    const chunk = 'x'.repeat(64 * 1024)
    for (let i = 0; i < 20; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
    const reply = await closed
    expect(reply).toMatch(/^HTTP\/1\.1 413 /)
  })
})

describe('many clients', () => {
  it('connections past the cap are closed at once; the server still answers after they go', async () => {
    const port = await start({ ...FAST, headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, maxConnections: 3 })
    const held = [rawClient(port), rawClient(port), rawClient(port)]
    await new Promise((r) => setTimeout(r, 100))
    const extra = rawClient(port)
    const started = Date.now()
    await extra.closed
    expect(Date.now() - started).toBeLessThan(1_000)
    for (const h of held) h.socket.destroy()
    await Promise.all(held.map((h) => h.closed))
    await new Promise((r) => setTimeout(r, 50))
    const response = await fetch(`http://127.0.0.1:${port}/__admin/state`)
    expect(response.status).toBe(200)
  })

  it('the defaults are bounded', () => {
    expect(DEFAULT_LIMITS).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 256,
      maxHeaderBytes: 16_384,
      checkIntervalMs: 1_000,
    })
  })
})
