// `zenlayer-reset <service> <action> [flags]`: finds the command in the
// tables, then hands it to the fleet or the call runner. Kept light: help and
// usage errors load no client, no validator and no zod (the runners are
// imported only when a command runs).
import { parseArgv } from './argv.js'
import { CliError, EXIT } from './exit-codes.js'
import { GLOBAL_FLAGS, parseAction } from './flags.js'
import { actionHelp, PROGRAM, serviceHelp, topHelp } from './help.js'
import { type Io, nodeIo } from './io.js'
import { readManifest } from './manifest.js'
import type { ServiceCommands, ServiceIndex } from './table.js'

/** The first two words that are not flags, nor values of a common flag: the service and the action. */
function words(argv: readonly string[]): { positions: number[] } {
  const valued = new Set(
    GLOBAL_FLAGS.filter((f) => f.type === 'value').flatMap((f) => [`--${f.name}`, f.short ? `-${f.short}` : '']),
  )
  const positions: number[] = []
  for (let i = 0; i < argv.length && positions.length < 2; i++) {
    const arg = argv[i] as string
    if (arg === '--') break
    if (valued.has(arg)) {
      i++
      continue
    }
    if (arg.startsWith('-')) continue
    positions.push(i)
  }
  return { positions }
}

async function all(services: ServiceIndex): Promise<ServiceCommands[]> {
  return Promise.all(
    Object.keys(services)
      .sort()
      .map((name) => (services[name] as () => Promise<ServiceCommands>)()),
  )
}

export interface MainOptions {
  /** The process by default. */
  readonly io?: Io
  /** The generated package's package.json, whose name and version `--version` prints. */
  readonly manifest?: URL
}

export async function main(
  services: ServiceIndex,
  argv: readonly string[],
  options: MainOptions = {},
): Promise<number> {
  const io = options.io ?? nodeIo()
  try {
    return await dispatch(services, argv, io, options.manifest)
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${PROGRAM}: ${error.message}\n`)
      return error.exitCode
    }
    // Not expected; the message only (the runtimes' messages hold no secret), never a stack.
    io.stderr.write(`${PROGRAM}: unexpected error: ${(error as Error)?.message ?? String(error)}\n`)
    return EXIT.failed
  }
}

/** Only before any command: a request field named `version` keeps its flag. */
const VERSION_FLAG = { name: 'version', type: 'switch' } as const

async function dispatch(services: ServiceIndex, argv: readonly string[], io: Io, manifest: URL | undefined) {
  const { positions } = words(argv)
  const serviceAt = positions[0]
  const name = serviceAt === undefined ? undefined : argv[serviceAt]
  if (name === undefined) {
    const parsed = parseArgv(argv, [...GLOBAL_FLAGS, VERSION_FLAG])
    if (parsed.get('version') === true) {
      const pkg = readManifest(manifest)
      if (!pkg) throw new CliError(EXIT.config, 'cannot tell its version: its package.json is unreadable')
      io.stdout.write(`${pkg.name} ${pkg.version}\n`)
      return EXIT.ok
    }
    const text = topHelp(await all(services))
    if (parsed.get('help') === true) {
      io.stdout.write(text)
      return EXIT.ok
    }
    io.stderr.write(text)
    return EXIT.usage
  }
  if (name === 'completion') {
    const shell = positions[1] === undefined ? undefined : argv[positions[1]]
    const script = shell ? (await import('./completion.js')).completion(shell, await all(services)) : undefined
    if (!script) throw new CliError(EXIT.usage, 'completion needs a shell: bash, zsh or fish')
    io.stdout.write(script)
    return EXIT.ok
  }
  const load = Object.hasOwn(services, name) ? services[name] : undefined
  if (!load)
    throw new CliError(
      EXIT.usage,
      `unknown service ${JSON.stringify(name)}; services: ${Object.keys(services).sort().join(', ')}`,
    )
  const table = await load()
  const actionAt = positions[1]
  const command = actionAt === undefined ? undefined : argv[actionAt]
  const rest = argv.filter((_, i) => i !== serviceAt && i !== actionAt)
  if (command === undefined) {
    const parsed = parseArgv(rest, GLOBAL_FLAGS)
    if (parsed.get('help') === true) {
      io.stdout.write(serviceHelp(table))
      return EXIT.ok
    }
    io.stderr.write(serviceHelp(table))
    return EXIT.usage
  }
  const cmd = table.actions.find((a) => a.command === command)
  if (!cmd)
    throw new CliError(
      EXIT.usage,
      `unknown action ${JSON.stringify(command)} of ${table.service}; actions: ${table.actions.map((a) => a.command).join(', ')}`,
    )
  const parsed = parseAction(cmd, rest)
  if (parsed.get('help') === true) {
    io.stdout.write(actionHelp(table, cmd))
    return EXIT.ok
  }
  if (cmd.fleet) return (await import('./run-fleet.js')).runFleet(table, cmd, parsed, io)
  return (await import('./run-call.js')).runCall(table, cmd, parsed, io)
}
