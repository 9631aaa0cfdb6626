// `zenlayer-reset-mcp`: read the operator's flags, load the served services'
// tool tables, and serve MCP over stdio until the client closes it. stdout is
// the protocol's: everything for the operator goes to stderr, one masked line
// at a time. A flag mistake is one line and exit 2. When the client goes
// away (stdin's end, EPIPE, the transport closing), every running call is
// stopped at once (a fleet sends nothing new, never an id twice), and the
// server ends within seconds with one line saying what each call had done.
import { homedir } from 'node:os'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { ClientConnection } from './connection.js'
import type { ServerContext } from './context.js'
import { UsageError } from './errors.js'
import { readManifest } from './manifest.js'
import { parseOptions, USAGE } from './options.js'
import { createServer, SERVER_NAME } from './server.js'
import type { ServiceIndex } from './tables.js'
import { ConfirmationTokens } from './tokens.js'

export interface MainIo {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly home: string
  readonly stdin: NodeJS.ReadableStream
  readonly stdout: NodeJS.WritableStream
  readonly stderr: (line: string) => void
  /**
   * Ends the process: once the client has gone, called if the process has not ended by itself shortly after
   * (a call that would not stop, a socket kept open). Absent (a test's io): never forced.
   */
  readonly exit?: (code: number) => void
}

const defaultIo = (): MainIo => ({
  env: process.env,
  home: homedir(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
})

/** How long the calls running when the client goes away have to end and tell what they did (aborted, they end at once). */
export const SETTLE_MS = 5_000
/** Then how long the process may take to end by itself before it is ended. */
export const EXIT_AFTER_MS = 2_000

export interface MainOptions {
  /** The process by default. */
  readonly io?: MainIo
  /** The generated package's package.json: its name and version are what --version prints and the server reports. */
  readonly manifest?: URL
}

/** Runs the server; resolves with the exit code when the client closes the connection (or at once for a mistake). */
export async function main(index: ServiceIndex, argv: readonly string[], run: MainOptions = {}): Promise<number> {
  const io = run.io ?? defaultIo()
  const pkg = readManifest(run.manifest)
  const known = Object.keys(index).sort()
  let options: ReturnType<typeof parseOptions>
  try {
    options = parseOptions(argv, known)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`${SERVER_NAME}: ${error.message}`)
    return 2
  }
  if (options.help) {
    io.stderr(`${USAGE}\nservices: ${known.join(', ')}`)
    return 0
  }
  if (options.version) {
    // No protocol runs: stdout is the operator's, like any --version.
    if (!pkg) {
      io.stderr(`${SERVER_NAME}: cannot tell its version: its package.json is unreadable`)
      return 1
    }
    io.stdout.write(`${pkg.name} ${pkg.version}\n`)
    return 0
  }
  const served = options.services ?? known
  const tables = await Promise.all(served.map((name) => (index[name] as () => ReturnType<ServiceIndex[string]>)()))
  const connection = new ClientConnection()
  const ctx: ServerContext = {
    options,
    tokens: new ConfirmationTokens(options.confirmMinutes * 60_000, Date.now),
    credentials: { env: io.env, home: io.home, profile: options.profile },
    fetch: undefined,
    log: (line) => io.stderr(`${SERVER_NAME}: ${line}`),
    now: Date.now,
    connection,
  }
  const server = createServer(ctx, tables, pkg?.version ?? '0.0.0')
  const transport = new StdioServerTransport(io.stdin as never, io.stdout as never)
  // The client is gone, whatever tells first (the others are the same loss). The server is closed at once, in
  // this turn, not after an await: closing aborts every running call's signal, so a fleet starts no new send.
  const lose = (why: string) => {
    if (connection.lose(why)) server.close().catch(() => undefined)
  }
  server.onclose = () => lose('the transport closed')
  io.stdin.on('end', () => lose('stdin closed'))
  // A failed read or write (EPIPE on a closed pipe) is the client gone too: one line, never a stack trace.
  io.stdin.on('error', (error: NodeJS.ErrnoException) => lose(`stdin: ${error.code ?? error.name}`))
  io.stdout.on('error', (error: NodeJS.ErrnoException) => lose(error.code ?? error.name))
  await server.connect(transport)
  const tools = tables.reduce((n, t) => n + t.tools.length, 0)
  io.stderr(
    `${SERVER_NAME}: serving ${served.join(', ')} over stdio${options.readOnly ? ' (read-only)' : ''}; ${options.endpoint ? `endpoint ${options.endpoint}` : 'the default endpoint'}; at most ${options.maxInstances} instances a call; ${tools} tools in the tables`,
  )
  const why = await connection.gone
  // One line: how the client went, then what each call it cut off had done (a fleet: ids sent, not sent, in doubt).
  const settled = await connection.settled(SETTLE_MS)
  const said = [...connection.said]
  const left = connection.running
  if (!settled)
    said.push(
      `${left} call${left === 1 ? '' : 's'} still running after ${SETTLE_MS / 1000} s: ending without an account`,
    )
  io.stderr(`${SERVER_NAME}: the client closed the connection (${why})${said.map((c) => `; ${c}`).join('')}; stopping`)
  const exit = io.exit
  if (exit) setTimeout(() => exit(0), EXIT_AFTER_MS).unref()
  return 0
}
