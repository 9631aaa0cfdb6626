#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'
// npm run bench (packages/mock-server): what each in-process way of using the mock
// costs per signed zec ResetInstances call, one call at a time, as a test
// suite makes them (each call resets a different stopped instance: signature
// check, validation, a state change and the reply):
//   engine          mock.respond(wire request), the node:crypto signer (what
//                   the HTTP server calls; no Request or Response objects)
//   in-process      mock.fetch(url, init) as createZecMock makes it (its
//                   default signer: node:crypto's on Node), the reply read
//                   with text(): what `createZecClient({ fetch: mock.fetch })`
//                   pays
//   MSW, the mock   globalThis.fetch intercepted by setupServer(...mswHandlers(mock))
//   MSW, fixed body globalThis.fetch intercepted by setupServer with a
//                   hand-written handler answering a fixed JSON body: what MSW
//                   itself costs, the baseline of the line above
// Measured in one process, in alternating slices (the order rotates each
// round, so drift spreads over all four), each after a full garbage collection
// (the reseeded state is setup, not calls); medians of the rounds, and per
// round the in-process fetch's time per call over the engine's and the MSW
// mock's rate over the fixed-body handler's, with the medians of those ratios
// held to their targets (issue 27).
import { runInNewContext } from 'node:vm'
import { sign } from '@zenlayer-reset/client-runtime'
import { nodeSigner } from '@zenlayer-reset/mock-engine/node'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import { mswHandlers } from '@zenlayer-reset/zec-mock/msw'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11)
const SLICE_MS = Number(process.env.BENCH_SLICE_MS ?? 700)
// Stopped instances per slice, one per call (the mock's default limit); a slice that uses them all ends early.
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 100_000)
// Targets (issue 27), same run, medians of the per-round ratios.
const FETCH_OVER_ENGINE_MAX = 3
const MSW_OVER_FIXED_MIN = 0.9
// A full collection before each slice: node:v8 lends it without --expose-gc.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')
const BASE = 'https://console.zenlayer.com'
const HOST = new URL(BASE).host

/** Pre-signed calls, one per instance (the signature covers the body). */
function calls() {
  const timestamp = Math.floor(Date.now() / 1000)
  return Array.from({ length: INSTANCES }, (_, i) => {
    const body = `{"instanceIds":["bench-${i}"]}`
    const { authorization } = sign({
      accessKeyId: 'mock-access-key',
      accessKeySecret: 'mock-access-secret',
      contentType: 'application/json',
      host: HOST,
      body,
      timestamp,
    })
    const headers = {
      'content-type': 'application/json',
      'x-zc-action': 'ResetInstances',
      'x-zc-version': '2025-09-01',
      'x-zc-timestamp': String(timestamp),
      'x-zc-signature-method': 'ZC2-HMAC-SHA256',
      authorization,
    }
    return { body, bytes: new TextEncoder().encode(body), headers, wireHeaders: { ...headers, host: HOST } }
  })
}

