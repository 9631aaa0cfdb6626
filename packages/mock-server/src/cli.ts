// zenlayer-mock: every service's mock (services.ts) on one port. Every mistake is one line
// that says what to do; nothing secret has to be on the command line (where
// /proc/<pid>/cmdline shows it): credentials also come from the environment
// or from files.
import { randomBytes } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import {
  checkHubState,
  DEFAULT_CREDENTIALS,
  type MockCredentials,
  type ProgressionOption,
  StateError,
} from '@zenlayer-reset/mock-engine'
import { isLoopback } from '@zenlayer-reset/mock-engine/node'
import { SERVICES } from './services.js'
import { type StartOptions, startMockServer } from './start.js'

export const USAGE = `usage: zenlayer-mock [options]            (--flag value or --flag=value)
  --port <n>                 port, in decimal (default 8787; 0 picks a free one)
  --host <addr>              address (default 127.0.0.1); beyond loopback: credentials of your own (not the defaults),
                             and an admin token of 16 characters or more (or one generated)
  --state <file.json>        initial state: {"zec": {"instances": [...], "images": [...], "keyPairs": [...]}, "vm": {...}, "bmc": {...}}
  --access-key <id:secret>   accept this access key (repeatable); default mock-access-key:mock-access-secret
  --access-key-file <file>   access keys, one id:secret per line (files: regular, at most 1 MiB; --state 64 MiB)
  --token <token>            accept this bearer token (repeatable); default mock-token
  --token-file <file>        bearer tokens, one per line
  --no-auth                  accept requests without credentials (loopback only, unless the next flag)
  --unsafe-no-auth-on-network  allow --no-auth beyond loopback: anyone who reaches the port can use it
  --admin-token <token>      require Authorization: Bearer <token> on /__admin/ (generated and printed beyond loopback)
  --admin-token-file <file>  the admin token, from a file
  --allowed-host <host:port> another Host the admin surface answers (repeatable)
  --progression <p>          immediate (default), manual, or a delay in ms per transitional state
  --seed <n>                 seed of request ids and behaviour (default 1)
  --max-history <n>          history entries kept per service (default 100000)
  --max-connections <n>      open connections at most (default 256)
  -h, --help                 this text
  --version                  the version
Environment: ZENLAYER_MOCK_ACCESS_KEYS (id:secret,...), ZENLAYER_MOCK_TOKENS (t1,t2,...), ZENLAYER_MOCK_ADMIN_TOKEN.
Admin surface: GET /__admin/state, GET /__admin/history?service=&instanceId=,
POST /__admin/{seed,reset,advance,faults} with Content-Type: application/json.`

/** A mistake on the command line: one line, exit 2, no usage dump. */
class UsageError extends Error {}

interface Parsed extends StartOptions {
  readonly adminTokenGenerated: boolean
  readonly unsafeNoAuth: boolean
}

const VALUE_FLAGS = new Set([
  '--port',
  '--host',
  '--state',
  '--access-key',
  '--access-key-file',
  '--token',
  '--token-file',
  '--admin-token',
  '--admin-token-file',
  '--allowed-host',
  '--progression',
  '--seed',
  '--max-history',
  '--max-connections',
])
const BARE_FLAGS = new Set(['--no-auth', '--unsafe-no-auth-on-network'])
/** Every option, for the "did you mean" of a mistyped one. */
const KNOWN_FLAGS = [...VALUE_FLAGS, ...BARE_FLAGS, '--help', '--version']

/** An admin token beyond loopback has at least this many characters (a generated one has 32). */
export const MIN_ADMIN_TOKEN_LENGTH = 16
/** Key, token and admin-token files are read up to this many bytes. */
export const MAX_KEY_FILE_BYTES = 1024 * 1024
/** A --state file is read up to this many bytes (100,000 instances of a service take a few MiB). */
export const MAX_STATE_FILE_BYTES = 64 * 1024 * 1024

/** Plain decimal: no sign, no leading zero, no hex, octal, binary, exponent, fraction or space. */
const DECIMAL = /^(?:0|[1-9][0-9]*)$/

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  const n = DECIMAL.test(raw) ? Number(raw) : Number.NaN
  if (!(n >= min && n <= max)) {
    throw new UsageError(
      `${flag} must be a whole number from ${min} to ${max}, in plain decimal (got ${JSON.stringify(raw.slice(0, 40))})`,
    )
  }
  return n
}

