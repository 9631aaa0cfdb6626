// The program msw-majors.mjs runs in its scratch project, once per msw major:
// the zec, vm and bmc mocks' MSW handlers behind `setupServer` from msw/node, and
// the global fetch sending to a made-up https address that only MSW answers
// (.invalid never resolves). For each service, a signed reset reaches the
// mock and moves its instance out of the status a reset starts from, to the
// status it ends in once advanced; an unsigned one is refused and moves nothing.
// Prints one JSON line, `{ msw, node, failures }`; exit 1 on any failure.
// Deterministic: a manual clock, a fixed seed, manual progression.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createBmcMock } from '@zenlayer-reset/bmc-mock'
import { mswHandlers as bmcHandlers } from '@zenlayer-reset/bmc-mock/msw'
import { sign } from '@zenlayer-reset/client-runtime'
import { createVmMock, manualClock } from '@zenlayer-reset/vm-mock'
import { mswHandlers as vmHandlers } from '@zenlayer-reset/vm-mock/msw'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import { mswHandlers as zecHandlers } from '@zenlayer-reset/zec-mock/msw'
import { setupServer } from 'msw/node'

const BASE = 'https://zenlayer-mock.invalid'
const KEY = { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' }
const require = createRequire(import.meta.url)
const mswVersion = JSON.parse(readFileSync(require.resolve('msw/package.json'), 'utf8')).version

const failures = []
const check = (ok, what) => {
  if (!ok) failures.push(what)
}

const clock = manualClock()
const zec = createZecMock({
  clock,
  seed: 1,
  progression: 'manual',
  state: { instances: [{ instanceId: 'zec-a' }, { instanceId: 'zec-b' }] },
})
const vm = createVmMock({
  clock,
  seed: 1,
  progression: 'manual',
  state: { instances: [{ instanceId: 'vm-a' }, { instanceId: 'vm-b' }] },
})
// bmc: a reinstall starts from RUNNING and ends in RUNNING, INSTALLING between.
const bmc = createBmcMock({
  clock,
  seed: 1,
  progression: 'manual',
  state: { instances: [{ instanceId: 'bmc-a' }, { instanceId: 'bmc-b' }] },
})

/** One POST to `path` with the protocol headers; signed with the mock's key unless `signed` is false. */
async function call(path, action, version, payload, signed) {
  const body = JSON.stringify(payload)
  const headers = { 'content-type': 'application/json', 'x-zc-action': action, 'x-zc-version': version }
  if (signed) {
    const timestamp = Math.floor(clock.now() / 1000)
    const host = new URL(BASE).host
    const signature = sign({ ...KEY, contentType: 'application/json', host, body, timestamp })
    headers['x-zc-timestamp'] = String(timestamp)
    headers['x-zc-signature-method'] = 'ZC2-HMAC-SHA256'
    headers.authorization = signature.authorization
  }
  const response = await fetch(`${BASE}${path}`, { method: 'POST', headers, body })
  return { status: response.status, reply: await response.json() }
}

const services = [
  {
    name: 'zec',
    mock: zec,
    path: '/api/v2/zec',
    action: 'ResetInstances',
    version: '2025-09-01',
    payload: (id) => ({ instanceIds: [id] }),
    start: 'STOPPED',
    between: 'DEPLOYING',
  },
  {
    name: 'vm',
    mock: vm,
    path: '/api/v2/vm',
    action: 'ResetInstance',
    version: '2026-04-01',
    payload: (id) => ({ instanceId: id }),
    start: 'STOPPED',
    between: 'REBUILDING',
  },
  {
    name: 'bmc',
    mock: bmc,
    path: '/api/v2/bmc',
    action: 'ReinstallInstance',
    version: '2026-02-01',
    payload: (id) => ({ instanceId: id }),
    start: 'RUNNING',
    between: 'INSTALLING',
  },
]

const server = setupServer(
  ...zecHandlers(zec, { baseUrl: BASE }),
  ...vmHandlers(vm, { baseUrl: BASE }),
  ...bmcHandlers(bmc, { baseUrl: BASE }),
)
server.listen({ onUnhandledRequest: 'error' })
try {
  for (const { name, mock, path, action, version, payload, start, between } of services) {
    const [signedId, unsignedId] = [`${name}-a`, `${name}-b`]
    const signed = await call(path, action, version, payload(signedId), true)
    check(signed.status === 200, `${name}: signed ${action} answered ${signed.status} ${JSON.stringify(signed.reply)}`)
    check(
      mock.instance(signedId)?.status === between,
      `${name}: signed ${action} left ${signedId} ${mock.instance(signedId)?.status}, not ${between}`,
    )
    mock.advance()
    check(
      mock.instance(signedId)?.status === 'RUNNING',
      `${name}: ${signedId} is ${mock.instance(signedId)?.status} after advance()`,
    )

    const unsigned = await call(path, action, version, payload(unsignedId), false)
    check(unsigned.status === 401, `${name}: unsigned ${action} answered ${unsigned.status}, not 401`)
    check(
      mock.instance(unsignedId)?.status === start,
      `${name}: unsigned ${action} moved ${unsignedId} to ${mock.instance(unsignedId)?.status}`,
    )
  }
} catch (error) {
  failures.push(`threw: ${error?.stack ?? error}`)
} finally {
  server.close()
}

console.log(JSON.stringify({ msw: mswVersion, node: process.version, failures }))
process.exitCode = failures.length === 0 ? 0 : 1
