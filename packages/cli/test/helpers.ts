// Runs the built bin (bin/zenlayer-reset.js) as a user would, against
// zenlayer-mock over HTTP in this process, and reads the mock's history to
// count the resets each instance received.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMockServer } from '@zenlayer-reset/mock-server'

export const BIN = fileURLToPath(new URL('../bin/zenlayer-reset.js', import.meta.url))
export const PASSWORD = 'Zr!secret42'
export const USER_DATA = 'echo user-data-secret-7f3a'

export type Mock = Awaited<ReturnType<typeof startMockServer>>

export async function mock(
  state: Parameters<typeof startMockServer>[0] extends infer O ? (O extends { state?: infer S } ? S : never) : never,
  progression: 'immediate' | 'manual' = 'immediate',
): Promise<Mock> {
  return startMockServer({ port: 0, state, progression })
}

/** A scratch folder, with no profile in it (the user's ~/.zenlayer is never read). */
export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'zr-cli-e2e-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

export interface Ran {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export const CREDENTIALS = {
  ZENLAYERCLOUD_SECRET_KEY_ID: 'mock-access-key',
  ZENLAYERCLOUD_SECRET_KEY_PASSWORD: 'mock-access-secret',
}

export function run(
  args: readonly string[],
  options: {
    env?: Record<string, string | undefined>
    cwd?: string
    stdin?: string
    /** Flags for node itself, before the bin (`--import` a fixture). */
    nodeArgs?: readonly string[]
    /** Called with each chunk of stderr and the child: lets a test interrupt it mid-fleet. */
    onStderr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void
  } = {},
): Promise<Ran> {
  const cwd = options.cwd ?? scratch()
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: cwd,
    ZENLAYER_CONFIG_DIR: join(cwd, 'no-profile'),
    ...CREDENTIALS,
    ...options.env,
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd,
      env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>,
      stdio: ['pipe', 'pipe', 'pipe'],
      // A session of its own (setsid), so no controlling terminal: the confirmation, with stdin a pipe, would
      // otherwise be asked on the terminal that runs the tests (/dev/tty) and wait there for an answer.
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t
    })
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t
      options.onStderr?.(stderr, (signal) => child.kill(signal))
    })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}

/** How many times each instance entered the reset's first status (a reset the server applied). */
export function resetsOf(m: Mock, service: 'zec' | 'vm', ids: readonly string[], via: string): Map<string, number> {
  const mockOf = m.hub.mocks[service]
  if (!mockOf) throw new Error(`the mock serves no ${service}`)
  return new Map(ids.map((id) => [id, mockOf.history(id).filter((e) => e.status === via).length]))
}

export const idsFile = (ids: readonly string[]) => `# fleet\n${ids.join('\n')}\n\n`
