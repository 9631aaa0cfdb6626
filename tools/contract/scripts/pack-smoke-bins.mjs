// The three published programs run as a user runs them after `npm install`:
// from the scratch project's node_modules/.bin, their `#!/usr/bin/env node`
// line finding the Node under test first on PATH. zenlayer-reset makes real
// calls to zenlayer-mock, itself started from its packed bin on a free
// loopback port; zenlayer-reset-mcp is spoken to over stdio as an MCP client
// would. Each check throws an Error naming the program, what was expected and
// what came; the mock and the MCP server are stopped whatever happens.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { mcpStdio } from './mcp-stdio.mjs'
import { runProcess, startProcess } from './smoke-processes.mjs'

/** The mock's published default access key (packages/mock-server/README.md). */
const MOCK_KEY = { id: 'mock-access-key', secret: 'mock-access-secret' }
/** A valid zec password, given through a file, that no output may show. */
const PASSWORD = 'Smoke+Pass123'
/** The one instance the mock starts with (STOPPED by default: a reset would take it to RUNNING). */
const INSTANCE = 'smoke-1'
/** Tools every build of the MCP server must list. */
const EXPECTED_TOOLS = ['zec_reset_instances', 'vm_reset_instance']

/**
 * Runs the checks with `node` (a Node binary or shim) from `app` (the scratch
 * project), in a fresh folder under `workDir`. `versions` maps each packed
 * package's name to its version. `log` gets one line per check passed.
 * Rejects with the first failure.
 */
export async function smokeBins({ node, app, workDir, versions, log }) {
  const work = mkdtempSync(join(workDir, 'bins-'))
  const env = binEnv(node, join(work, 'home'))
  const ctx = { app, env, work, versions, log }

  await checkNodeOnPath(ctx, node)
  await checkVersion(ctx, 'zenlayer-reset', '@zenlayer-reset/cli')
  await checkHelp(ctx)
  await checkVersion(ctx, 'zenlayer-reset-mcp', '@zenlayer-reset/mcp')

  const mock = await startMock(ctx)
  let failure
  try {
    await checkDescribe(ctx, mock.url)
    await checkDryRun(ctx, mock.url)
    await checkMcp(ctx, mock.url)
  } catch (error) {
    failure = error
  }
  const stopped = await mock.proc.stop()
  // The first failure is the one to report; a mock that does not stop cleanly is one of its own.
  if (failure) throw failure
  if (stopped.forced) throw new Error('zenlayer-mock: still running 10 s after SIGTERM (killed)')
  if (stopped.code !== 0)
    throw new Error(`zenlayer-mock: exit ${stopped.signal ?? stopped.code} on SIGTERM, expected 0`)
  log('zenlayer-mock: exit 0 on SIGTERM')
}

/**
 * The environment of every program: the Node under test first on PATH; the
 * mock's key as the credentials; an empty home, and none of the caller's
 * ZENLAYER* variables, so no profile, output format or key of the machine
 * running the smoke changes what the programs do.
 */
function binEnv(node, home) {
  mkdirSync(home)
  // The binary itself, not a shim (the registry's `node` package may ship one): its folder goes first on PATH.
  const realNode = execFileSync(node, ['-p', 'process.execPath'], { encoding: 'utf8' }).trim()
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^ZENLAYER/i.test(name)))
  return {
    ...inherited,
    PATH: `${dirname(realNode)}${delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    ZENLAYERCLOUD_SECRET_KEY_ID: MOCK_KEY.id,
    ZENLAYERCLOUD_SECRET_KEY_PASSWORD: MOCK_KEY.secret,
  }
}

/** Runs the installed bin `name` to its end; fails if its output shows a secret. */
async function runBin(ctx, name, args, options = {}) {
  const result = await runProcess(join(ctx.app, 'node_modules', '.bin', name), args, {
    env: ctx.env,
    cwd: ctx.app,
    ...options,
  })
  const said = `${name} ${args.join(' ')}`
  if (result.error) throw new Error(`${said}: could not start: ${result.error.message}`)
  if (result.timedOut) throw new Error(`${said}: still running after ${options.timeoutMs ?? 60_000} ms (stopped)`)
  assertNoSecret(said, `${result.stdout}${result.stderr}`)
  return result
}

function assertNoSecret(said, text) {
  for (const secret of [MOCK_KEY.secret, PASSWORD])
    if (text.includes(secret)) throw new Error(`${said}: its output shows a secret (${secret.length} characters)`)
}

/** The run, for a failure message: exit and both streams, shortened. */
function shown({ code, signal, stdout, stderr }) {
  const cut = (text) => (text.length > 600 ? `${text.slice(0, 600)}...` : text).trim() || '(empty)'
  return `exit ${signal ?? code}; stdout: ${cut(stdout)}; stderr: ${cut(stderr)}`
}

function expectExit(said, result, code) {
  if (result.code !== code) throw new Error(`${said}: expected exit ${code}, got ${shown(result)}`)
}

function parseJson(said, result) {
  try {
    return JSON.parse(result.stdout)
  } catch {
    throw new Error(`${said}: expected JSON on stdout, got ${shown(result)}`)
  }
}

/** The bins' `node` is the one under test (else every check below would test another Node). */
async function checkNodeOnPath(ctx, node) {
  const wanted = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  const found = await runProcess('node', ['--version'], { env: ctx.env, cwd: ctx.app })
  if (found.stdout.trim() !== wanted)
    throw new Error(`PATH: \`node\` is ${found.stdout.trim() || shown(found)}, not the Node under test (${wanted})`)
  ctx.log(`bins run on ${wanted}`)
}

