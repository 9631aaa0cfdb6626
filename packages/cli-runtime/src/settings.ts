// Credentials, profile and output format. The same environment variables as
// the client (the spec's, ZENLAYERCLOUD_SECRET_KEY_ID and _PASSWORD), and the
// vendor CLI's (`zeno`) profile files and variables, so that a zeno user
// needs no new setup: read by @zenlayer-reset/client-runtime/profile, which
// the MCP server shares; here, what a problem means (exit 4) and the
// message when there is nothing. Nothing read is ever printed but the
// access key id.
import type { Credentials, EnvCredentialNames } from '@zenlayer-reset/client-runtime'
import {
  ProfileError,
  type ProfileSource,
  profileCredentials,
  profileOutput,
  VENDOR_ENV,
} from '@zenlayer-reset/client-runtime/profile'
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
export type EnvNames = EnvCredentialNames

/** The output format alone: it is needed before the service loads (and for a usage error's format). */
export function outputOf(parsed: Parsed, io: Io): OutputFormat {
  const given = parsed.get('output') ?? io.env.ZENLAYER_OUTPUT ?? fromProfile(() => profileOutput(source(io, parsed)))
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

/** Where the profile is read: the environment, the home, and --profile when given. */
function source(io: Io, parsed: Parsed): ProfileSource {
  const flag = parsed.get('profile')
  return { env: io.env, home: io.home, profile: typeof flag === 'string' ? flag : undefined }
}

/** A profile file or profile that cannot be used: configuration, exit 4. */
function fromProfile<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof ProfileError) throw new CliError(EXIT.config, error.message)
    throw error
  }
}

function credentialsOf(parsed: Parsed, io: Io, names: EnvNames): { credentials: Credentials; account: string } {
  // An explicit --profile wins; then the variables; then the profile files.
  const found = fromProfile(() => profileCredentials(source(io, parsed), names))
  if (!found.found)
    throw new CliError(
      EXIT.config,
      `no credentials: set ${names.envAccessKeyId} and ${names.envAccessKeySecret}, or ${VENDOR_ENV.token}, or a profile in ${found.file} (zeno configure writes one)`,
    )
  const { credentials } = found
  return { credentials, account: 'token' in credentials ? 'a bearer token' : `access key ${credentials.accessKeyId}` }
}
