#!/usr/bin/env node
// pnpm bench (packages/mock-server): signed zec ResetInstances calls per second
// and p99 latency at 50 connections against the mock (signature check,
// validation and a state change on every call: each request resets a
// different stopped instance), beside a bare node:http server answering a
// fixed body, loaded the same way in the same run. Each server runs in its own
// process; the load generator (undici, keep-alive, 50 connections, no
// pipelining) in this one. Target: the mock at >= 70% of the bare throughput.
//
// This machine's speed drifts by tens of percent from one second to the next,
// so the two servers are loaded in short alternating slices (the order flips
// each pair, so that drift within a pair cancels), and the figure is the
// median of the per-pair ratios. Each server also reports the CPU time it
// spent per request, which drift moves less than throughput.
//
// Both servers run with the Node flags `zenlayer-mock` gives its server
// (SERVER_NODE_FLAGS: a larger young generation), so the mock is measured as
// the command runs it and the baseline gets the same runtime.
import { fork } from 'node:child_process'
import { sign } from '@zenlayer-reset/client-runtime'
import { Pool } from 'undici'
import { SERVER_NODE_FLAGS } from '../dist/node-flags.js'

const CONNECTIONS = 50
const PAIRS = Number(process.env.BENCH_PAIRS ?? 12)
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 1.5)
// Stopped instances the mock starts each slice with, one per request: more than a slice can use.
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 100_000)

function startServer(kind) {
  const child = fork(new URL('./servers.mjs', import.meta.url), [kind, String(INSTANCES)], {
    stdio: 'inherit',
    // servers.mjs collects setup garbage (the previous state) before the next slice starts.
    // BENCH_NODE_FLAGS (e.g. V8 heap flags) go to both servers alike.
    execArgv: ['--expose-gc', ...SERVER_NODE_FLAGS, ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)],
  })
  return new Promise((resolve) => child.once('message', ({ url }) => resolve({ child, url })))
}

function ask(child, message) {
  return new Promise((resolve) => {
    child.once('message', resolve)
    child.send(message)
  })
}

/** Pre-signed requests, each resetting another instance (the signature covers the body). */
function requests(host) {
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

/** One server under test: its process, a keep-alive pool to it, and where it is in the request list. */
async function target(kind) {
  const { child, url } = await startServer(kind)
  return { kind, child, pool: new Pool(url, { connections: CONNECTIONS, pipelining: 1 }), next: 0, url }
}

/** Loads one server for `seconds`; each request is the next of the list (the mock: never one it has seen). */
async function slice(server, batch, seconds) {
  const latencies = []
  let failures = 0
  let accepted = 0
  const before = await ask(server.child, 'cpu')
  const until = performance.now() + seconds * 1000
  const worker = async () => {
    while (performance.now() < until) {
      // The bare server cycles through the list; the mock must never get a request twice (see INVALID RUN).
      const req = batch[server.next++ % batch.length]
      const started = performance.now()
      const { statusCode, body } = await server.pool.request({
        method: 'POST',
        path: '/api/v2/zec',
        headers: req.headers,
        body: req.body,
      })
      const text = await body.text()
      latencies.push(performance.now() - started)
      if (statusCode !== 200) failures++
      else if (!text.includes('instanceIds')) accepted++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  const elapsed = (performance.now() - started) / 1000
  const after = await ask(server.child, 'cpu')
  latencies.sort((a, b) => a - b)
  const total = latencies.length
  return {
    rps: total / elapsed,
    p99: latencies[Math.floor(total * 0.99)] ?? 0,
    cpuUs: (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / total,
    failures,
    accepted,
    total,
  }
}

/** Fresh stopped instances for the mock's next slice (outside the timed part). */
async function reseed(mock) {
  await ask(mock.child, { reseed: INSTANCES })
  mock.next = 0
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const mock = await target('mock')
const bare = await target('bare')
const batch = requests(new URL(mock.url).host)
// Warm both up (JIT, sockets), not counted.
await reseed(mock)
await slice(bare, batch, 1)
await slice(mock, batch, 1)
const results = { mock: [], bare: [] }
for (let pair = 0; pair < PAIRS; pair++) {
  await reseed(mock)
  const order = pair % 2 === 0 ? [bare, mock] : [mock, bare]
  for (const server of order) results[server.kind].push(await slice(server, batch, SLICE_SECONDS))
}
for (const server of [mock, bare]) {
  await server.pool.close()
  server.child.kill()
}

const ratios = results.mock.map((x, i) => x.rps / (results.bare[i]?.rps ?? Number.NaN))
const ratio = median(ratios)
const summary = (runs) => ({
  rps: median(runs.map((x) => x.rps)),
  p99: median(runs.map((x) => x.p99)),
  cpuUs: median(runs.map((x) => x.cpuUs)),
})
const m = summary(results.mock)
const b = summary(results.bare)
const percent = (r) => `${(r * 100).toFixed(1)}%`
console.log(
  `load: ${CONNECTIONS} connections, ${PAIRS} pairs of ${SLICE_SECONDS} s slices (order flipped each pair) after a warm-up, loopback, each server in its own process (node ${process.version}, ${SERVER_NODE_FLAGS.join(' ')})`,
)
for (const [name, runs] of Object.entries(results)) {
  const requests = runs.reduce((sum, x) => sum + x.total, 0)
  const failures = runs.reduce((sum, x) => sum + x.failures, 0)
  const rates = runs.map((x) => x.rps.toFixed(0)).join(' ')
  console.log(`  ${name}: req/s per slice ${rates} (${requests} requests, ${failures} non-200)`)
}
const broken = results.mock.some((x) => x.failures > 0 || x.accepted !== x.total)
if (broken)
  console.log('INVALID RUN: the mock answered non-200 or refused resets; the figure below measures errors, not work')
console.log(
  `  server CPU per request (median): mock ${m.cpuUs.toFixed(1)} us, bare ${b.cpuUs.toFixed(1)} us (ratio ${(b.cpuUs / m.cpuUs).toFixed(2)})`,
)
console.log(`  per-pair ratios ${ratios.map(percent).join(', ')}`)
console.log(
  `median: mock ${m.rps.toFixed(0)} req/s (p99 ${m.p99.toFixed(1)} ms), bare ${b.rps.toFixed(0)} req/s (p99 ${b.p99.toFixed(1)} ms); median of per-pair ratios ${percent(ratio)} (target >= 70%: ${ratio >= 0.7 ? 'met' : 'MISSED'})`,
)
