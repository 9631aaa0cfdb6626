import { sign } from '@zenlayer-reset/client-runtime'
import { createHub } from './dist/index.js'
import { nodeSigner } from '@zenlayer-reset/mock-engine/node'
const N = 100000, host = '127.0.0.1:8787', ts = Math.floor(Date.now() / 1000)
const reqs = Array.from({ length: N }, (_, i) => { const body = `{"instanceIds":["bench-${i}"]}`; const s = sign({ accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret', contentType: 'application/json', host, body, timestamp: ts }); return { method: 'POST', path: '/api/v2/zec', body: Buffer.from(body), headers: JSON.parse(JSON.stringify({ host, 'content-type': 'application/json', 'x-zc-action': 'ResetInstances', 'x-zc-version': '2025-09-01', 'x-zc-timestamp': String(ts), 'x-zc-signature-method': 'ZC2-HMAC-SHA256', authorization: s.authorization })) } })
const hub = createHub({ signer: nodeSigner, state: { zec: { instances: Array.from({ length: N }, (_, i) => ({ instanceId: `bench-${i}` })) } } })
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed }
let prev = heap()
for (let k = 0; k < 5; k++) {
  for (let i = k * 20000; i < (k + 1) * 20000; i++) hub.respond(reqs[i])
  const h = heap(); console.log('phase', k, 'heap MB', (h / 1e6).toFixed(1), 'delta B/req', ((h - prev) / 20000).toFixed(0)); prev = h
}
console.log(reqs.length, hub.mocks.zec.history('bench-5').length)
