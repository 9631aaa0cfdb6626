// Child processes for the pack smoke: every run bounded in time, every
// long-lived one (the mock server, the MCP server) stopped whatever happens,
// so a failed check never leaves a server holding a port behind it.
import { spawn } from 'node:child_process'

/** Children started here that have not exited yet. */
const live = new Set()
// The last resort, when the smoke exits without stopping one (an uncaught error): exit handlers must be synchronous.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

/** Resolves to what `promise` gives, or to undefined after `ms`. */
function within(promise, ms) {
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms, undefined)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Starts `file` with piped stdio. Returns the child, its output so far
 * (`output.stdout`, `output.stderr`, text), `exited` (resolves to
 * `{ code, signal, error? }` once it has exited and its pipes are closed),
 * `waitExit(ms)` (that, or undefined after `ms`) and `stop()`.
 */
export function startProcess(file, args, { env, cwd }) {
  const child = spawn(file, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] })
  live.add(child)
  const output = { stdout: '', stderr: '' }
  child.stdout.setEncoding('utf8').on('data', (text) => {
    output.stdout += text
  })
  child.stderr.setEncoding('utf8').on('data', (text) => {
    output.stderr += text
  })
  // A child that exits before reading its stdin makes a write fail with EPIPE: its exit says what went wrong.
  child.stdin.on('error', () => undefined)
  child.on('exit', () => live.delete(child))
  const exited = new Promise((resolve) => {
    child.on('error', (error) => {
      live.delete(child)
      resolve({ code: null, signal: null, error })
    })
    child.on('close', (code, signal) => resolve({ code, signal }))
  })
  const waitExit = (ms) => within(exited, ms)
  /**
   * SIGTERM, then SIGKILL if it has not exited within `graceMs`. Resolves to
   * its exit and `forced: true` when SIGKILL was needed.
   */
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return { ...(await exited), forced: false }
    child.kill('SIGTERM')
    const graceful = await waitExit(graceMs)
    if (graceful) return { ...graceful, forced: false }
    child.kill('SIGKILL')
    return { ...((await waitExit(5_000)) ?? { code: null, signal: 'SIGKILL' }), forced: true }
  }
  return { child, output, exited, waitExit, stop }
}

/**
 * Runs `file` to its end with `input` (or nothing) on stdin. Resolves to
 * `{ code, signal, stdout, stderr, timedOut }`; a run longer than `timeoutMs`
 * is stopped and reported `timedOut`.
 */
export async function runProcess(file, args, { env, cwd, input = '', timeoutMs = 60_000 }) {
  const proc = startProcess(file, args, { env, cwd })
  proc.child.stdin.end(input)
  let result = await proc.waitExit(timeoutMs)
  const timedOut = result === undefined
  if (timedOut) result = await proc.stop()
  return { code: result.code, signal: result.signal, error: result.error, ...proc.output, timedOut }
}
