#!/usr/bin/env node
// npm run bench (tools/validator-checks): requests validated per second by the
// generated validators (compiled: `validate<Action>Request`, what the client
// and the mock run), valid and invalid, beside ajv compiled from the same
// spec's JSON Schema in the same run (its first-error mode, the default, and
// allErrors, which reports every error as ours do), and beside the zod route
// of the same package (`zodValidators`: createValidator over the zod schemas).
// Targets: valid >= 1.0x ajv, invalid >= 0.5x ajv's first-error mode.
// Inputs: fixed samples (seeded) of valid and one-rule-broken requests.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as vm from '@zenlayer-reset/vm-validator'
import * as zec from '@zenlayer-reset/zec-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
const require = createRequire(import.meta.url)

function ajvFor(service, action) {
  const pkg = dirname(require.resolve(`@zenlayer-reset/${service}-validator/package.json`))
  const schema = JSON.parse(readFileSync(join(pkg, 'json-schema', `${action}.request.json`), 'utf8'))
  return { failFast: new Ajv2020().compile(schema), allErrors: new Ajv2020({ allErrors: true }).compile(schema) }
}

const ids = fc.uniqueArray(fc.stringMatching(/^inst-[a-z0-9]{8}$/), { minLength: 1, maxLength: 20 })
const zecValid = fc.record(
  {
    instanceIds: ids,
    imageId: fc.constantFrom('ubuntu2022', 'img-123'),
    password: fc.constantFrom('Example+123', 'Abcd-1234', 'x9_Y!zzzzz'),
    enableAgent: fc.boolean(),
  },
  { requiredKeys: ['instanceIds'] },
)
const zecInvalid = fc.oneof(
  zecValid.map((v) => ({ ...v, password: 'short' })),
  zecValid.map((v) => ({ ...v, instanceIds: [...v.instanceIds, v.instanceIds[0]] })),
  zecValid.map((v) => ({ ...v, keyId: 'key-1', password: 'Example+123' })),
  zecValid.map((v) => ({ ...v, unknown: true })),
)
const vmValid = fc.record(
  {
    instanceId: fc.stringMatching(/^inst-[a-z0-9]{8}$/),
    password: fc.constantFrom('Example+123', 'Ab(defg1'),
    wanName: fc.constantFrom('eth0', 'wan0'),
    initScript: fc.constantFrom('#!/bin/sh\necho hi\n', 'é'.repeat(100)),
  },
  { requiredKeys: ['instanceId'] },
)
const vmInvalid = fc.oneof(
  vmValid.map((v) => ({ ...v, password: 'example+123' })),
  vmValid.map((v) => ({ ...v, wanName: 'Wan0' })),
  vmValid.map((v) => ({ ...v, keyId: 'k', password: 'Example+123' })),
  vmValid.map(({ instanceId, ...rest }) => rest),
)

const cases = [
  {
    name: 'zec ResetInstances',
    v: zec.validateResetInstancesRequest,
    zod: zec.zodValidators.actions.ResetInstances.request,
    ajv: ajvFor('zec', 'ResetInstances'),
    valid: zecValid,
    invalid: zecInvalid,
  },
  {
    name: 'vm ResetInstance',
    v: vm.validateResetInstanceRequest,
    zod: vm.zodValidators.actions.ResetInstance.request,
    ajv: ajvFor('vm', 'ResetInstance'),
    valid: vmValid,
    invalid: vmInvalid,
  },
]

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
function perSecond(fn, inputs) {
  let sink = 0
  const started = process.hrtime.bigint()
  let n = 0
  while (Number(process.hrtime.bigint() - started) < 200e6) {
    for (const input of inputs) if (fn(input)) sink++
    n += inputs.length
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (sink < 0) console.log(sink)
  return n / seconds
}

console.log(`validations per second, median of ${ROUNDS} rounds of 200 ms over 500 seeded inputs each`)
for (const c of cases) {
  const valid = fc.sample(c.valid, { numRuns: 500, seed: 7 })
  const invalid = fc.sample(c.invalid, { numRuns: 500, seed: 7 })
  for (const input of valid)
    if (!c.v(input).ok || !c.ajv.failFast(input)) throw new Error(`${c.name}: a valid sample is refused`)
  for (const input of invalid)
    if (c.v(input).ok || c.ajv.failFast(input)) throw new Error(`${c.name}: an invalid sample passes`)
  const runs = { ours: [], zod: [], ajv: [], oursBad: [], zodBad: [], ajvBad: [], ajvAllBad: [] }
  // Alternating within each round: a busy neighbour slows every contender of a round alike.
  for (let r = 0; r < ROUNDS; r++) {
    runs.ours.push(perSecond((i) => c.v(i).ok, valid))
    runs.ajv.push(perSecond(c.ajv.failFast, valid))
    runs.zod.push(perSecond((i) => c.zod(i).ok, valid))
    runs.oursBad.push(perSecond((i) => !c.v(i).ok, invalid))
    runs.ajvBad.push(perSecond((i) => !c.ajv.failFast(i), invalid))
    runs.ajvAllBad.push(perSecond((i) => !c.ajv.allErrors(i), invalid))
    runs.zodBad.push(perSecond((i) => !c.zod(i).ok, invalid))
  }
  const m = Object.fromEntries(
    Object.entries(runs)
      .filter(([, v]) => v.length)
      .map(([k, v]) => [k, median(v)]),
  )
  const k = (x) => `${(x / 1000).toFixed(0)}k/s`
  const validRatio = m.ours / m.ajv
  const badRatio = m.oursBad / m.ajvBad
  const verdict = (x, target) => `target >= ${target.toFixed(1)}: ${x >= target ? 'met' : 'MISSED'}`
  console.log(`${c.name}`)
  console.log(
    `  valid:   ours ${k(m.ours)}, ajv ${k(m.ajv)}, zod route ${k(m.zod)}  -> ours/ajv ${validRatio.toFixed(2)} (${verdict(validRatio, 1)}), ours/zod ${(m.ours / m.zod).toFixed(1)}`,
  )
  console.log(
    `  invalid: ours ${k(m.oursBad)}, ajv ${k(m.ajvBad)} (allErrors ${k(m.ajvAllBad)}), zod route ${k(m.zodBad)}  -> ours/ajv ${badRatio.toFixed(2)} (${verdict(badRatio, 0.5)}), ours/ajv allErrors ${(m.oursBad / m.ajvAllBad).toFixed(2)}`,
  )
  console.log(`  per call: ours ${(1e6 / m.ours).toFixed(2)} us valid, ${(1e6 / m.oursBad).toFixed(2)} us invalid`)
}
