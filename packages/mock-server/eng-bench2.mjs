import { createHash, hash, createHmac, createSecretKey } from 'node:crypto'
const SECRET = Buffer.from('mock-access-secret'); const KO = createSecretKey(SECRET)
const sts = 'ZC2-HMAC-SHA256\n1763807000\n' + 'a'.repeat(64)
const inputs = Array.from({ length: 20000 }, (_, i) => sts + i)
function time(label, fn) { const res = []; for (let k = 0; k < 7; k++) { const t0 = performance.now(); for (const i of inputs) fn(i); res.push((performance.now() - t0) * 1000 / inputs.length) } res.sort((a, b) => a - b); console.log(label.padEnd(20), res[3].toFixed(2), 'us') }
time('hmac buffer', (s) => createHmac('sha256', SECRET).update(s).digest('hex'))
time('hmac keyobject', (s) => createHmac('sha256', KO).update(s).digest('hex'))
time('hmac string', (s) => createHmac('sha256', 'mock-access-secret').update(s).digest('hex'))
const ipad = Buffer.alloc(64, 0x36), opad = Buffer.alloc(64, 0x5c); for (let i = 0; i < SECRET.length; i++) { ipad[i] ^= SECRET[i]; opad[i] ^= SECRET[i] }
const scratch = Buffer.alloc(64 + 4096); ipad.copy(scratch)
const outer = Buffer.alloc(96); opad.copy(outer)
time('manual hmac', (s) => { const n = scratch.write(s, 64, 'utf8'); const inner = hash('sha256', scratch.subarray(0, 64 + n), 'buffer'); inner.copy(outer, 64); return hash('sha256', outer) })
time('hash string', (s) => hash('sha256', s))
console.log(createHmac('sha256', SECRET).update(inputs[5]).digest('hex') === (() => { const s = inputs[5]; const n = scratch.write(s, 64, 'utf8'); const inner = hash('sha256', scratch.subarray(0, 64 + n), 'buffer'); inner.copy(outer, 64); return hash('sha256', outer) })())
