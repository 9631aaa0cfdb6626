// The Nodes msw-majors.mjs installs and runs under: this one, or a major
// from the registry's `node` package (`node@24`), and npm run by that Node
// (so that npm checks engines against it, as on a user's machine). Each
// failure is an Error with a one-line message.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs'
import { basename, delimiter, dirname, join } from 'node:path'

/** The npm CLI script of the npm on PATH (run with any Node: `node npm-cli.js ...`). */
export function npmCli() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm')
    if (!dir || !existsSync(candidate)) continue
    const real = realpathSync(candidate)
    if (basename(real) === 'npm-cli.js') return real
    const beside = join(dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')
    if (existsSync(beside)) return beside
  }
  const nextToNode = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')
  if (existsSync(nextToNode)) return nextToNode
  throw new Error('npm not found: no npm-cli.js behind the npm on PATH or beside this Node')
}

/** The environment for `node`: its folder first on PATH, so that install scripts run on it too. */
export function envFor(node) {
  return { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` }
}

/** Runs `npm <args>` under `node` in `cwd`; throws one line (npm's error code and the line saying why) unless it exits 0 in time. */
export function npm(node, args, cwd, timeoutMs) {
  const outcome = spawnSync(node, [npmCli(), ...args], {
    cwd,
    env: envFor(node),
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  })
  if (outcome.status === 0) return outcome.stdout
  const why = outcome.error?.code === 'ETIMEDOUT' ? `timed out after ${timeoutMs / 1000} s` : `exit ${outcome.status}`
  const lines = `${outcome.stderr ?? ''}`
    .split('\n')
    .map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trim())
    .filter((l) => l !== '')
  // ERESOLVE names the range it could not meet on the line after `Could not resolve dependency:`
  // (`peerOptional msw@"^2.0.0" from ...`); a network failure says why on a `... reason: ...` line.
  const code = lines.find((l) => l.startsWith('code '))?.slice(5)
  const unmet = lines.indexOf('Could not resolve dependency:')
  const reason =
    (unmet >= 0 ? lines[unmet + 1] : undefined) ??
    lines.find((l) => /reason:|network/.test(l)) ??
    lines.find((l) => !/^(code|errno|syscall) /.test(l))
  const detail = [code, reason].filter(Boolean).join(': ')
  throw new Error(`npm ${args[0]} ${why}${detail ? `: ${detail}` : ''}`)
}

/** `node --version` of a Node binary. */
export function versionOf(node) {
  const outcome = spawnSync(node, ['--version'], { encoding: 'utf8', timeout: 30_000 })
  if (outcome.status !== 0) throw new Error(`${node} --version failed (exit ${outcome.status ?? outcome.error?.code})`)
  return outcome.stdout.trim()
}

/**
 * Installs the registry's `node@<major>` into `dir` (with this Node's npm)
 * and returns its binary and version. Throws one line when the registry
 * cannot give it in time or it does not run.
 */
export function registryNode(major, dir, timeoutMs) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `node${major}`, private: true }))
  try {
    npm(
      process.execPath,
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline', `node@${major}`],
      dir,
      timeoutMs,
    )
  } catch (error) {
    throw new Error(`cannot fetch node@${major} from the registry (${error.message})`)
  }
  const node = join(dir, 'node_modules', 'node', 'bin', 'node')
  if (!existsSync(node)) throw new Error(`node@${major} installed without its binary (${node})`)
  const version = versionOf(node)
  if (!version.startsWith(`v${major}.`)) throw new Error(`node@${major} from the registry says ${version}`)
  return { node, version }
}
