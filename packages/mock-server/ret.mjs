import { sign } from '@zenlayer-reset/client-runtime'
import { createHub } from './dist/index.js'
import { nodeSigner } from '@zenlayer-reset/mock-engine/node'
const N = 100000, host = '127.0.0.1:8787', ts = Math.floor(Date.now() / 1000)
const reqs = Array.from({ length: N }, (_, i) => { const body = `{"instanceIds":["bench-${i}"]}`; const s = sign({ accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret', contentType: 'application/json', host, body, timestamp: ts }); return { method: 'POST', path: '/api/v2/zec', body: Buffer.from(body), headers: { host, 'content-type': 'application/json', 'x-zc-action': 'ResetInstances', 'x-zc-version': '2025-09-01', 'x-zc-timestamp': String(ts), 'x-zc-signature-method': 'ZC2-HMAC-SHA256', authorization: s.authorization } } })
const instances = Array.from({ length: N }, (_, i) => ({ instanceId: `bench-${i}` }))
const hub = createHub({ signer: nodeSigner, state: { zec: { instances } } })
instances.length = 0
gc(); gc()
for (const r of reqs.slice(0, 20000)) hub.respond(r)
gc(); gc()
const before = process.memoryUsage().heapUsed
for (const r of reqs.slice(20000)) hub.respond(r)
gc(); gc()
const after = process.memoryUsage().heapUsed
const N2 = N - 20000
console.log('before', (before/1e6).toFixed(1), 'after', (after/1e6).toFixed(1)); console.log('retained bytes per request', ((after - before) / N2).toFixed(0))
console.log(reqs.length, Object.keys(hub.mocks).length, hub.mocks.zec.history('bench-5').length)
