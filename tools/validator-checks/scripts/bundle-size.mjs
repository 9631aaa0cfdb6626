#!/usr/bin/env node
// The cost of validation to a consumer: bundle an app that takes a whole
// validator package (`import * as v from '@zenlayer-reset/<service>-validator'`,
// what a client's `validator` option is given), minified, for browsers, with
// everything it pulls in (zod included); report its gzipped size. Budget:
// 20 kB (20,000 bytes) gzipped per service. The schemas are printed in the
// zod/mini form and imported as a namespace, so a bundle keeps only the zod it
// uses (zod classic alone is about 90 kB). Beside it, an app that takes only
// the compiled validators (`import { validators }`, what a client's
// `validator` option needs): it must bundle no zod at all. --check exits 1
// when over budget or when zod gets into the compiled-only bundle.
import { build } from 'esbuild'
import { measureBundle } from '../../ci/bundle.mjs'

const BUDGET = 20_000
const check = process.argv.includes('--check')
const json = process.argv.includes('--json')
const report = []

for (const service of ['zec', 'vm']) {
  const { minified, gzipped, inputs } = await measureBundle(
    build,
    `import * as v from '@zenlayer-reset/${service}-validator'\nglobalThis.validator = v\n`,
  )
  // Which zod entry went in: the mini form must not drag zod classic along.
  const classic = inputs.filter((file) => /node_modules\/zod\/v4\/classic\//.test(file))
  const compiled = await measureBundle(
    build,
    `import { validators } from '@zenlayer-reset/${service}-validator'\nglobalThis.validators = validators\n`,
  )
  const zodInCompiled = compiled.inputs.filter((file) => /node_modules\/zod\//.test(file))
  report.push({
    service,
    minified,
    gzipped,
    budget: BUDGET,
    classic,
    compiled: { minified: compiled.minified, gzipped: compiled.gzipped, zod: zodInCompiled },
  })
  if (json) continue
  console.log(
    `${service}-validator, the whole package: ${minified} bytes minified, ${gzipped} bytes gzipped (budget ${BUDGET}: ${gzipped > BUDGET ? 'OVER' : 'ok'})${classic.length ? `; zod classic files: ${classic.length}` : ''}`,
  )
  console.log(
    `${service}-validator, the compiled validators alone: ${compiled.minified} bytes minified, ${compiled.gzipped} bytes gzipped, zod files: ${zodInCompiled.length}`,
  )
}
if (json) console.log(JSON.stringify(report))
if (check && report.some((r) => r.gzipped > BUDGET || r.classic.length > 0 || r.compiled.zod.length > 0))
  process.exitCode = 1