const seed = () => ({ instances: Array.from({ length: INSTANCES }, (_, i) => ({ instanceId: `bench-${i}` })) })
const engineMock = createZecMock({ signer: nodeSigner, state: seed() })
const fetchMock = createZecMock({ state: seed() })
const mswMock = createZecMock({ state: seed() })
const mswServer = setupServer(...mswHandlers(mswMock, { baseUrl: BASE }))
const fixedBody = {
  requestId: 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9',
  response: { requestId: 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9' },
}
const fixedServer = setupServer(http.post(`${BASE}/api/v2/zec`, () => HttpResponse.json(fixedBody)))
const list = calls()

/** A reply that is not a full acceptance makes the figure measure errors, not work. */
function expectAccepted(status, text, name) {
  if (status !== 200 || text.includes('"instanceIds"') || !text.includes('requestId'))
    throw new Error(`${name}: the call was not accepted (${status}): ${text.slice(0, 200)}`)
}

const ENGINE = 'engine (respond, node signer)'
const FETCH = 'in-process fetch (mock.fetch)'
const MSW = 'MSW, the mock (mswHandlers)'
const FIXED = 'MSW, hand-written fixed body'
const variants = [
  {
    name: ENGINE,
    mock: engineMock,
    async call(c) {
      const reply = engineMock.respond({ method: 'POST', path: '/api/v2/zec', headers: c.wireHeaders, body: c.bytes })
      const r = reply instanceof Promise ? await reply : reply
      expectAccepted(r.status, r.body, this.name)
    },
  },
  {
    name: FETCH,
    mock: fetchMock,
    async call(c) {
      const res = await fetchMock.fetch(`${BASE}/api/v2/zec`, { method: 'POST', headers: c.headers, body: c.body })
      expectAccepted(res.status, await res.text(), this.name)
    },
  },
  {
    name: MSW,
    mock: mswMock,
    server: mswServer,
    async call(c) {
      const res = await fetch(`${BASE}/api/v2/zec`, { method: 'POST', headers: c.headers, body: c.body })
      expectAccepted(res.status, await res.text(), this.name)
    },
  },
  {
    name: FIXED,
    server: fixedServer,
    async call(c) {
      const res = await fetch(`${BASE}/api/v2/zec`, { method: 'POST', headers: c.headers, body: c.body })
      expectAccepted(res.status, await res.text(), this.name)
    },
  },
]

/** Calls one after another for SLICE_MS, or until every instance was reset once; calls per second. */
async function slice(variant) {
  variant.mock?.reset(seed())
  variant.server?.listen({ onUnhandledRequest: 'error' })
  gc()
  let n = 0
  const started = performance.now()
  const until = started + SLICE_MS
  try {
    while (performance.now() < until && n + 16 <= INSTANCES) {
      // A batch between clock reads: reading the clock costs about what a call to the engine does.
      for (let k = 0; k < 16; k++) await variant.call(list[n++])
    }
  } finally {
    variant.server?.close()
  }
  return n / ((performance.now() - started) / 1000)
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
// Warm-up, not counted: MSW takes a couple of seconds of calls to reach its pace.
for (let pass = 0; pass < 2; pass++) for (const v of variants) await slice(v)
const rates = new Map(variants.map((v) => [v.name, []]))
const fetchRatios = []
const mswRatios = []
for (let round = 0; round < ROUNDS; round++) {
  const order = variants.map((_, i) => variants[(i + round) % variants.length])
  const got = new Map()
  for (const v of order) got.set(v.name, await slice(v))
  for (const [name, rate] of got) rates.get(name).push(rate)
  // Time per call is 1 / rate: the fetch's time over the engine's is the engine's rate over the fetch's.
  fetchRatios.push(got.get(ENGINE) / got.get(FETCH))
  mswRatios.push(got.get(MSW) / got.get(FIXED))
}

const verdict = (met) => (met ? 'met' : 'MISSED')
console.log(
  `transports: signed zec ResetInstances, one call at a time, ${ROUNDS} rounds of ${SLICE_MS} ms slices per way (order rotated, each after a full GC), each call a different instance (node ${process.version})`,
)
for (const [name, xs] of rates) {
  const m = median(xs)
  console.log(
    `  ${name}: median ${m.toFixed(0)} calls/s, ${(1e6 / m).toFixed(1)} us per call [${xs.map((x) => x.toFixed(0)).join(' ')}]`,
  )
}
const fetchRatio = median(fetchRatios)
const mswRatio = median(mswRatios)
console.log(
  `  in-process fetch: ${fetchRatio.toFixed(2)}x the engine's time per call (median of per-round ratios ${fetchRatios.map((r) => r.toFixed(2)).join(' ')}) (target <= ${FETCH_OVER_ENGINE_MAX}x: ${verdict(fetchRatio <= FETCH_OVER_ENGINE_MAX)})`,
)
console.log(
  `  MSW: the mock's handlers at ${(mswRatio * 100).toFixed(1)}% of a fixed-body handler's rate (median of per-round ratios ${mswRatios.map((r) => `${(r * 100).toFixed(0)}%`).join(' ')}) (target >= ${MSW_OVER_FIXED_MIN * 100}%: ${verdict(mswRatio >= MSW_OVER_FIXED_MIN)})`,
)
