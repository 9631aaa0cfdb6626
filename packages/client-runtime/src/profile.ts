// Credentials for a program on an operator's machine (the command line, the
// MCP server): the spec's variables, the vendor CLI's (`zeno`) variables, or
// its profile files, so a zeno user needs no new setup. Node only, and a
// subpath of its own (`@zenlayer-reset/client-runtime/profile`): the client
// itself never reads a file, and a browser bundle never pulls this in.
//
// The order: an explicit profile name wins; else the spec's variables
// (x-zc-signing credentialsFromEnv: ZENLAYERCLOUD_SECRET_KEY_ID and _PASSWORD),
// ZENLAYER_ACCESS_KEY_ID and _SECRET, ZENLAYER_TOKEN; else the vendor CLI's
// current profile: <dir>/credentials.json ({"<profile>": {"access_key_id",
// "access_key_secret"} or {"token"}}) and <dir>/config.json
// ({"current_profile", "profiles": {"<name>": {"output"}}}), where <dir> is
// ZENLAYER_CONFIG_DIR or ~/.zenlayer, and ZENLAYER_PROFILE names the profile
// as zeno reads it. No message built here holds anything read from a file
// or a variable but a profile name, a file path and an access key id.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import type { Credentials, EnvCredentialNames } from './credentials.js'

/** The vendor CLI's own variables, read after the spec's. */
export const VENDOR_ENV = {
  accessKeyId: 'ZENLAYER_ACCESS_KEY_ID',
  accessKeySecret: 'ZENLAYER_ACCESS_KEY_SECRET',
  token: 'ZENLAYER_TOKEN',
  profile: 'ZENLAYER_PROFILE',
  configDir: 'ZENLAYER_CONFIG_DIR',
} as const

/** A profile file that is there but cannot be used; the message names the file and never quotes its content. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError'
}

export interface ProfileSource {
  readonly env: Readonly<Record<string, string | undefined>>
  /** The user's home: the profile folder is <home>/.zenlayer unless ZENLAYER_CONFIG_DIR says otherwise. */
  readonly home: string
  /** A profile named by the user (--profile): it beats the variables, and must exist. */
  readonly profile?: string | undefined
}

export type ProfileCredentials =
  | { readonly found: true; readonly credentials: Credentials }
  /** Nothing anywhere: the caller says what to set, in its own words. */
  | { readonly found: false; readonly file: string; readonly profile: string }

export const MAX_PROFILE_FILE_BYTES = 1024 * 1024

export function profileDir(source: Pick<ProfileSource, 'env' | 'home'>): string {
  return source.env[VENDOR_ENV.configDir] || join(source.home, '.zenlayer')
}

/** The credentials from the variables or the profile files; a ProfileError when a file or profile is unusable. */
export function profileCredentials(source: ProfileSource, names: EnvCredentialNames): ProfileCredentials {
  const { env } = source
  if (!source.profile) {
    const fromEnv =
      pair(env[names.envAccessKeyId], env[names.envAccessKeySecret]) ??
      pair(env[VENDOR_ENV.accessKeyId], env[VENDOR_ENV.accessKeySecret]) ??
      token(env[VENDOR_ENV.token])
    if (fromEnv) return { found: true, credentials: fromEnv }
  }
  const dir = profileDir(source)
  const name = profileName(source, readJsonFile(join(dir, 'config.json')))
  const file = join(dir, 'credentials.json')
  const all = readJsonFile(file)
  const profile = isObject(all) && Object.hasOwn(all, name) ? all[name] : undefined
  if (isObject(profile)) {
    const found = pair(profile.access_key_id, profile.access_key_secret) ?? token(profile.token)
    if (found) return { found: true, credentials: found }
    throw new ProfileError(`profile ${JSON.stringify(name)} in ${file} has no access key or token`)
  }
  if (source.profile) throw new ProfileError(`no profile ${JSON.stringify(name)} in ${file}`)
  return { found: false, file, profile: name }
}

/** The profile's output format (config.json `profiles.<name>.output`), when it sets one. */
export function profileOutput(source: ProfileSource): string | undefined {
  const config = readJsonFile(join(profileDir(source), 'config.json'))
  const profiles = isObject(config) ? config.profiles : undefined
  const name = profileName(source, config)
  const profile = isObject(profiles) && Object.hasOwn(profiles, name) ? profiles[name] : undefined
  const output = isObject(profile) ? profile.output : undefined
  return typeof output === 'string' ? output : undefined
}

function profileName(source: ProfileSource, config: unknown): string {
  if (source.profile) return source.profile
  const fromEnv = source.env[VENDOR_ENV.profile]
  if (fromEnv) return fromEnv
  const current = isObject(config) ? config.current_profile : undefined
  return typeof current === 'string' && current !== '' ? current : 'default'
}

/**
 * A JSON file of at most 1 MiB, undefined when absent. Opened once and
 * checked on the open descriptor: a FIFO or /dev/zero in its place is
 * refused, never waited on or read without end.
 */
export function readJsonFile(file: string): unknown {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw new ProfileError(`${file} cannot be read (${code ?? 'unreadable'})`)
  }
  let text: string
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new ProfileError(`${file} is not a regular file`)
    if (stat.size > MAX_PROFILE_FILE_BYTES) throw new ProfileError(`${file} is over 1 MiB`)
    const buffer = Buffer.alloc(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read)
      if (n === 0) break
      read += n
    }
    text = buffer.subarray(0, read).toString('utf8')
  } catch (error) {
    if (error instanceof ProfileError) throw error
    throw new ProfileError(`${file} cannot be read (${(error as { code?: string }).code ?? 'unreadable'})`)
  } finally {
    closeSync(fd)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new ProfileError(`${file} is not valid JSON`)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function pair(id: unknown, secret: unknown): Credentials | undefined {
  return typeof id === 'string' && id !== '' && typeof secret === 'string' && secret !== ''
    ? { accessKeyId: id, accessKeySecret: secret }
    : undefined
}

function token(value: unknown): Credentials | undefined {
  return typeof value === 'string' && value !== '' ? { token: value } : undefined
}
