#!/usr/bin/env node
// npm run bench (packages/mock-server): a fleet reinstall against zenlayer-mock
// over HTTP with timed progression (a reset takes PROGRESS_MS), the generated
// clients' resetFleet beside the naive loop a user would write (one call per
// batch of one, then one waiter per instance), in the same run on the same
// server. 10,000 zec and 2,000 vm instances; some fail on purpose: 2% already
// RUNNING (refused), 1% with an injected reinstall failure, and a rate limit
// every 50 calls. Reports requests per instance (target for zec resetFleet:
// at most 0.03, every poll included), wall time, this process's CPU time and
// peak memory (RSS). The naive run does a hundredth of the fleet (its calls per
// instance do not depend on the size), so the bench stays within minutes.
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { startMockServer } from '../dist/index.js'

const ZEC = Number(process.env.BENCH_ZEC ?? 10_000)
const VM = Number(process.env.BENCH_VM ?? 2_000)
const PROGRESS_MS = Number(process.env.BENCH_PROGRESS_MS ?? 3_000)
const RATE_LIMIT_EVERY = 50
const credentials = { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' }

function world(prefix, n) {
  return Array.from({ length: n }, (_, i) => ({
    instanceId: `${prefix}-${i}`,
    status: i % 50 === 7 ? 'RUNNING' : 'STOPPED',
  }))
}
const failing = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`).filter((_, i) => i % 100 === 13)

async function measure(label, n, run) {
  const server = await startMockServer({
    port: 0,
    progression: PROGRESS_MS,
    state: { zec: { instances: world('z', n.zec ?? 0) }, vm: { instances: world('v', n.vm ?? 0) } },
  })
  server.hub.mocks.zec?.faults.failNextReset(...failing('z', n.zec ?? 0))
  server.hub.mocks.vm?.faults.failNextReset(...failing('v', n.vm ?? 0))
  server.hub.mocks.zec?.faults.rateLimit(RATE_LIMIT_EVERY)
  server.hub.mocks.vm?.faults.rateLimit(RATE_LIMIT_EVERY)
  let requests = 0
  const fetch = (input, init) => {
    requests++
    return globalThis.fetch(input, init)
  }
  const cpu0 = process.cpuUsage()
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 50)
  const t0 = performance.now()
  let summary
  try {
    summary = await run({ baseUrl: server.url, credentials, fetch, retry: { maxAttempts: 8 } })
  } finally {
    clearInterval(sampler)
    await server.close()
  }
  const cpu = process.cpuUsage(cpu0)
  const instances = (n.zec ?? 0) + (n.vm ?? 0)
  const row = {
    label,
    instances,
    requests,
    perInstance: requests / instances,
    wallS: (performance.now() - t0) / 1000,
    cpuS: (cpu.user + cpu.system) / 1e6,
    peakMiB: peak / 2 ** 20,
    summary,
  }
  console.log(
    `  ${label}: ${instances} instances, ${requests} requests (${row.perInstance.toFixed(4)} per instance), wall ${row.wallS.toFixed(1)} s, client CPU ${row.cpuS.toFixed(1)} s, peak RSS ${row.peakMiB.toFixed(0)} MiB; ${summary}`,
  )
  return row
}

const totals = (t) =>
  Object.entries(t)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
const wait = { maxWaitSeconds: 600, firstDelayMs: 2_000 }

console.log(
  `fleet reinstall over HTTP, timed progression ${PROGRESS_MS} ms, rate limit every ${RATE_LIMIT_EVERY} calls`,
)
const zecFleet = await measure('zec resetFleet', { zec: ZEC }, async (config) => {
  const zec = createZecClient(config)
  const r = await zec.resetFleet({ instanceIds: world('z', ZEC).map((i) => i.instanceId) }, { wait })
  return totals(r.totals)
})
const vmFleet = await measure('vm resetFleet', { vm: VM }, async (config) => {
  const vm = createVmClient(config)
  const r = await vm.resetFleet({ instanceIds: world('v', VM).map((i) => i.instanceId) }, { wait, concurrency: 8 })
  return totals(r.totals)
})

// The naive way, a hundredth of the zec fleet: one ResetInstances per instance, then one waiter per instance.
const NAIVE = Math.max(1, Math.floor(ZEC / 100))
const naive = await measure('zec naive loop (baseline)', { zec: NAIVE }, async (config) => {
  const zec = createZecClient(config)
  const outcome = { reset: 0, other: 0 }
  const ids = world('z', NAIVE).map((i) => i.instanceId)
  let next = 0
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]
      try {
        const r = await zec.resetInstances({ instanceIds: [id] })
        if (r.failedInstanceIds.length > 0) {
          outcome.other++
          continue
        }
        await zec.waitUntilReset({ instanceIds: [id], maxWaitSeconds: 600, firstDelayMs: 2_000 })
        outcome.reset++
      } catch {
        outcome.other++
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  return `reset ${outcome.reset}, other ${outcome.other}`
})

console.log(
  `  requests per instance: zec resetFleet ${zecFleet.perInstance.toFixed(4)} (target <= 0.03: ${zecFleet.perInstance <= 0.03 ? 'met' : 'MISSED'}), naive ${naive.perInstance.toFixed(2)}: ratio ${(zecFleet.perInstance / naive.perInstance).toFixed(4)}; vm resetFleet ${vmFleet.perInstance.toFixed(3)}`,
)
