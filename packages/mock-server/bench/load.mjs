#!/usr/bin/env node
// pnpm bench (packages/mock-server): signed zec ResetInstances calls per second
// and p99 latency at 50 connections against the mock (signature check,
// validation and a state change on every call: each request resets a
// different stopped instance), beside a bare node:http server answering a
// fixed body, loaded the same way in the same run. Each server runs in its own
// process; the load generator (undici, keep-alive, 50 connections, no
// pipelining) in this one. Target: the mock at >= 70% of the bare throughput.
import { fork } from 'node:child_process'
import { sign } from '@zenlayer-reset/client-runtime'
import { Pool } from 'undici'

const CONNECTIONS = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
// Enough distinct instances for a round at the mock's pace; the bare server cycles through the same requests.
const MAX_REQUESTS = 150_000
const ROUND_PAUSE_MS = 300

function startServer(kind) {
  const child = fork(new URL('./servers.mjs', import.meta.url), [kind, String(MAX_REQUESTS)], { stdio: 'inherit' })
  return new Promise((resolve) => child.once('message', ({ url }) => resolve({ child, url })))
}

/** Pre-signed requests, each resetting another instance (the signature covers the body). */
function requests(host) {
  const timestamp = Math.floor(Date.now() / 1000)
  return Array.from({ length: MAX_REQUESTS }, (_, i) => {
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

async function load(url, batch, cycle) {
  const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 })
  const latencies = []
  let next = 0
  let failures = 0
  let accepted = 0
  const until = performance.now() + SECONDS * 1000
  const worker = async () => {
    while (performance.now() < until && (cycle || next < batch.length)) {
      const req = batch[next++ % batch.length]
      const started = performance.now()
      const { statusCode, body } = await pool.request({
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
  const seconds = (performance.now() - started) / 1000
  await pool.close()
  latencies.sort((a, b) => a - b)
  return {
    rps: latencies.length / seconds,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    failures,
    accepted,
    total: latencies.length,
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const mock = await startServer('mock')
const bare = await startServer('bare')
const results = { mock: [], bare: [] }
const batch = requests(new URL(mock.url).host)
const reseed = () =>
  new Promise((resolve) => {
    mock.child.once('message', resolve)
    mock.child.send({ reseed: MAX_REQUESTS })
  })
// A short round to warm both servers up (JIT, sockets), not counted.
await reseed()
await load(bare.url, batch.slice(0, 20_000), false)
await load(mock.url, batch.slice(0, 20_000), false)
for (let r = 0; r < ROUNDS; r++) {
  // Every round starts from the same state: MAX_REQUESTS stopped instances, one per request.
  await reseed()
  results.bare.push(await load(bare.url, batch, true))
  await new Promise((resolve) => setTimeout(resolve, ROUND_PAUSE_MS))
  results.mock.push(await load(mock.url, batch, false))
}
mock.child.kill()
bare.child.kill()
// Machine drift moves both servers of a round alike: the figure is the median of the per-round ratios.
const ratios = results.mock.map((x, i) => x.rps / (results.bare[i]?.rps ?? Number.NaN))
const ratio = median(ratios)
const m = { rps: median(results.mock.map((x) => x.rps)), p99: median(results.mock.map((x) => x.p99)) }
const b = { rps: median(results.bare.map((x) => x.rps)), p99: median(results.bare.map((x) => x.p99)) }
console.log(
  `load: ${CONNECTIONS} connections, ${SECONDS} s per round, ${ROUNDS} rounds after a warm-up, loopback, each server in its own process`,
)
for (const [name, runs] of Object.entries(results)) {
  const lines = runs.map(
    (x) =>
      `${x.rps.toFixed(0)} req/s p99 ${x.p99.toFixed(1)} ms (${x.total} requests, ${x.failures} non-200${name === 'mock' ? `, ${x.accepted} resets accepted` : ''})`,
  )
  console.log(`  ${name}: ${lines.join('; ')}`)
}
const broken = results.mock.some((x) => x.failures > 0 || x.accepted !== x.total)
if (broken)
  console.log('INVALID RUN: the mock answered non-200 or refused resets; the figure below measures errors, not work')
const percent = (r) => `${(r * 100).toFixed(1)}%`
console.log(
  `median: mock ${m.rps.toFixed(0)} req/s (p99 ${m.p99.toFixed(1)} ms), bare ${b.rps.toFixed(0)} req/s (p99 ${b.p99.toFixed(1)} ms); per-round ratios ${ratios.map(percent).join(', ')} -> median ${percent(ratio)} (target >= 70%: ${ratio >= 0.7 ? 'met' : 'MISSED'})`,
)
