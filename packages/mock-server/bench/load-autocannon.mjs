#!/usr/bin/env node
// npm run bench (packages/mock-server): the same comparison as load.mjs with an
// independent load generator, autocannon (50 connections, keep-alive, no
// pipelining): signed zec ResetInstances against the mock, each request a
// different stopped instance, beside the bare node:http server, both loaded
// the same way (the same requests, built by the same setupRequest, checked
// by the same verifyBody) in alternating runs whose order flips each pair,
// each after an uncounted burst at the same server.
// Reports the median of the per-pair throughput ratios and the CPU time each
// server spent per request. Target: the mock at >= 70% of the bare server.
import autocannon from 'autocannon'
import {
  CONNECTIONS,
  INSTANCES,
  median,
  percent,
  reseed,
  SERVER_NODE_FLAGS,
  serverCpu,
  signedRequests,
  startServers,
} from './harness.mjs'

const PAIRS = Number(process.env.BENCH_AUTOCANNON_PAIRS ?? 4)
const SECONDS = Number(process.env.BENCH_AUTOCANNON_SECONDS ?? 3)
// An uncounted burst before each counted run, at the same server (both alike), as in load.mjs.
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 0.4)

const { mock, bare } = await startServers()
const list = signedRequests(new URL(mock.url).host)

/** One autocannon run of `seconds` against a server; each request the next of the list. */
async function run(server, seconds) {
  const before = await serverCpu(server)
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v2/zec',
        setupRequest: (req) => {
          // The bare server cycles through the list; the mock must never get a request twice.
          const next = list[server.next++ % list.length]
          return { ...req, headers: next.headers, body: next.body }
        },
      },
    ],
    // An accepted reset names no failed instance; anything else is counted as a mismatch.
    verifyBody: (body) => body.includes('requestId') && !body.includes('"instanceIds"'),
  })
  const after = await serverCpu(server)
  const total = result.requests.total
  if (server.kind === 'mock' && server.next > INSTANCES) throw new Error('a run used more requests than instances')
  return {
    rps: total / result.duration,
    p99: result.latency.p99,
    cpuUs: (after - before) / total,
    bad: result.non2xx + result.mismatches + result.errors + result.timeouts,
    total,
  }
}

// Warm both up (JIT, sockets), not counted.
await reseed(mock)
await run(bare, 1)
await run(mock, 1)
const results = { mock: [], bare: [] }
for (let pair = 0; pair < PAIRS; pair++) {
  await reseed(mock)
  const order = pair % 2 === 0 ? [bare, mock] : [mock, bare]
  for (const server of order) {
    await run(server, SETTLE_SECONDS) // not counted: load.mjs says why
    results[server.kind].push(await run(server, SECONDS))
  }
}
for (const server of [mock, bare]) server.child.kill()

const ratios = results.mock.map((x, i) => x.rps / (results.bare[i]?.rps ?? Number.NaN))
const ratio = median(ratios)
const m = { rps: median(results.mock.map((x) => x.rps)), cpuUs: median(results.mock.map((x) => x.cpuUs)) }
const b = { rps: median(results.bare.map((x) => x.rps)), cpuUs: median(results.bare.map((x) => x.cpuUs)) }
console.log(
  `autocannon: ${CONNECTIONS} connections, ${PAIRS} pairs of ${SECONDS} s runs (order flipped each pair, each after an uncounted ${SETTLE_SECONDS} s burst) after a warm-up, loopback, each server in its own process (node ${process.version}, ${SERVER_NODE_FLAGS.join(' ')})`,
)
for (const [name, runs] of Object.entries(results)) {
  const bad = runs.reduce((sum, x) => sum + x.bad, 0)
  const requests = runs.reduce((sum, x) => sum + x.total, 0)
  console.log(
    `  ${name}: req/s per run ${runs.map((x) => x.rps.toFixed(0)).join(' ')}, p99 ${runs.map((x) => x.p99).join(' ')} ms (${requests} requests, ${bad} non-2xx, refused or failed)`,
  )
}
if (results.mock.some((x) => x.bad > 0))
  console.log('INVALID RUN: the mock answered non-200 or refused resets; the figure below measures errors, not work')
console.log(
  `  server CPU per request (median): mock ${m.cpuUs.toFixed(1)} us, bare ${b.cpuUs.toFixed(1)} us (ratio ${(b.cpuUs / m.cpuUs).toFixed(2)})`,
)
console.log(`  per-pair ratios ${ratios.map(percent).join(', ')}`)
console.log(
  `median: mock ${m.rps.toFixed(0)} req/s, bare ${b.rps.toFixed(0)} req/s; median of per-pair ratios ${percent(ratio)} (target >= 70%: ${ratio >= 0.7 ? 'met' : 'MISSED'})`,
)