/**
 * A file's text, read only if it is a regular file (not /dev/zero, a FIFO or
 * a folder) and only up to `maxBytes`; `problem` makes the error of each case.
 */
function readCapped(file: string, maxBytes: number, problem: (why: string) => Error): string {
  let fd: number
  try {
    // Non-blocking: a FIFO opens at once (and is refused below) instead of waiting for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw problem((error as NodeJS.ErrnoException).code ?? 'cannot be read')
  }
  try {
    if (!fstatSync(fd).isFile()) throw problem('not a regular file')
    // Read until the end, never past one byte over the cap, whatever size the file claims (it may grow).
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total))
      let read: number
      try {
        read = readSync(fd, chunk, 0, chunk.length, null)
      } catch (error) {
        throw problem((error as NodeJS.ErrnoException).code ?? 'cannot be read')
      }
      if (read === 0) break
      chunks.push(chunk.subarray(0, read))
      total += read
      if (total > maxBytes) throw problem(`over ${maxBytes} bytes`)
    }
    return Buffer.concat(chunks, total).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

function lines(flag: string, file: string): string[] {
  return readCapped(file, MAX_KEY_FILE_BYTES, (why) => new UsageError(`${flag} ${file}: ${why}`))
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
}

/** The entries of a comma-separated credential variable; set but without any is a mistake. */
function listVariable(name: string, value: string | undefined, example: string): string[] {
  if (value === undefined) return []
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  if (entries.length === 0) throw new UsageError(`${name} is set but empty: give ${example} or unset it`)
  return entries
}

/** Edit distance, for "did you mean": both strings are short (a flag name, at most 40 characters). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    previous = row
  }
  return previous[b.length] as number
}

/** An argument that is no option, named without its value: a mistyped --access-key=id:secret must not print the secret. */
function unknownArgument(arg: string, position: number): UsageError {
  if (!arg.startsWith('-')) return new UsageError(`unexpected argument ${position}: options start with --`)
  const eq = arg.indexOf('=')
  const name = eq > 0 ? arg.slice(0, eq) : arg
  if (!/^--?[A-Za-z0-9][A-Za-z0-9-]{0,39}$/.test(name)) return new UsageError(`unknown option (argument ${position})`)
  const near = KNOWN_FLAGS.filter((f) => distance(name, f) <= 2)
  return new UsageError(`unknown option ${JSON.stringify(name)}${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}`)
}

function accessKey(source: string, entry: string, into: Record<string, string>): void {
  const at = entry.indexOf(':')
  if (at <= 0 || at === entry.length - 1)
    throw new UsageError(`${source} takes <id>:<secret> (an entry has no id or no secret)`)
  into[entry.slice(0, at)] = entry.slice(at + 1)
}

/** Whether any access key secret or token given is one of the published defaults. */
function publishedCredentials(accessKeys: Readonly<Record<string, string>>, tokens: readonly string[]): boolean {
  const secrets = new Set(Object.values(DEFAULT_CREDENTIALS.accessKeys ?? {}))
  const published = new Set(DEFAULT_CREDENTIALS.tokens ?? [])
  return Object.values(accessKeys).some((s) => secrets.has(s)) || tokens.some((t) => published.has(t))
}

