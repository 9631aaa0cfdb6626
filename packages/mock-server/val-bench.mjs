import { validateResetInstancesRequest, ResetInstancesRequest } from '@zenlayer-reset/zec-validator'
const N = 100000
const inputs = Array.from({ length: N }, (_, i) => JSON.parse(`{"instanceIds":["bench-${i}"]}`))
function time(label, fn) { const res = []; for (let k = 0; k < 7; k++) { const t0 = performance.now(); for (let i = 0; i < N; i++) fn(inputs[i]); res.push((performance.now() - t0) * 1000 / N) } res.sort((a, b) => a - b); console.log(label.padEnd(24), res[3].toFixed(3), 'us') }
time('validate', validateResetInstancesRequest)
time('zod safeParse', (x) => ResetInstancesRequest.safeParse(x))
time('json parse', (x) => JSON.parse('{"instanceIds":["bench-1"]}'))