async function checkVersion(ctx, bin, pkg) {
  const result = await runBin(ctx, bin, ['--version'])
  expectExit(`${bin} --version`, result, 0)
  const wanted = `${pkg} ${ctx.versions[pkg]}`
  if (result.stdout.trim() !== wanted)
    throw new Error(`${bin} --version: expected "${wanted}" on stdout, got ${shown(result)}`)
  ctx.log(`${bin} --version: ${wanted}`)
}

async function checkHelp(ctx) {
  const result = await runBin(ctx, 'zenlayer-reset', ['--help'])
  expectExit('zenlayer-reset --help', result, 0)
  // The top help lists every service's commands: the generated tables load from the tarball.
  for (const text of ['usage: zenlayer-reset <service> <action>', 'reset-instances', 'describe-instances-status'])
    if (!result.stdout.includes(text))
      throw new Error(`zenlayer-reset --help: expected "${text}" on stdout, got ${shown(result)}`)
  ctx.log('zenlayer-reset --help: exit 0, lists the commands')
}

/** `zenlayer-mock --port 0` from its bin, with one stopped zec instance; resolves once it says where it listens. */
async function startMock(ctx) {
  const state = join(ctx.work, 'state.json')
  writeFileSync(state, JSON.stringify({ zec: { instances: [{ instanceId: INSTANCE }] } }))
  const proc = startProcess(
    join(ctx.app, 'node_modules', '.bin', 'zenlayer-mock'),
    ['--port', '0', '--host', '127.0.0.1', '--state', state],
    { env: ctx.env, cwd: ctx.app },
  )
  const deadline = Date.now() + 30_000
  for (;;) {
    const url = /zenlayer-mock listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(proc.output.stdout)?.[1]
    if (url) {
      ctx.log(`zenlayer-mock listening on ${url}`)
      return { proc, url }
    }
    const exited = await proc.waitExit(50)
    if (exited || Date.now() > deadline) {
      const stopped = exited ?? (await proc.stop())
      throw new Error(
        `zenlayer-mock --port 0: ${exited ? 'exited' : 'said nothing of listening within 30 s'}: ${shown({ ...stopped, ...proc.output })}`,
      )
    }
  }
}

async function checkDescribe(ctx, url) {
  const args = ['zec', 'describe-instances-status', '--endpoint', url, '-o', 'json']
  const said = `zenlayer-reset ${args.join(' ')}`
  const result = await runBin(ctx, 'zenlayer-reset', args)
  expectExit(said, result, 0)
  const reply = parseJson(said, result)
  const listed = JSON.stringify(reply?.dataSet)
  if (listed !== JSON.stringify([{ instanceId: INSTANCE, instanceStatus: 'STOPPED' }]))
    throw new Error(`${said}: expected dataSet [${INSTANCE} STOPPED] from the mock, got ${shown(result)}`)
  ctx.log(`zenlayer-reset zec describe-instances-status: exit 0, JSON, ${INSTANCE} STOPPED`)
}

