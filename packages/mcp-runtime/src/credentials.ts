// Credentials come from the server's environment (what the MCP client set for
// it) or the vendor CLI's profile files, never from a tool's input. The order:
// an explicit --profile; else the spec's variables (ZENLAYERCLOUD_SECRET_KEY_ID
// and _PASSWORD), ZENLAYER_ACCESS_KEY_ID and _SECRET, ZENLAYER_TOKEN; else the
// vendor CLI's current profile: ~/.zenlayer/credentials.json ({"<profile>":
// {"access_key_id", "access_key_secret"} or {"token"}}) and config.json
// ({"current_profile"}), ZENLAYER_CONFIG_DIR and ZENLAYER_PROFILE as it reads
// them. Nothing read here is ever printed but the access key id. (The CLI's
// runtime has the same reader; kept apart until both settle.)
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Credentials, EnvCredentialNames } from '@zenlayer-reset/client-runtime'
import { ToolRefusal } from './errors.js'

export type Env = Readonly<Record<string, string | undefined>>

export interface CredentialsContext {
  readonly env: Env
  readonly home: string
  readonly profile: string | undefined
}

const MAX_PROFILE_FILE_BYTES = 1024 * 1024

export function credentialsFor(ctx: CredentialsContext, names: EnvCredentialNames): Credentials {
  if (!ctx.profile) {
    const fromEnv =
      pair(ctx.env[names.envAccessKeyId], ctx.env[names.envAccessKeySecret]) ??
      pair(ctx.env.ZENLAYER_ACCESS_KEY_ID, ctx.env.ZENLAYER_ACCESS_KEY_SECRET) ??
      token(ctx.env.ZENLAYER_TOKEN)
    if (fromEnv) return fromEnv
  }
  const dir = ctx.env.ZENLAYER_CONFIG_DIR || join(ctx.home, '.zenlayer')
  const config = readJson(join(dir, 'config.json')) as { current_profile?: unknown } | undefined
  const name =
    ctx.profile ||
    ctx.env.ZENLAYER_PROFILE ||
    (typeof config?.current_profile === 'string' && config.current_profile !== '' ? config.current_profile : 'default')
  const file = join(dir, 'credentials.json')
  const all = readJson(file) as Record<string, Record<string, unknown> | undefined> | undefined
  const profile = all && typeof all === 'object' ? all[name] : undefined
  if (profile && typeof profile === 'object') {
    const found =
      pair(profile.access_key_id as string | undefined, profile.access_key_secret as string | undefined) ??
      token(profile.token as string | undefined)
    if (found) return found
    throw new ToolRefusal('NO_CREDENTIALS', `profile ${JSON.stringify(name)} in ${file} has no access key or token`)
  }
  if (ctx.profile) throw new ToolRefusal('NO_CREDENTIALS', `no profile ${JSON.stringify(name)} in ${file}`)
  throw new ToolRefusal(
    'NO_CREDENTIALS',
    `no credentials: the server's environment sets neither ${names.envAccessKeyId} and ${names.envAccessKeySecret}, nor ZENLAYER_TOKEN, and ${file} has no profile ${JSON.stringify(name)}`,
  )
}

/** A JSON file of at most 1 MiB, undefined when absent; a bad one is a refusal naming the file. */
function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined
  let text: string
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new ToolRefusal('NO_CREDENTIALS', `${file} is not a regular file`)
    if (stat.size > MAX_PROFILE_FILE_BYTES) throw new ToolRefusal('NO_CREDENTIALS', `${file} is over 1 MiB`)
    const fd = openSync(file, 'r')
    try {
      const buffer = Buffer.alloc(stat.size)
      const read = readSync(fd, buffer, 0, stat.size, 0)
      text = buffer.subarray(0, read).toString('utf8')
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    if (error instanceof ToolRefusal) throw error
    throw new ToolRefusal('NO_CREDENTIALS', `${file} cannot be read`)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new ToolRefusal('NO_CREDENTIALS', `${file} is not valid JSON`)
  }
}

function pair(id: string | undefined, secret: string | undefined): Credentials | undefined {
  return typeof id === 'string' && id !== '' && typeof secret === 'string' && secret !== ''
    ? { accessKeyId: id, accessKeySecret: secret }
    : undefined
}

function token(value: string | undefined): Credentials | undefined {
  return typeof value === 'string' && value !== '' ? { token: value } : undefined
}

/** The secrets of credentials, to scrub from anything the server says. */
export function credentialSecrets(credentials: Credentials): string[] {
  return 'token' in credentials ? [credentials.token] : [credentials.accessKeySecret]
}
