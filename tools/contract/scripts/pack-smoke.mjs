#!/usr/bin/env node
// The packages as a user gets them: `pnpm pack` every publishable package,
// install the tarballs into a scratch project outside the workspace (with
// their peers from the registry), and run a smoke script that imports each
// one and does real work with it, then runs the published programs from its
// node_modules/.bin against each other (pack-smoke-bins.mjs), on this Node
// (20) and on Node 24 (the registry's `node` package). Exit 1 if anything fails.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pack, publishableDirs } from '../../ci/pack.mjs'
import { smokeBins } from './pack-smoke-bins.mjs'

const scratch = mkdtempSync(join(tmpdir(), 'zenlayer-reset-packed-'))
const tarballs = join(scratch, 'tarballs')
const app = join(scratch, 'app')
mkdirSync(tarballs)
mkdirSync(app)
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })

const packages = pack(publishableDirs(), tarballs)
const packed = packages.map((p) => p.tarball)
// What `--version` and the MCP server's serverInfo must say: the versions packed.
const versions = Object.fromEntries(packages.map((p) => [p.name, p.version]))
console.log(`packed ${packed.length} packages: ${packed.map((t) => basename(t)).join(', ')}`)

writeFileSync(
  join(app, 'package.json'),
  JSON.stringify({ name: 'packed-smoke', private: true, type: 'module' }, null, 2),
)
npm(['install', '--no-audit', '--no-fund', '--loglevel=error', ...packed, 'zod@^4.1.0', 'msw@^2.7.0'], app)

writeFileSync(
  join(app, 'smoke.mjs'),
  `import { createRequire } from 'node:module'
import { ApiError, sign } from '@zenlayer-reset/client-runtime'
import { createMockHub } from '@zenlayer-reset/mock-engine'
import { mswHandlers } from '@zenlayer-reset/mock-engine/msw'
import { startMockServer } from '@zenlayer-reset/mock-server'
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createVmMock } from '@zenlayer-reset/vm-mock'
import { validateResetInstanceRequest } from '@zenlayer-reset/vm-validator'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import { mswHandlers as zecMsw } from '@zenlayer-reset/zec-mock/msw'
import { validateResetInstancesRequest } from '@zenlayer-reset/zec-validator'

const require = createRequire(import.meta.url)
const check = (ok, what) => { if (!ok) { console.error('FAILED: ' + what); process.exit(1) } }

check(sign({ accessKeyId: 'k', accessKeySecret: 'test-key-password', contentType: 'application/json', host: '127.0.0.1:8787', body: '{}', timestamp: 1700000000 }).signature === 'c5f0703ddd69dedc222029c64151966dcbd9f7c90ac8cd5901b736cd2bdde003', 'signing vector D3')
check(validateResetInstancesRequest({ instanceIds: ['a'], password: 'Example+123' }).ok, 'zec validator accepts')
check(validateResetInstanceRequest({ instanceId: 'a', password: 'short' }).code === 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED', 'vm validator code')
check(require.resolve('@zenlayer-reset/zec-validator/json-schema/ResetInstances.request.json').endsWith('.json'), 'JSON Schema shipped')

const server = await startMockServer({ port: 0, progression: 'immediate', state: { zec: { instances: [{ instanceId: 'a' }] } } })
const zec = createZecClient({ baseUrl: server.url, credentials: { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' } })
const reset = await zec.resetInstances({ instanceIds: ['a', 'ghost'] })
check(reset.succeededInstanceIds.join() === 'a' && reset.failedInstanceIds.join() === 'ghost', 'zec reset over HTTP')
check((await zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 10, firstDelayMs: 100 })).statuses.a === 'RUNNING', 'waiter')
await server.close()

const vmMock = createVmMock({ state: { instances: [{ instanceId: 'v', status: 'RUNNING' }] } })
const vm = createVmClient({ credentials: { token: 'mock-token' }, fetch: vmMock.fetch })
const refused = await vm.resetInstance({ instanceId: 'v' }).catch((e) => e)
check(refused instanceof ApiError && refused.code === 'OPERATION_DENIED_INSTANCE_NOT_STOPPED', 'vm in-process refusal')
check(mswHandlers(createMockHub([createZecMock()])).length === 2 && zecMsw(createZecMock()).length === 1, 'MSW handlers')
console.log('smoke ok on Node ' + process.version)
`,
)

let failed = false
const run = async (node, label) => {
  const outcome = spawnSync(node, ['smoke.mjs'], { cwd: app, encoding: 'utf8' })
  process.stdout.write(outcome.stdout)
  process.stderr.write(outcome.stderr)
  const cli = spawnSync(
    node,
    [join(app, 'node_modules', '@zenlayer-reset', 'mock-server', 'bin', 'zenlayer-mock.js'), '--help'],
    { cwd: app, encoding: 'utf8' },
  )
  const mockHelpOk = cli.status === 0 && cli.stdout.includes('usage: zenlayer-mock')
  if (!mockHelpOk)
    console.error(`FAILED: zenlayer-mock --help: exit ${cli.status}, no usage line; stderr: ${cli.stderr}`)
  let ok = outcome.status === 0 && mockHelpOk
  try {
    await smokeBins({ node, app, workDir: scratch, versions, log: (line) => console.log(`  ${line}`) })
  } catch (error) {
    console.error(`FAILED: ${error.message}`)
    ok = false
  }
  console.log(`${label}: ${ok ? 'ok' : 'FAILED'}`)
  if (!ok) failed = true
}
await run(process.execPath, `Node ${process.version}`)

const node24 = join(scratch, 'node24')
mkdirSync(node24)
writeFileSync(join(node24, 'package.json'), '{"name":"node24","private":true}')
npm(['install', '--no-audit', '--no-fund', '--loglevel=error', 'node@24'], node24)
const node24Bin = join(node24, 'node_modules', '.bin', 'node')
const version = execFileSync(node24Bin, ['--version'], { encoding: 'utf8' }).trim()
await run(node24Bin, `Node ${version}`)
process.exitCode = failed ? 1 : 0
// About 250 MB: kept only when something failed, to look into.
if (failed) console.error(`the scratch project is kept in ${scratch}`)
else rmSync(scratch, { recursive: true, force: true })
