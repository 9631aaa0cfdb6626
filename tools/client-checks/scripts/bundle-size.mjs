#!/usr/bin/env node
// The cost of a client to a consumer: bundle an app that imports only
// create<Service>Client, minified, for browsers, with everything it pulls in;
// report its gzipped size and what went in. Budget: 18.7 kB (18,700 bytes)
// gzipped. Issue 4 set 12 kB; issue 11's reply checks, redirect refusal,
// masking at any depth, credential and configuration checks took the client
// to 14.2 kB (after its error-code tables, which only the mock needs, left it),
// and a destructive call's safety comes before size. Issue 17's fleet method
// (batching, one shared pace, per-id outcomes, the fleet waiter) is on every
// client and took it to 16.7 kB: the budget moved to 17.5 kB with it (issue
// 16's typed inputs added no runtime code). Issue 26 checks every fleet
// option before the first send (each refusal naming the option and its rule),
// resolves with every outcome whatever fails after, chains timers past
// setTimeout's limit, and masks request fields the spec does not know (each
// action's field names are now data): 16.8 to 17.9 kB, budget 18.5 kB.
// Issue 27's round gives every refused id the server's sentence as its
// reason, made one line and safe on a terminal (control characters and
// bidirectional overrides removed, clipped): 18.45 to 18.6 kB, budget 18.7 kB.
// (Its node:crypto signer costs a browser bundle nothing: package.json
// "imports" gives browsers the portable one.)
// --check exits 1 when a
// client is over budget or pulls in zod, a validator or mock code.
import { build } from 'esbuild'
import { measureBundle } from '../../ci/bundle.mjs'

const BUDGET = 18_700
const FORBIDDEN = [/node_modules\/zod\//, /validator-runtime/, /-validator\//, /-mock\//, /mock-engine/]
const check = process.argv.includes('--check')
const json = process.argv.includes('--json')
const report = []

let failed = false
for (const service of ['zec', 'vm']) {
  const name = `create${service.charAt(0).toUpperCase()}${service.slice(1)}Client`
  const { minified, gzipped, inputs } = await measureBundle(
    build,
    `import { ${name} } from '@zenlayer-reset/${service}-client'\nglobalThis.client = ${name}\n`,
  )
  const forbidden = inputs.filter((file) => FORBIDDEN.some((re) => re.test(file)))
  const packages = [...new Set(inputs.map(packageOf))].sort()
  const over = gzipped > BUDGET
  report.push({ service, minified, gzipped, budget: BUDGET, packages, forbidden })
  if (json) continue
  console.log(
    `${service}-client, importing only ${name}: ${minified} bytes minified, ${gzipped} bytes gzipped (budget ${BUDGET}: ${over ? 'OVER' : 'ok'})`,
  )
  console.log(`  pulls in: ${packages.join(', ')}`)
  if (forbidden.length > 0) console.log(`  FORBIDDEN inputs: ${forbidden.join(', ')}`)
  if (over || forbidden.length > 0) failed = true
}
if (json) console.log(JSON.stringify(report))
if (check && failed) process.exitCode = 1

/** The package an input file belongs to: a workspace folder or a dependency in node_modules. */
function packageOf(file) {
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(file)
  if (workspace && !file.includes('node_modules')) return `@zenlayer-reset/${workspace[1]}`
  const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file)
  return dep ? dep[1] : file
}