async function checkDryRun(ctx, url) {
  const passwordFile = join(ctx.work, 'password.txt')
  writeFileSync(passwordFile, PASSWORD)
  const args = ['zec', 'reset-instances', '--instance-ids', INSTANCE, '--password-file', passwordFile]
  const said = `zenlayer-reset ${args.join(' ')} --dry-run`
  const result = await runBin(ctx, 'zenlayer-reset', [...args, '--endpoint', url, '--dry-run', '-o', 'json'])
  expectExit(said, result, 0)
  const plan = parseJson(said, result)
  const batch = plan?.batches?.[0]
  if (plan?.dryRun !== true || plan.batches?.length !== 1 || batch?.ids?.join() !== INSTANCE)
    throw new Error(`${said}: expected a plan of one call for ${INSTANCE}, got ${shown(result)}`)
  if (batch.body?.password !== '***') throw new Error(`${said}: expected the password masked as *** in the plan`)
  // Sent nothing: the mock's record of the instance holds only the status it was seeded with (a reset adds DEPLOYING).
  const statuses = await mockHistory(url, INSTANCE).catch((error) => {
    throw new Error(`${said}: cannot read the mock's history of ${INSTANCE}: ${error.message}`)
  })
  if (statuses.join() !== 'STOPPED')
    throw new Error(`${said}: the mock's history of ${INSTANCE} should be [STOPPED], is ${JSON.stringify(statuses)}`)
  ctx.log(`zenlayer-reset zec reset-instances --dry-run: exit 0, plan with the password masked, nothing sent`)
}

/** Every status the mock recorded for a zec instance, oldest first (its admin surface). */
async function mockHistory(url, instanceId) {
  const answer = await fetch(`${url}/__admin/history?service=zec&instanceId=${encodeURIComponent(instanceId)}`)
  const text = await answer.text()
  if (!answer.ok) throw new Error(`HTTP ${answer.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text).history.map((entry) => entry.status)
}

/** initialize, notifications/initialized, tools/list, a status query through the mock, then stdin closed: it exits. */
async function checkMcp(ctx, url) {
  const proc = startProcess(join(ctx.app, 'node_modules', '.bin', 'zenlayer-reset-mcp'), ['--endpoint', url], {
    env: ctx.env,
    cwd: ctx.app,
  })
  const step = async (what, run) => {
    try {
      return await run()
    } catch (error) {
      throw new Error(`zenlayer-reset-mcp ${what}: ${error.message}`)
    }
  }
  try {
    const mcp = mcpStdio(proc)
    const init = await step('initialize', () =>
      mcp.request('initialize', {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'pack-smoke', version: '0.0.0' },
      }),
    )
    const wanted = { name: 'zenlayer-reset-mcp', version: ctx.versions['@zenlayer-reset/mcp'] }
    if (init?.serverInfo?.name !== wanted.name || init.serverInfo.version !== wanted.version)
      throw new Error(
        `zenlayer-reset-mcp initialize: expected serverInfo ${JSON.stringify(wanted)}, got ${JSON.stringify(init?.serverInfo)}`,
      )
    mcp.notify('notifications/initialized')

    const names = []
    let cursor
    do {
      const page = await step('tools/list', () => mcp.request('tools/list', cursor ? { cursor } : {}))
      names.push(...(page?.tools ?? []).map((tool) => tool.name))
      cursor = page?.nextCursor
    } while (cursor)
    const missing = EXPECTED_TOOLS.filter((name) => !names.includes(name))
    if (missing.length > 0)
      throw new Error(`zenlayer-reset-mcp tools/list: missing ${missing.join(', ')}; listed ${names.join(', ')}`)
    ctx.log(
      `zenlayer-reset-mcp: initialize, tools/list (${names.length} tools, ${EXPECTED_TOOLS.join(', ')} among them)`,
    )

    const call = await step('tools/call zec_describe_instances_status', () =>
      mcp.request('tools/call', { name: 'zec_describe_instances_status', arguments: { instanceIds: [INSTANCE] } }),
    )
    const status = call?.structuredContent?.dataSet?.[0]?.instanceStatus
    if (call?.isError === true || status !== 'STOPPED')
      throw new Error(
        `zenlayer-reset-mcp tools/call zec_describe_instances_status: expected ${INSTANCE} STOPPED, got ${JSON.stringify(call).slice(0, 600)}`,
      )
    ctx.log(`zenlayer-reset-mcp: tools/call zec_describe_instances_status through the mock: ${INSTANCE} STOPPED`)

    proc.child.stdin.end()
    const exited = await proc.waitExit(10_000)
    if (!exited) throw new Error('zenlayer-reset-mcp: still running 10 s after its stdin closed')
    if (exited.code !== 0)
      throw new Error(`zenlayer-reset-mcp: exit ${exited.signal ?? exited.code} after its stdin closed, expected 0`)
    assertNoSecret('zenlayer-reset-mcp', `${proc.output.stdout}${proc.output.stderr}`)
    ctx.log('zenlayer-reset-mcp: exit 0 once its stdin closed')
  } finally {
    await proc.stop()
  }
}
