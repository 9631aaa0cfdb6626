import { MissingCredentialsError } from './errors.js'

/** An access key (signed requests) or a bearer token. */
export type Credentials =
  | { readonly accessKeyId: string; readonly accessKeySecret: string }
  | { readonly token: string }

/** Credentials, or something that gives them when a request is made. */
export type CredentialsSource = Credentials | (() => Credentials | Promise<Credentials>)

/**
 * Reads the access key from the environment, as the vendor's Go SDK does:
 * ZENLAYERCLOUD_SECRET_KEY_ID and ZENLAYERCLOUD_SECRET_KEY_PASSWORD. Read when a
 * request is made, so a missing variable fails that call, not the import.
 */
export function fromEnv(env?: Record<string, string | undefined>): () => Credentials {
  return () => {
    const vars = env ?? (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {}
    const accessKeyId = vars.ZENLAYERCLOUD_SECRET_KEY_ID
    const accessKeySecret = vars.ZENLAYERCLOUD_SECRET_KEY_PASSWORD
    if (!accessKeyId || !accessKeySecret) {
      throw new MissingCredentialsError('set ZENLAYERCLOUD_SECRET_KEY_ID and ZENLAYERCLOUD_SECRET_KEY_PASSWORD')
    }
    return { accessKeyId, accessKeySecret }
  }
}

export async function resolveCredentials(source: CredentialsSource | undefined): Promise<Credentials> {
  if (source === undefined)
    throw new MissingCredentialsError('pass credentials to the client (an access key, a token, or fromEnv())')
  const creds = typeof source === 'function' ? await source() : source
  if ('token' in creds) {
    if (!creds.token) throw new MissingCredentialsError('the bearer token is empty')
    return creds
  }
  if (!creds.accessKeyId || !creds.accessKeySecret)
    throw new MissingCredentialsError('the access key id or secret is empty')
  return creds
}
