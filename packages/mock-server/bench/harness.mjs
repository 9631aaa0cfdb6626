// What both load benchmarks (load.mjs with undici, load-autocannon.mjs) share:
// the two servers under test, each in its own process started with the Node
// flags `zenlayer-mock` gives its server, the pre-signed requests, and the
// server-side CPU counter. Both servers are loaded the same way in each.
import { fork } from 'node:child_process'
import { sign } from '@zenlayer-reset/client-runtime'
import { SERVER_NODE_FLAGS } from '../dist/node-flags.js'

export { SERVER_NODE_FLAGS }
export const CONNECTIONS = 50
// Stopped instances the mock starts each slice with, one per request: more than a slice can use.
export const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 100_000)

function startServer(kind) {
  const child = fork(new URL('./servers.mjs', import.meta.url), [kind, String(INSTANCES)], {
    stdio: 'inherit',
    // servers.mjs collects setup garbage (the previous state) before the next slice starts.
    // BENCH_NODE_FLAGS (e.g. V8 heap flags) go to both servers alike.
    execArgv: ['--expose-gc', ...SERVER_NODE_FLAGS, ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)],
  })
  return new Promise((resolve) => child.once('message', ({ url }) => resolve({ kind, child, url, next: 0 })))
}

/** Sends a message to a server's process and waits for its answer. */
export function ask(child, message) {
  return new Promise((resolve) => {
    child.once('message', resolve)
    child.send(message)
  })
}

/** The server's own CPU time (user + system), in microseconds. */
export async function serverCpu(server) {
  const { cpu } = await ask(server.child, 'cpu')
  return cpu.user + cpu.system
}

/** Both servers, started one after the other: { mock, bare }. */
export async function startServers() {
  const mock = await startServer('mock')
  const bare = await startServer('bare')
  return { mock, bare }
}

/** Pre-signed requests, each resetting another instance (the signature covers the body). */
export function signedRequests(host) {
  const timestamp = Math.floor(Date.now() / 1000)
  return Array.from({ length: INSTANCES }, (_, i) => {
    const body = `{"instanceIds":["bench-${i}"]}`
    const signed = sign({
      accessKeyId: 'mock-access-key',
      accessKeySecret: 'mock-access-secret',
      contentType: 'application/json',
      host,
      body,
      timestamp,
    })
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-zc-action': 'ResetInstances',
        'x-zc-version': '2025-09-01',
        'x-zc-timestamp': String(timestamp),
        'x-zc-signature-method': 'ZC2-HMAC-SHA256',
        authorization: signed.authorization,
      },
    }
  })
}

/** Fresh stopped instances for the mock's next slice (outside the timed part). */
export async function reseed(mock) {
  await ask(mock.child, { reseed: INSTANCES })
  mock.next = 0
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
export const percent = (r) => `${(r * 100).toFixed(1)}%`
