// Credentials come from the server's environment (what the MCP client set for
// it) or the vendor CLI's profile files, never from a tool's input. Read by
// @zenlayer-reset/client-runtime/profile, which the command line shares (the
// order: an explicit --profile; else the spec's variables, the vendor CLI's,
// ZENLAYER_TOKEN; else the vendor CLI's current profile); here, what a
// problem becomes (a refusal of the call) and the message when there is
// nothing. Nothing read is ever printed but the access key id.
import type { Credentials, EnvCredentialNames } from '@zenlayer-reset/client-runtime'
import { ProfileError, profileCredentials, VENDOR_ENV } from '@zenlayer-reset/client-runtime/profile'
import { ToolRefusal } from './errors.js'

export type Env = Readonly<Record<string, string | undefined>>

export interface CredentialsContext {
  readonly env: Env
  readonly home: string
  readonly profile: string | undefined
}

export function credentialsFor(ctx: CredentialsContext, names: EnvCredentialNames): Credentials {
  let found: ReturnType<typeof profileCredentials>
  try {
    found = profileCredentials(ctx, names)
  } catch (error) {
    if (error instanceof ProfileError) throw new ToolRefusal('NO_CREDENTIALS', error.message)
    throw error
  }
  if (found.found) return found.credentials
  throw new ToolRefusal(
    'NO_CREDENTIALS',
    `no credentials: the server's environment sets neither ${names.envAccessKeyId} and ${names.envAccessKeySecret}, nor ${VENDOR_ENV.token}, and ${found.file} has no profile ${JSON.stringify(found.profile)}`,
  )
}

/** The secrets of credentials, to scrub from anything the server says. */
export function credentialSecrets(credentials: Credentials): string[] {
  return 'token' in credentials ? [credentials.token] : [credentials.accessKeySecret]
}