function readState(file: string): NonNullable<StartOptions['state']> {
  const text = readCapped(file, MAX_STATE_FILE_BYTES, (why) => new StateError(`--state ${file}: ${why}`))
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new StateError(`--state ${file}: not JSON (${(error as Error).message})`)
  }
  return checkHubState(
    SERVICES.map((s) => s.service),
    parsed,
    file,
  )
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Parsed {
  const accessKeys: Record<string, string> = {}
  const tokens: string[] = []
  const allowedHosts: string[] = []
  const options: { -readonly [K in keyof StartOptions]: StartOptions[K] } = {}
  let adminToken: string | undefined
  /** Where the admin token came from, for the message of a short one. */
  let adminTokenSource = '--admin-token'
  let noAuth = false
  let unsafeNoAuth = false
  let explicitCredentials = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq > 0 ? arg.slice(0, eq) : arg
    let inline = eq > 0 ? arg.slice(eq + 1) : undefined
    if (BARE_FLAGS.has(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`)
    } else if (VALUE_FLAGS.has(flag)) {
      if (inline === undefined) {
        const next = argv[i + 1]
        if (next === undefined || (next.startsWith('--') && next.length > 2))
          throw new UsageError(`${flag} needs a value`)
        inline = next
        i++
      }
    } else {
      throw unknownArgument(arg, i + 1)
    }
    const value = inline ?? ''
    switch (flag) {
      case '--port':
        options.port = wholeNumber('--port', value, 0, 65535)
        break
      case '--host':
        if (value.trim() === '') throw new UsageError('--host needs an address')
        options.host = value
        break
      case '--state':
        options.state = readState(value)
        break
      case '--access-key':
        accessKey('--access-key', value, accessKeys)
        explicitCredentials = true
        break
      case '--access-key-file': {
        const entries = lines(flag, value)
        if (entries.length === 0) throw new UsageError(`--access-key-file ${value} has no access keys`)
        for (const l of entries) accessKey(`--access-key-file ${value}`, l, accessKeys)
        explicitCredentials = true
        break
      }
      case '--token':
        if (value.trim() === '') throw new UsageError('--token must not be empty')
        tokens.push(value)
        explicitCredentials = true
        break
      case '--token-file': {
        const entries = lines(flag, value)
        if (entries.length === 0) throw new UsageError(`--token-file ${value} has no tokens`)
        tokens.push(...entries)
        explicitCredentials = true
        break
      }
      case '--admin-token':
        if (value.trim() === '') throw new UsageError('--admin-token must not be empty')
        adminToken = value
        adminTokenSource = '--admin-token'
        break
      case '--admin-token-file':
        adminToken = lines(flag, value)[0]
        if (!adminToken) throw new UsageError(`--admin-token-file ${value} is empty`)
        adminTokenSource = `the token in --admin-token-file ${value}`
        break
      case '--allowed-host':
        allowedHosts.push(value)
        break
      case '--progression': {
        const progression: ProgressionOption =
          value === 'immediate' || value === 'manual' ? value : wholeNumber('--progression', value, 0, 86_400_000)
        options.progression = progression
        break
      }
      case '--seed':
        options.seed = wholeNumber('--seed', value, 0, 2 ** 32 - 1)
        break
      case '--max-history':
        options.maxHistoryEntries = wholeNumber('--max-history', value, 4, 10_000_000)
        break
      case '--max-connections':
        options.limits = { ...options.limits, maxConnections: wholeNumber('--max-connections', value, 1, 100_000) }
        break
      case '--no-auth':
        noAuth = true
        break
      case '--unsafe-no-auth-on-network':
        unsafeNoAuth = true
        break
    }
  }
  // Credentials from the environment, when the command line gives none; a variable set but empty is a mistake.
  if (!explicitCredentials) {
    for (const entry of listVariable('ZENLAYER_MOCK_ACCESS_KEYS', env.ZENLAYER_MOCK_ACCESS_KEYS, 'id:secret,...')) {
      accessKey('ZENLAYER_MOCK_ACCESS_KEYS', entry, accessKeys)
    }
    tokens.push(...listVariable('ZENLAYER_MOCK_TOKENS', env.ZENLAYER_MOCK_TOKENS, 'token,...'))
  }
  const anyCredentials = Object.keys(accessKeys).length > 0 || tokens.length > 0
  if (noAuth && anyCredentials) {
    throw new UsageError('--no-auth conflicts with --access-key, --token and their files and variables: choose one')
  }
  if (unsafeNoAuth && !noAuth) throw new UsageError('--unsafe-no-auth-on-network only makes sense with --no-auth')
  const host = options.host ?? '127.0.0.1'
  if (noAuth && !isLoopback(host) && !unsafeNoAuth) {
    throw new UsageError(
      `--no-auth on ${host} lets anyone who reaches the port reset and read the mock; add --unsafe-no-auth-on-network if that is what you want`,
    )
  }
  // The defaults are published (the READMEs and examples use them): beyond loopback they are no credentials at all.
  if (!noAuth && !isLoopback(host) && (!anyCredentials || publishedCredentials(accessKeys, tokens))) {
    throw new UsageError(
      `--host ${host} is beyond loopback, where the published default credentials (${Object.keys(DEFAULT_CREDENTIALS.accessKeys ?? {}).join(', ')}, ${(DEFAULT_CREDENTIALS.tokens ?? []).join(', ')}) are refused: give your own with --access-key or --token, their files or variables`,
    )
  }
  if (adminToken === undefined && env.ZENLAYER_MOCK_ADMIN_TOKEN !== undefined) {
    if (env.ZENLAYER_MOCK_ADMIN_TOKEN.trim() === '')
      throw new UsageError('ZENLAYER_MOCK_ADMIN_TOKEN is set but empty: give a token or unset it')
    adminToken = env.ZENLAYER_MOCK_ADMIN_TOKEN
    adminTokenSource = 'ZENLAYER_MOCK_ADMIN_TOKEN'
  }
  if (adminToken !== undefined && !isLoopback(host) && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new UsageError(
      `${adminTokenSource} must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters beyond loopback (on ${host}); leave it out and one is generated`,
    )
  }
  const generated = adminToken === undefined && !isLoopback(host)
  if (generated) adminToken = randomBytes(24).toString('base64url')
  const credentials: MockCredentials = anyCredentials ? { accessKeys, tokens } : DEFAULT_CREDENTIALS
  return {
    ...options,
    ...(noAuth ? { auth: false } : {}),
    credentials,
    ...(adminToken ? { adminToken } : {}),
    ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
    adminTokenGenerated: generated,
    unsafeNoAuth,
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

/** A listen error as one line with what to do. */
function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === 'EADDRINUSE')
    return `port ${port} on ${host} is in use; choose another with --port <n>, or --port 0 for a free one`
  if (error.code === 'EACCES')
    return `no permission to listen on port ${port} (ports below 1024 need privileges); try --port 8787 or --port 0`
  if (
    error.code === 'EADDRNOTAVAIL' ||
    error.code === 'ENOTFOUND' ||
    error.code === 'EAI_AGAIN' ||
    error.code === 'EINVAL'
  ) {
    return `cannot listen on ${host}: no such address on this machine (${error.code}); try --host 127.0.0.1`
  }
  return `cannot start: ${error.message}`
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE)
    return 0
  }
  if (argv.includes('--version')) {
    console.log(`zenlayer-mock ${version()}`)
    return 0
  }
  let options: Parsed
  try {
    options = parseArgs(argv, env)
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`zenlayer-mock: ${error.message}\nRun zenlayer-mock --help for the options.`)
      return 2
    }
    if (error instanceof StateError) {
      console.error(`zenlayer-mock: ${error.message}`)
      return 2
    }
    throw error
  }
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? 8787
  let running: Awaited<ReturnType<typeof startMockServer>>
  try {
    running = await startMockServer(options)
  } catch (error) {
    console.error(`zenlayer-mock: ${listenProblem(error as NodeJS.ErrnoException, host, port)}`)
    return 1
  }
  // Handlers first, then the line that tells the world it may send them.
  const stopped = new Promise<void>((resolve) => {
    let stopping = false
    const stop = (why: string) => {
      // Once: Ctrl-C in a terminal reaches this process twice when the command started it as a child.
      if (stopping) return
      stopping = true
      console.log(`zenlayer-mock: ${why}, stopping`)
      running.close().then(resolve, resolve)
    }
    process.on('SIGINT', () => stop('SIGINT'))
    process.on('SIGTERM', () => stop('SIGTERM'))
    // Started by the command's wrapper over IPC: when that process goes (even killed), so does the server.
    if (process.send) {
      process.on('disconnect', () => stop('the starting process went away'))
      // The channel alone must not keep the server's process alive once it has stopped.
      process.channel?.unref()
    }
  })
  const creds = options.credentials ?? DEFAULT_CREDENTIALS
  if (options.auth === false)
    console.log(`auth: off${options.unsafeNoAuth ? ` (on ${host}: anyone who reaches the port can use the mock)` : ''}`)
  else
    console.log(
      `auth: access keys ${Object.keys(creds.accessKeys ?? {}).join(', ') || 'none'}; ${creds.tokens?.length ?? 0} token(s)`,
    )
  if (!isLoopback(host)) console.log(`WARNING: listening on ${host}, beyond this machine`)
  if (options.adminTokenGenerated) console.log(`admin token (required on /__admin/): ${options.adminToken}`)
  else if (options.adminToken) console.log('admin: token required on /__admin/')
  console.log(
    `zenlayer-mock listening on ${running.url} (${SERVICES.map(({ service }) => `${service.name} ${service.path}`).join(', ')}, admin /__admin/)`,
  )
  await stopped
  if (process.connected) process.disconnect()
  return 0
}
