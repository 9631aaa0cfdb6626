// `zenlayer-reset-mcp`: read the operator's flags, load the served services'
// tool tables, and serve MCP over stdio until the client closes it. stdout is
// the protocol's: everything for the operator goes to stderr, one masked line
// at a time. A flag mistake is one line and exit 2.
import { homedir } from 'node:os'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
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
}

const defaultIo = (): MainIo => ({
  env: process.env,
  home: homedir(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: (line) => process.stderr.write(`${line}\n`),
})

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
  const ctx: ServerContext = {
    options,
    tokens: new ConfirmationTokens(options.confirmMinutes * 60_000, Date.now),
    credentials: { env: io.env, home: io.home, profile: options.profile },
    fetch: undefined,
    log: (line) => io.stderr(`${SERVER_NAME}: ${line}`),
    now: Date.now,
  }
  const server = createServer(ctx, tables, pkg?.version ?? '0.0.0')
  const transport = new StdioServerTransport(io.stdin as never, io.stdout as never)
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve()
    io.stdin.on('end', () => resolve())
    // The client went away (EPIPE on a closed pipe): the connection is over; one line, never a stack trace.
    io.stdout.on('error', (error: NodeJS.ErrnoException) => {
      io.stderr(`${SERVER_NAME}: the client closed the connection (${error.code ?? error.name}); stopping`)
      resolve()
    })
  })
  await server.connect(transport)
  const tools = tables.reduce((n, t) => n + t.tools.length, 0)
  io.stderr(
    `${SERVER_NAME}: serving ${served.join(', ')} over stdio${options.readOnly ? ' (read-only)' : ''}; ${options.endpoint ? `endpoint ${options.endpoint}` : 'the default endpoint'}; at most ${options.maxInstances} instances a call; ${tools} tools in the tables`,
  )
  await closed
  await server.close().catch(() => undefined)
  return 0
}
