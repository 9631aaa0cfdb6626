// The proof that a new service needs no runtime change: a made-up third
// service, "box" (test/fixtures/box: one batch rebuild, one single rebuild and
// a status query, with field names unlike zec's and vm's), is generated into a
// scratch repo beside a copy of the real specs/shared, its three packages are
// compiled with tsc against the real runtime packages, and the shared contract
// suites run on them with the box contract cases. Nothing of the runtimes is
// touched or told about "box".
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { generate, loadService } from '@zenlayer-reset/codegen'
import { afterAll, describe, expect, it } from 'vitest'
import {
  clientSuite,
  clientTableSuite,
  mockRoutesSuite,
  mockSuite,
  validatorExamplesSuite,
  validatorSuite,
} from '../src/index.js'

const run = promisify(execFile)
const require = createRequire(import.meta.url)
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const fixture = fileURLToPath(new URL('./fixtures/box', import.meta.url))
const packageDir = (name: string, from = require) => dirname(from.resolve(`${name}/package.json`))

// A scratch repo: the real shared spec, the box spec and cases, the repo's formatter and TypeScript settings.
const scratch = mkdtempSync(join(tmpdir(), 'zr-third-service-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
for (const file of ['biome.json', 'tsconfig.base.json', 'specs/DECISIONS.md', 'LICENSE', 'package.json'])
  cpSync(join(repoRoot, file), join(scratch, file))
cpSync(join(repoRoot, 'specs/shared/common.yaml'), join(scratch, 'specs/shared/common.yaml'))
cpSync(fixture, join(scratch, 'specs/box'), { recursive: true })
writeFileSync(join(scratch, 'pnpm-workspace.yaml'), 'packages: []\n')
const specFile = join(scratch, 'specs/box/openapi.yaml')
const bundled = loadService(specFile, scratch).source.bundled
mkdirSync(join(scratch, 'specs/box/dist'))
writeFileSync(join(scratch, 'specs/box/dist/bundled.json'), JSON.stringify(bundled))

const generated = await generate({ repoRoot: scratch })

// Resolution as an installed workspace would have it: the real runtimes, and the box packages themselves.
const modules = join(scratch, 'node_modules')
mkdirSync(join(modules, '@zenlayer-reset'), { recursive: true })
const link = (name: string, target: string) => symlinkSync(target, join(modules, name), 'dir')
for (const runtime of ['client-runtime', 'validator-runtime', 'mock-engine'])
  link(`@zenlayer-reset/${runtime}`, packageDir(`@zenlayer-reset/${runtime}`))
for (const kind of ['client', 'validator', 'mock'])
  link(`@zenlayer-reset/box-${kind}`, join(scratch, `packages/box-${kind}`))
link('zod', packageDir('zod', createRequire(join(packageDir('@zenlayer-reset/validator-runtime'), 'package.json'))))
mkdirSync(join(modules, '@types'))
link('@types/node', packageDir('@types/node'))

// Compiled (and so typechecked) with the packages' own build settings; the mock builds on the validator's types.
const tsc = join(packageDir('typescript'), 'bin/tsc')
const build = (kind: string) =>
  run(process.execPath, [tsc, '-p', join(scratch, `packages/box-${kind}/tsconfig.build.json`)]).catch(
    (error: { stdout?: string; stderr?: string }) => {
      throw new Error(`box-${kind} does not compile:\n${error.stdout ?? ''}${error.stderr ?? ''}`)
    },
  )
await build('validator')
await Promise.all([build('mock'), build('client')])

const load = (kind: string) => import(pathToFileURL(join(scratch, `packages/box-${kind}/dist/index.js`)).href)
const [client, validator, mock] = await Promise.all([load('client'), load('validator'), load('mock')])
const casesDir = join(scratch, 'specs/box/contract')

describe('a third service, generated with no runtime change', () => {
  it('gets a client, a validator and a mock package', () => {
    // Its own packages; targets over every service (a CLI, an MCP server) may add packages of their own beside them.
    expect(generated.map((p) => p.dir).filter((dir) => dir.startsWith('packages/box-'))).toEqual([
      'packages/box-client',
      'packages/box-validator',
      'packages/box-mock',
    ])
    expect(Object.keys(client.service.operations)).toEqual(['RebuildBoxes', 'RebuildBox', 'ListBoxStates'])
    expect(typeof client.createBoxClient().waitUntilBoxesRebuilt).toBe('function')
  })

  it('follows a fleet rebuild to the end through the spec-named status query', async () => {
    const boxMock = mock.createBoxMock({
      progression: 'manual',
      state: { instances: [{ instanceId: 'box-1' }, { instanceId: 'box-2' }] },
    })
    const box = client.createBoxClient({ credentials: { token: 'mock-token' }, fetch: boxMock.fetch })
    const started = await box.rebuildBoxes({ boxIds: ['box-1', 'box-2', 'box-3'] })
    expect(started).toMatchObject({ failedInstanceIds: ['box-3'], succeededInstanceIds: ['box-1', 'box-2'] })
    const waiting = box.waitUntilBoxesRebuilt({ instanceIds: ['box-1', 'box-2'], maxWaitSeconds: 5, firstDelayMs: 100 })
    setTimeout(() => boxMock.advance(), 50)
    await expect(waiting).resolves.toMatchObject({ statuses: { 'box-1': 'ACTIVE', 'box-2': 'ACTIVE' } })
  })
})

validatorSuite({ service: 'box', casesDir, validator })
validatorExamplesSuite({ bundled, validators: validator.validators })
clientTableSuite({ bundled, service: client.service, createClient: client.createBoxClient })
clientSuite({ service: 'box', casesDir, bundled, createClient: client.createBoxClient, createMock: mock.createBoxMock })
mockRoutesSuite({ bundled, service: mock.service })
mockSuite({ service: 'box', casesDir, bundled, createMock: mock.createBoxMock })
