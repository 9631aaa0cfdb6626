#!/usr/bin/env node
// npm run bench (tools/client-checks): per-call overhead of the generated client
// (signing, serialising, envelope parsing, middleware) against a bare fetch of
// the same request to the same local server, measured in one run. The server
// runs in its own process (loopback, keep-alive) and answers a fixed
// DescribeInstancesStatus envelope. The figure is the median of the per-round
// ratios. Target: at most 1.2x.
import { spawn } from 'node:child_process'
import { createZecClient } from '@zenlayer-reset/zec-client'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const CALLS = Number(process.env.BENCH_CALLS ?? 2000)

const serverSource = `
const http = require('node:http')
const body = JSON.stringify({ requestId: 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9', response: { requestId: 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9', totalCount: 2, dataSet: [{ instanceId: 'inst-a', instanceStatus: 'DEPLOYING' }, { instanceId: 'inst-b', instanceStatus: 'RUNNING' }] } })
const server = http.createServer((req, res) => {
  req.resume()
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body) })
})
server.keepAliveTimeout = 60000
server.listen(0, '127.0.0.1', () => process.send(server.address().port))
`
const child = spawn(process.execPath, ['-e', serverSource], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const port = await new Promise((resolve) => child.once('message', resolve))
const baseUrl = `http://127.0.0.1:${port}`
const input = { instanceIds: ['inst-a', 'inst-b'], pageSize: 2 }

// The baseline sends the same request, headers included, with every value
// computed once up front: what it lacks is only the per-call work of the
// client (serialising, signing, timeouts, envelope handling).
const fixedHeaders = {
  'content-type': 'application/json',
  'x-zc-action': 'DescribeInstancesStatus',
  'x-zc-version': '2025-09-01',
  'x-zc-service': 'zec',
  'x-zc-sdk-lang': 'typescript',
  'x-zc-sdk-version': '0.0.0',
  'x-zc-timestamp': '1700000000',
  'x-zc-signature-method': 'ZC2-HMAC-SHA256',
  authorization: `ZC2-HMAC-SHA256 Credential=AKID-bench, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}`,
}
const fixedBody = JSON.stringify(input)

async function bare() {
  const response = await fetch(`${baseUrl}/api/v2/zec`, { method: 'POST', headers: fixedHeaders, body: fixedBody })
  const envelope = await response.json()
  return envelope.response
}

const zec = createZecClient({ baseUrl, credentials: { accessKeyId: 'AKID-bench', accessKeySecret: 'bench-secret' } })
const viaClient = () => zec.describeInstancesStatus(input)

// Within a round the two alternate in slices of SLICE calls, so that drift of
// the machine (the other core, GC, the server) hits both alike.
const SLICE = 50
async function round() {
  let bareNs = 0n
  let clientNs = 0n
  for (let done = 0; done < CALLS; done += SLICE) {
    let t = process.hrtime.bigint()
    for (let i = 0; i < SLICE; i++) await bare()
    bareNs += process.hrtime.bigint() - t
    t = process.hrtime.bigint()
    for (let i = 0; i < SLICE; i++) await viaClient()
    clientNs += process.hrtime.bigint() - t
  }
  return [Number(bareNs) / 1000 / CALLS, Number(clientNs) / 1000 / CALLS]
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

for (let i = 0; i < 300; i++) {
  await bare()
  await viaClient()
}
const bareUs = []
const clientUs = []
const ratios = []
for (let r = 0; r < ROUNDS; r++) {
  const [b, c] = await round()
  bareUs.push(b)
  clientUs.push(c)
  ratios.push(c / b)
}
child.kill()
console.log(
  `per-call time, ${ROUNDS} rounds x ${CALLS} sequential calls each (alternating in slices of ${SLICE}), loopback keep-alive, server in its own process`,
)
console.log(
  `  bare fetch (baseline):   median ${median(bareUs).toFixed(0)} us/call [${bareUs.map((x) => x.toFixed(0)).join(', ')}]`,
)
console.log(
  `  generated client, signed: median ${median(clientUs).toFixed(0)} us/call [${clientUs.map((x) => x.toFixed(0)).join(', ')}]`,
)
console.log(
  `  ratio client/bare: median ${median(ratios).toFixed(3)} [${ratios.map((x) => x.toFixed(2)).join(', ')}] (target <= 1.2: ${median(ratios) <= 1.2 ? 'met' : 'MISSED'})`,
)
