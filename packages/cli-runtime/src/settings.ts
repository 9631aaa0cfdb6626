// Credentials, profile and output format. The same environment variables as
// the client (the spec's, ZENLAYERCLOUD_SECRET_KEY_ID and _PASSWORD), and the
// vendor CLI's (`zeno`) profile files and variables, so that a zeno user
// needs no new setup: ~/.zenlayer/credentials.json ({"<profile>":
// {"access_key_id", "access_key_secret"} or {"token"}}) and config.json
// ({"current_profile", "profiles": {"<name>": {"output"}}}). Nothing read
// here is ever printed but the access key id.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Credentials } from '@zenlayer-reset/client-runtime'
import type { Parsed } from './argv.js'
import { CliError, EXIT, usage } from './exit-codes.js'
import type { Io } from './io.js'

export type OutputFormat = 'table' | 'json'

export interface Settings {
  readonly credentials: Credentials
  /** What the confirmation and the plan name: the access key id, or "a bearer token". */
  readonly account: string
  readonly baseUrl: string | undefined
  readonly output: OutputFormat
  readonly debug: boolean
}

/** The variables the spec names for the access key (x-zc-signing credentialsFromEnv). */
export interface EnvNames {
  readonly envAccessKeyId: string
  readonly envAccessKeySecret: string
}

const MAX_PROFILE_FILE_BYTES = 1024 * 1024

/** The output format alone: it is needed before the service loads (and for a usage error's format). */
export function outputOf(parsed: Parsed, io: Io): OutputFormat {
  const given = parsed.get('output') ?? io.env.ZENLAYER_OUTPUT ?? profileConfig(io)?.output
  if (given === undefined) return io.stdout.isTTY ? 'table' : 'json'
  if (given !== 'json' && given !== 'table') throw usage(`--output must be json or table`)
  return given
}

export function resolveSettings(parsed: Parsed, io: Io, names: EnvNames): Settings {
  const output = outputOf(parsed, io)
  const endpoint = parsed.get('endpoint')
  return {
    ...credentialsOf(parsed, io, names),
    baseUrl: typeof endpoint === 'string' ? endpoint : undefined,
    output,
    debug: parsed.get('debug') === true,
  }
}

function configDir(io: Io): string {
  return io.env.ZENLAYER_CONFIG_DIR ?? join(io.home, '.zenlayer')
}

function readJson(io: Io, file: string): unknown {
  if (!existsSync(file)) return undefined
  let text: string
  try {
    text = io.readFile(file, MAX_PROFILE_FILE_BYTES, 'profile')
  } catch (error) {
    throw new CliError(EXIT.config, `${file}: ${(error as Error).message.replace(/^--profile: /, '')}`)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new CliError(EXIT.config, `${file} is not valid JSON`)
  }
}

function profileConfig(io: Io): { output?: string } | undefined {
  const config = readJson(io, join(configDir(io), 'config.json')) as
    | { current_profile?: unknown; profiles?: Record<string, { output?: unknown }> }
    | undefined
  const name = profileName(io, config)
  const output = config?.profiles?.[name]?.output
  return typeof output === 'string' ? { output } : undefined
}

function profileName(io: Io, config: { current_profile?: unknown } | undefined, given?: string): string {
  if (given) return given
  if (io.env.ZENLAYER_PROFILE) return io.env.ZENLAYER_PROFILE
  return typeof config?.current_profile === 'string' && config.current_profile !== ''
    ? config.current_profile
    : 'default'
}

function credentialsOf(parsed: Parsed, io: Io, names: EnvNames): { credentials: Credentials; account: string } {
  const flag = parsed.get('profile')
  const given = typeof flag === 'string' ? flag : undefined
  // An explicit --profile wins; then the variables; then the profile files.
  if (!given) {
    const fromEnv =
      pair(io.env[names.envAccessKeyId], io.env[names.envAccessKeySecret]) ??
      pair(io.env.ZENLAYER_ACCESS_KEY_ID, io.env.ZENLAYER_ACCESS_KEY_SECRET) ??
      token(io.env.ZENLAYER_TOKEN)
    if (fromEnv) return fromEnv
  }
  const dir = configDir(io)
  const config = readJson(io, join(dir, 'config.json')) as { current_profile?: unknown } | undefined
  const name = profileName(io, config, given)
  const file = join(dir, 'credentials.json')
  const all = readJson(io, file) as Record<string, Record<string, unknown>> | undefined
  const profile = all && typeof all === 'object' ? all[name] : undefined
  if (profile && typeof profile === 'object') {
    const found =
      pair(profile.access_key_id as string | undefined, profile.access_key_secret as string | undefined) ??
      token(profile.token as string | undefined)
    if (found) return found
    throw new CliError(EXIT.config, `profile ${JSON.stringify(name)} in ${file} has no access key or token`)
  }
  if (given) throw new CliError(EXIT.config, `no profile ${JSON.stringify(name)} in ${file}`)
  throw new CliError(
    EXIT.config,
    `no credentials: set ${names.envAccessKeyId} and ${names.envAccessKeySecret}, or ZENLAYER_TOKEN, or a profile in ${file} (zeno configure writes one)`,
  )
}

function pair(id: string | undefined, secret: string | undefined) {
  return typeof id === 'string' && id !== '' && typeof secret === 'string' && secret !== ''
    ? { credentials: { accessKeyId: id, accessKeySecret: secret }, account: `access key ${id}` }
    : undefined
}

function token(value: string | undefined) {
  return typeof value === 'string' && value !== ''
    ? { credentials: { token: value }, account: 'a bearer token' }
    : undefined
}
