#!/usr/bin/env node
// What `npm run demo` shows. Until the generator exists (issue 3) this only
// loads both specs, resolves every $ref and prints the operations they define,
// with the rules the generated packages will carry. It claims nothing more.
import { fileURLToPath } from 'node:url'
import { loadSpec } from '@zenlayer-reset/spec-tools'

for (const service of ['zec', 'vm']) {
  const file = fileURLToPath(new URL(`../../../specs/${service}/openapi.yaml`, import.meta.url))
  const { document } = loadSpec(file)
  console.log(`\n${service} (X-ZC-Version ${document.info.version}), POST /api/v2/${document['x-zc-service']}`)
  for (const [path, item] of Object.entries(document.paths)) {
    const op = item.post
    const retry = op['x-zc-idempotent'] ? 'safe to retry' : 'never retried once sent'
    console.log(`  X-ZC-Action: ${op['x-zc-action']}  (${path}; ${retry})`)
    for (const rule of op['x-zc-state-rules'] ?? []) {
      const effect = rule.violation.error ?? 'instance in the failed list'
      console.log(`    state rule ${rule.id}: ${effect}`)
    }
    const t = op['x-zc-transition']
    if (t) console.log(`    ${t.from.join('|')} -> ${t.via} -> ${t.to}${t.failure ? ` (or ${t.failure})` : ''}`)
  }
}
console.log('\nThe generator, client, validator and mock are not built yet: no reset was performed.')
