import { MissingCredentialsError } from './errors.js'

/** An access key (signed requests) or a bearer token. */
export type Credentials =
  | { readonly accessKeyId: string; readonly accessKeySecret: string }
  | { readonly token: string }

/** Credentials, or something that gives them when a request is made. */
export type CredentialsSource = Credentials | (() => Credentials | Promise<Credentials>)

/** The environment variables holding an access key: the spec's (x-zc-signing credentialsFromEnv). */
export interface EnvCredentialNames {
  readonly envAccessKeyId: string
  readonly envAccessKeySecret: string
}

/**
 * Reads the access key from the environment variables the spec names (for
 * Zenlayer: ZENLAYERCLOUD_SECRET_KEY_ID and ZENLAYERCLOUD_SECRET_KEY_PASSWORD,
 * as the vendor's SDKs read them). Read when a request is made, so a missing
 * variable fails that call, not the import. Generated clients export it bound
 * to their spec as `fromEnv()`, and use it when no credentials are given.
 */
export function envCredentials(names: EnvCredentialNames, env?: Record<string, string | undefined>): () => Credentials {
  return () => {
    const vars = env ?? (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {}
    const accessKeyId = vars[names.envAccessKeyId]
    const accessKeySecret = vars[names.envAccessKeySecret]
    if (!accessKeyId || !accessKeySecret) {
      throw new MissingCredentialsError(
        `no credentials were given and ${names.envAccessKeyId} and ${names.envAccessKeySecret} are not both set`,
      )
    }
    return { accessKeyId, accessKeySecret }
  }
}

/** Printable ASCII without spaces: what a header can carry, and all a key id or token ever is. */
const HEADER_SAFE = /^[\x21-\x7e]+$/

/**
 * Why `value` is not usable credentials, or undefined when it is. Never
 * quotes the value: it may be the secret itself (a token passed bare).
 */
export function credentialsProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') {
    return 'must be { accessKeyId, accessKeySecret }, { token } or a function giving either'
  }
  const c = value as Record<string, unknown>
  if ('token' in c) {
    if (typeof c.token !== 'string' || c.token === '') return 'has a token that is not a non-empty string'
    if (!HEADER_SAFE.test(c.token)) return 'has a token with spaces or characters a header cannot carry'
    return undefined
  }
  if (typeof c.accessKeyId !== 'string' || c.accessKeyId === '') return 'has no access key id (a non-empty string)'
  if (!HEADER_SAFE.test(c.accessKeyId)) return 'has an access key id with spaces or characters a header cannot carry'
  if (typeof c.accessKeySecret !== 'string' || c.accessKeySecret === '') {
    return 'has no access key secret (a non-empty string)'
  }
  return undefined
}

export async function resolveCredentials(source: CredentialsSource | undefined): Promise<Credentials> {
  if (source === undefined)
    throw new MissingCredentialsError(
      'pass credentials to the client (an access key, a token, or a function giving either)',
    )
  const creds: unknown = typeof source === 'function' ? await source() : source
  const problem = credentialsProblem(creds)
  if (problem) throw new MissingCredentialsError(`the credentials ${problem}`)
  return creds as Credentials
}
