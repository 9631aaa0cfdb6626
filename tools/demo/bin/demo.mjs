#!/usr/bin/env node
// What `npm run demo` shows, after `pnpm generate` and the build have run:
// the generated validator and client at work on the zec and vm actions. The
// stateful mock is not built yet (issue 6), so no reset is performed: the
// client's signed request is captured by an in-process fetch and printed
// (secrets masked: the fields the spec marks x-zc-sensitive, and the
// Authorization signature) instead of being sent anywhere.
import { createVmClient } from '@zenlayer-reset/vm-client'
import { validateResetInstanceRequest } from '@zenlayer-reset/vm-validator'
import { createZecClient, redactBodyText, service as zecService } from '@zenlayer-reset/zec-client'
import { validateResetInstancesRequest } from '@zenlayer-reset/zec-validator'

const SECRET = 'demo-secret-not-real'
const mask = (text) => text.replaceAll(SECRET, '***').replace(/Signature=[0-9a-f]{64}/, 'Signature=<64 hex>')

console.log('1. The generated validators, on good and bad input:')
const inputs = [
  [
    'zec ResetInstances',
    validateResetInstancesRequest,
    { instanceIds: ['inst-a', 'inst-b'], imageId: 'ubuntu2022', password: 'Example+123' },
  ],
  [
    'zec ResetInstances',
    validateResetInstancesRequest,
    { instanceIds: ['inst-a', 'inst-a'], password: 'short', keyId: 'key-1' },
  ],
  [
    'vm ResetInstance',
    validateResetInstanceRequest,
    { instanceId: 'inst-vm-1', password: 'example+123', wanName: '0wan' },
  ],
]
for (const [label, validate, input] of inputs) {
  const result = validate(input)
  if (result.ok) console.log(`   ${label}: valid`)
  else {
    console.log(`   ${label}: rejected with ${result.code}`)
    for (const issue of result.issues) console.log(`     - ${issue.message} (${issue.rule})`)
  }
}

console.log('\n2. The generated clients, signing a request (captured, not sent):')
function capture(label, sensitiveFields) {
  return async (request) => {
    const body = await request.text()
    console.log(`   ${label}: ${request.method} ${new URL(request.url).pathname}`)
    for (const [name, value] of request.headers)
      if (name.startsWith('x-zc') || name === 'authorization') console.log(`     ${name}: ${mask(value)}`)
    console.log(`     body: ${redactBodyText(body, sensitiveFields)}`)
    const requestId = 'T00000000-0000-4000-8000-000000000000'
    return new Response(JSON.stringify({ requestId, response: { requestId } }), {
      headers: { 'content-type': 'application/json' },
    })
  }
}
const credentials = { accessKeyId: 'demo-key-id', accessKeySecret: SECRET }
const zec = createZecClient({
  credentials,
  fetch: capture('zec', zecService.operations.ResetInstances.sensitiveFields),
  now: () => 1700000000,
})
const reply = await zec.resetInstances({
  instanceIds: ['inst-a', 'inst-b'],
  imageId: 'ubuntu2022',
  password: 'Example+123',
})
console.log(`   -> result ${JSON.stringify(reply)}`)
const vm = createVmClient({ credentials: { token: 'demo-token' }, fetch: capture('vm', []) })
await vm.resetInstance({ instanceId: 'inst-vm-1', keyId: 'key-YWD2QFOl' })

console.log('\nThe stateful mock is not built yet (issue 6): no instance was reset.')
