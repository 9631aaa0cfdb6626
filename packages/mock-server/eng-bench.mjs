import { sign } from '@zenlayer-reset/client-runtime'
import { nodeSigner } from '@zenlayer-reset/mock-engine/node'
import { createHash, hash, createHmac } from 'node:crypto'
import { createHub } from './dist/index.js'
const N = 100000
const host = '127.0.0.1:8787'
const ts = Math.floor(Date.now() / 1000)
const enc = new TextEncoder()
const reqs = Array.from({ length: N }, (_, i) => { const body = `{"instanceIds":["bench-${i}"]}`; const s = sign({ accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret', contentType: 'application/json', host, body, timestamp: ts }); return { method: 'POST', path: '/api/v2/zec', body: Buffer.from(body), headers: { host, connection: 'keep-alive', 'content-type': 'application/json', 'x-zc-action': 'ResetInstances', 'x-zc-version': '2025-09-01', 'x-zc-timestamp': String(ts), 'x-zc-signature-method': 'ZC2-HMAC-SHA256', authorization: s.authorization, 'content-length': String(body.length) } } })
const instances = Array.from({ length: N }, (_, i) => ({ instanceId: `bench-${i}` }))
async function run(label, opts) {
  const res = []
  for (let round = 0; round < 5; round++) {
    const hub = createHub({ signer: nodeSigner, state: { zec: { instances } }, ...opts })
    const t0 = performance.now()
    for (const r of reqs) { const x = hub.handle(r); if (x.then) await x }
    res.push((performance.now() - t0) * 1000 / N)
  }
  res.sort((a, b) => a - b)
  console.log(label, res.map(x => x.toFixed(2)).join(' '), 'median', res[2].toFixed(2), 'us/req')
}
// await run('auth on', {})
await run('auth off', { auth: false })
process.exit(0)
const inputs = reqs.slice(0, 20000).map(r => ({ accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret', contentType: 'application/json', host, body: r.body, timestamp: ts }))
function time(label, fn) { const res = []; for (let k = 0; k < 5; k++) { const t0 = performance.now(); for (const i of inputs) fn(i); res.push((performance.now() - t0) * 1000 / inputs.length) } res.sort((a, b) => a - b); console.log(label, res[2].toFixed(2), 'us') }
time('nodeSigner', nodeSigner)
const SECRET = Buffer.from('mock-access-secret')
const ipad = Buffer.alloc(64, 0x36), opad = Buffer.alloc(64, 0x5c); for (let i = 0; i < SECRET.length; i++) { ipad[i] ^= SECRET[i]; opad[i] ^= SECRET[i] }
const ipadS = ipad.toString('latin1'), opadS = opad.toString('latin1')
const fast = ({ contentType, host, body, timestamp }) => {
  const payloadHash = hash('sha256', body)
  const canonical = `POST\n/\n\ncontent-type:${contentType}\nhost:${host}\n\ncontent-type;host\n${payloadHash}`
  const sts = `ZC2-HMAC-SHA256\n${timestamp}\n${hash('sha256', canonical)}`
  const inner = hash('sha256', Buffer.concat([ipad, Buffer.from(sts)]), 'buffer')
  return hash('sha256', Buffer.concat([opad, inner]))
}
time('hash-based', fast)
const fast2 = ({ contentType, host, body, timestamp }) => {
  const payloadHash = hash('sha256', body)
  const canonical = `POST\n/\n\ncontent-type:${contentType}\nhost:${host}\n\ncontent-type;host\n${payloadHash}`
  const sts = `ZC2-HMAC-SHA256\n${timestamp}\n${hash('sha256', canonical)}`
  return createHmac('sha256', SECRET).update(sts).digest('hex')
}
time('hash+hmac', fast2)
console.log(fast(inputs[0]) === nodeSigner(inputs[0]), fast2(inputs[0]) === nodeSigner(inputs[0]))
time('hash only body', (i) => hash('sha256', i.body))
time('createHash body', (i) => createHash('sha256').update(i.body).digest('hex'))
