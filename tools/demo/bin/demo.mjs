#!/usr/bin/env node
// What `npm run demo` shows, once run.mjs has regenerated the packages and
// compiled them: the generated clients resetting instances on the generated
// mocks, served over HTTP on loopback by zenlayer-mock, with every state
// change printed. Secrets never appear in the output (the logger masks them).
import { service as bmcService, createBmcClient } from '@zenlayer-reset/bmc-client'
import { ApiError } from '@zenlayer-reset/client-runtime'
import { startMockServer } from '@zenlayer-reset/mock-server'
import { createVmClient, service as vmService } from '@zenlayer-reset/vm-client'
import { createZecClient, service as zecService } from '@zenlayer-reset/zec-client'
import { validateResetInstancesRequest } from '@zenlayer-reset/zec-validator'

const credentials = { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' }
const server = await startMockServer({
  port: 0,
  seed: 2026,
  progression: 400, // each transitional state lasts 400 ms of real time
  credentials: { accessKeys: { [credentials.accessKeyId]: credentials.accessKeySecret } },
  state: {
    zec: {
      images: [{ imageId: 'ubuntu2022', osType: 'linux', category: 'Linux', sizeGb: 20 }],
      instances: [
        { instanceId: 'zec-web-1', status: 'STOPPED', imageId: 'ubuntu2022' },
        { instanceId: 'zec-web-2', status: 'STOPPED', imageId: 'ubuntu2022' },
        { instanceId: 'zec-db-1', status: 'RUNNING', imageId: 'ubuntu2022' },
      ],
    },
    vm: {
      keyPairs: ['key-YWD2QFOl'],
      instances: [
        { instanceId: 'vm-ci-1', status: 'STOPPED' },
        { instanceId: 'vm-ci-2', status: 'RUNNING' },
      ],
    },
    bmc: {
      images: [{ imageId: 'img-ubuntu-2204', osType: 'linux', category: 'Linux', sizeGb: 20 }],
      instances: [{ instanceId: 'bm-db-1', status: 'RUNNING', imageId: 'img-ubuntu-2204' }],
    },
  },
})
console.log(`zenlayer-mock serving zec, vm and bmc on ${server.url}`)
// Said once, for the lines below: what `***` stands for.
console.log(
  'Each request the clients send is printed as their logger sees it: "->", the action, the body, and\n' +
    "the Authorization header, which carries the access key's signature. The logger prints *** in\n" +
    'place of every secret, so that header and the password show as ***. "<-" is the reply: HTTP status\n' +
    'and body.\n',
)

const services = { zec: zecService, vm: vmService, bmc: bmcService }
const ids = (list) => (list.length > 0 ? list.join(', ') : 'none')
// A batch action's reply lists only the ids that FAILED (the spec's x-zc-batch names the field): say so,
// rather than print a bare `instanceIds` that reads as "these were reset".
const describeReply = (e) => {
  const reply = e.body.response
  const batch = services[e.service]?.operations[e.action]?.batch
  if (!reply || !batch) return JSON.stringify(reply ?? { code: e.body.code })
  const { [batch.failed]: failed = [], ...rest } = reply
  return `failed: ${ids(failed)} (the reply's ${batch.failed} lists the ids NOT reset) ${JSON.stringify(rest)}`
}
const log = (e) => {
  if (e.type === 'request')
    console.log(`  -> ${e.action} ${JSON.stringify(e.body)}  Authorization: ${e.headers.authorization} (masked)`)
  if (e.type === 'response') console.log(`  <- ${e.status} ${describeReply(e)}`)
}
const zec = createZecClient({ baseUrl: server.url, credentials, logger: log })
const vm = createVmClient({ baseUrl: server.url, credentials, logger: log })
const bmc = createBmcClient({ baseUrl: server.url, credentials, logger: log })
const changes = (label) => {
  const last = {}
  return (p) => {
    for (const [id, status] of Object.entries(p.statuses)) {
      if (status !== last[id])
        console.log(`  ${label} ${(p.elapsedMs / 1000).toFixed(1)}s  ${id}: ${last[id] ?? '...'} -> ${status}`)
      last[id] = status
    }
  }
}

console.log('1. zec: validate, then reset three instances (one is running, so it fails on its own)')
const input = { instanceIds: ['zec-web-1', 'zec-web-2', 'zec-db-1'], imageId: 'ubuntu2022', password: 'Example+123' }
console.log(`  validator: ${validateResetInstancesRequest(input).ok ? 'valid' : 'invalid'}`)
const reset = await zec.resetInstances(input)
console.log(`  accepted: ${ids(reset.succeededInstanceIds)}; failed: ${ids(reset.failedInstanceIds)}`)
await zec.waitUntilReset({
  instanceIds: reset.succeededInstanceIds,
  maxWaitSeconds: 30,
  firstDelayMs: 150,
  maxDelayMs: 300,
  onProgress: changes('zec'),
})

console.log('\n2. vm: a running instance is refused, a stopped one is rebuilt with a key pair')
try {
  await vm.resetInstance({ instanceId: 'vm-ci-2', keyId: 'key-YWD2QFOl' })
} catch (error) {
  if (!(error instanceof ApiError)) throw error
  console.log(`  refused: ${error.code} (HTTP ${error.status})`)
}
await vm.resetInstance({ instanceId: 'vm-ci-1', keyId: 'key-YWD2QFOl' })
await vm.waitUntilReset({
  instanceIds: ['vm-ci-1'],
  maxWaitSeconds: 30,
  firstDelayMs: 150,
  maxDelayMs: 300,
  onProgress: changes('vm'),
})

console.log(
  '\n3. bmc: a running bare-metal server is reinstalled with RAID 1, its partitions and NIC names, then read back',
)
await bmc.reinstallInstance({
  instanceId: 'bm-db-1',
  imageId: 'img-ubuntu-2204',
  hostname: 'db-1.example',
  password: 'Example-123',
  raidConfig: { raidType: 1 },
  partitions: [{ fsPath: '/', fsType: 'ext4', size: 200 }],
  nic: { wanName: 'wan0', lanName: 'lan0' },
})
await bmc.waitUntilReset({
  instanceIds: ['bm-db-1'],
  maxWaitSeconds: 30,
  firstDelayMs: 150,
  maxDelayMs: 300,
  onProgress: changes('bmc'),
})
const [server1] = (await bmc.describeInstances({ instanceIds: ['bm-db-1'] })).dataSet ?? []
console.log(`  DescribeInstances: hostname ${server1?.hostname}, RAID ${JSON.stringify(server1?.raidConfig)}`)

console.log('\n4. Every state change the mock recorded:')
for (const [service, ids] of [
  ['zec', ['zec-web-1', 'zec-web-2', 'zec-db-1']],
  ['vm', ['vm-ci-1', 'vm-ci-2']],
  ['bmc', ['bm-db-1']],
]) {
  for (const id of ids) {
    const history = server.hub.mocks[service].history(id).map((e) => e.status)
    console.log(`  ${service} ${id}: ${history.join(' -> ')}`)
  }
}
await server.close()
