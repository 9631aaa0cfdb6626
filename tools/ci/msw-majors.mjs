#!/usr/bin/env node
// msw 2 and msw 3 both work with the mocks, as a user installs them: pack
// mock-engine, zec-mock, vm-mock and bmc-mock with the runtime packages they need
// (pack.mjs, workspace.mjs), then once per major, in its own scratch project,
// `npm install msw@<major>` and, after it, the tarballs: a plain install, so
// a peer range that leaves the major out fails it (ERESOLVE). msw 2 runs on
// this Node (20.19+); msw 3 needs 22.12+, so its npm and program run on the
// registry's node@24 (msw-majors-node.mjs). The program
// (msw-majors-program.mjs) sends signed and unsigned resets through MSW.
// Prints one line per major, `msw <version> on Node <version>: ok` or
// `msw <major>: FAILED: <reason>`; exit 1 if any failed. Needs the packages
// built (`npm run build`) and the npm registry.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { envFor, npm, npmCli, registryNode } from './msw-majors-node.mjs'
import { pack } from './pack.mjs'
import { runtimeClosure, workspacePackages } from './workspace.mjs'

const MOCKS = [
  '@zenlayer-reset/mock-engine',
  '@zenlayer-reset/zec-mock',
  '@zenlayer-reset/vm-mock',
  '@zenlayer-reset/bmc-mock',
]
/** Each msw major and the Node it runs on: `null` is this one, a number that major from the registry. */
const MAJORS = [
  { msw: 2, node: null },
  { msw: 3, node: 24 },
]
// Each install or run is bounded, and all of them together (the test gives the script 570 s).
const INSTALL_TIMEOUT_MS = 180_000
const RUN_TIMEOUT_MS = 60_000
const deadline = performance.now() + 540_000
const within = (ms) => Math.max(1_000, Math.min(ms, Math.round(deadline - performance.now())))
const program = fileURLToPath(new URL('./msw-majors-program.mjs', import.meta.url))

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`

/** The mocks and every workspace package they need at run time, each once, in workspace order. */
function packagesToPack() {
  const all = workspacePackages()
  const names = new Set(MOCKS.flatMap((name) => [name, ...runtimeClosure(name, all).map((p) => p.name)]))
  const chosen = all.filter((p) => names.has(p.name))
  const unbuilt = chosen.filter((p) => !existsSync(join(p.dir, 'dist')))
  if (unbuilt.length > 0)
    throw new Error(`not built (no dist/): ${unbuilt.map((p) => p.name).join(', ')}; run npm run build`)
  return chosen
}

/** The Node a major runs on: this one, or the registry's (this one when it is that major already). */
function nodeFor(major, scratch) {
  if (major === null || Number(process.versions.node.split('.')[0]) === major)
    return { node: process.execPath, version: process.version }
  return registryNode(major, join(scratch, `node${major}`), within(INSTALL_TIMEOUT_MS))
}

/** One major, start to end; returns its line. Throws one line on failure. */
function tryMajor({ msw, node: nodeMajor }, tarballs, scratch) {
  const { node, version } = nodeFor(nodeMajor, scratch)
  const app = join(scratch, `msw${msw}`)
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: `msw${msw}-app`, private: true, type: 'module' }))
  const started = performance.now()
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error']
  // As the issue has it: msw first (`npm i msw`), then the mock packages.
  npm(node, ['install', ...quiet, `msw@^${msw}`], app, within(INSTALL_TIMEOUT_MS))
  npm(node, ['install', ...quiet, ...tarballs, 'zod@^4.1.0'], app, within(INSTALL_TIMEOUT_MS))
  const installed = seconds(started)
  copyFileSync(program, join(app, 'program.mjs'))
  const runTimeout = within(RUN_TIMEOUT_MS)
  const ran = spawnSync(node, ['program.mjs'], {
    cwd: app,
    env: envFor(node),
    encoding: 'utf8',
    timeout: runTimeout,
    killSignal: 'SIGKILL',
  })
  const last = ran.stdout?.trim().split('\n').at(-1) ?? ''
  let report
  try {
    report = JSON.parse(last)
  } catch {
    const why = ran.error?.code === 'ETIMEDOUT' ? `timed out after ${runTimeout / 1000} s` : `exit ${ran.status}`
    const said = `${ran.stderr ?? ''}`.trim().split('\n')[0]
    throw new Error(`the program printed no report (${why})${said ? `: ${said}` : ''}`)
  }
  if (report.node !== version) throw new Error(`the program ran on Node ${report.node}, not ${version}`)
  if (!report.msw.startsWith(`${msw}.`)) throw new Error(`msw ${report.msw} was installed, not ${msw}.x`)
  const head = `msw ${report.msw} on Node ${report.node}`
  if (ran.status !== 0 || report.failures.length > 0) throw new Error(`${head}: ${report.failures.join('; ')}`)
  return `${head}: ok (install ${installed}; signed resets reached every mock, unsigned ones refused)`
}

const scratch = mkdtempSync(join(tmpdir(), 'zenlayer-reset-msw-majors-'))
let failed = false
try {
  const tarballsDir = join(scratch, 'tarballs')
  mkdirSync(tarballsDir)
  const packed = pack(
    packagesToPack().map((p) => p.dir),
    tarballsDir,
  )
  console.log(`packed ${packed.map((p) => p.name).join(', ')}`)
  console.log(`npm ${npm(process.execPath, ['--version'], scratch, 30_000).trim()} (${npmCli()})`)
  for (const major of MAJORS) {
    try {
      console.log(
        tryMajor(
          major,
          packed.map((p) => p.tarball),
          scratch,
        ),
      )
    } catch (error) {
      failed = true
      console.log(`msw ${major.msw}: FAILED: ${error.message}`)
    }
  }
} catch (error) {
  failed = true
  console.log(`msw-majors: FAILED: ${error.message.split('\n')[0]}`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
process.exitCode = failed ? 1 : 0
