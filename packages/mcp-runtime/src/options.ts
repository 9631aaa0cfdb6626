// The limits an operator sets when starting the server. Read once, checked
// whole: a mistake is one line naming the flag and the rule (exit 2), and a
// value is never echoed (a mistyped flag may carry a secret).
import { UsageError } from './errors.js'

export interface ServerOptions {
  /** Only read-only tools (status queries) are listed and callable. */
  readonly readOnly: boolean
  /** The services served; undefined: every one. */
  readonly services: readonly string[] | undefined
  /** The most instance ids one call may name (refused above it, before any plan). */
  readonly maxInstances: number
  /** The API's base URL: https, or plain http to a loopback host only. */
  readonly endpoint: string | undefined
  /** How long a confirmation token (and an elicitation) stays usable. */
  readonly confirmMinutes: number
  /** How long a reset tool follows its fleet before reporting the rest as pending. */
  readonly maxWaitSeconds: number
  /** The vendor CLI profile to read credentials from (else its current one, after the variables). */
  readonly profile: string | undefined
  readonly help: boolean
  readonly version: boolean
}

export const DEFAULT_MAX_INSTANCES = 100
export const DEFAULT_CONFIRM_MINUTES = 10
export const DEFAULT_MAX_WAIT_SECONDS = 3600

const LIMITS = {
  'max-instances': [1, 100_000],
  'confirm-minutes': [1, 1440],
  'max-wait-seconds': [1, 2_592_000],
} as const

const VALUED = ['services', 'max-instances', 'endpoint', 'confirm-minutes', 'max-wait-seconds', 'profile'] as const
const BARE = ['read-only', 'help', 'version'] as const

export const USAGE = `usage: zenlayer-reset-mcp [options]   (an MCP server over stdio)
  --read-only              list and run only the read-only tools (status queries)
  --services a,b           serve only these services (default: every one)
  --max-instances N        refuse a call naming more than N instances (default ${DEFAULT_MAX_INSTANCES})
  --endpoint URL           the API's base URL: https, or plain http to a loopback host (zenlayer-mock)
  --confirm-minutes M      how long a confirmation token stays usable (default ${DEFAULT_CONFIRM_MINUTES})
  --max-wait-seconds S     how long a reset follows its fleet (default ${DEFAULT_MAX_WAIT_SECONDS})
  --profile NAME           the vendor CLI profile (~/.zenlayer/credentials.json) to take credentials from
  --version                the package and its version, then exit
Credentials come from the environment (the spec's variables, ZENLAYER_ACCESS_KEY_ID/_SECRET or
ZENLAYER_TOKEN) or the vendor CLI's profile files; never from a tool's input.`

export function parseOptions(argv: readonly string[], known: readonly string[]): ServerOptions {
  const values = new Map<string, string>()
  const flags = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument at position ${i + 1}: options start with --`)
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if ((BARE as readonly string[]).includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`)
      flags.add(name)
      continue
    }
    if (!(VALUED as readonly string[]).includes(name))
      throw new UsageError(`unknown option ${JSON.stringify(`--${name}`)} (--help lists them)`)
    if (values.has(name)) throw new UsageError(`--${name} is given twice`)
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value`)
    values.set(name, value)
  }
  return {
    readOnly: flags.has('read-only'),
    services: servicesOf(values.get('services'), known),
    maxInstances: whole(values, 'max-instances', DEFAULT_MAX_INSTANCES),
    endpoint: endpointOf(values.get('endpoint')),
    confirmMinutes: whole(values, 'confirm-minutes', DEFAULT_CONFIRM_MINUTES),
    maxWaitSeconds: whole(values, 'max-wait-seconds', DEFAULT_MAX_WAIT_SECONDS),
    profile: values.get('profile'),
    help: flags.has('help'),
    version: flags.has('version'),
  }
}

function whole(values: Map<string, string>, name: keyof typeof LIMITS, fallback: number): number {
  const text = values.get(name)
  if (text === undefined) return fallback
  const [min, max] = LIMITS[name]
  if (!/^[1-9][0-9]{0,8}$/.test(text)) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`)
  const n = Number(text)
  if (n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`)
  return n
}

function servicesOf(text: string | undefined, known: readonly string[]): readonly string[] | undefined {
  if (text === undefined) return undefined
  const names = text.split(',').map((s) => s.trim())
  const seen = new Set<string>()
  for (const name of names) {
    if (!known.includes(name)) throw new UsageError(`--services names an unknown service; known: ${known.join(', ')}`)
    if (seen.has(name)) throw new UsageError(`--services names a service twice`)
    seen.add(name)
  }
  return [...seen]
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** https anywhere; plain http only to loopback (the mock); no user:password, query or fragment. */
export function endpointOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError('--endpoint must be a URL such as https://console.zenlayer.com')
  }
  if (url.username || url.password) throw new UsageError('--endpoint must not carry a user or password')
  if (url.search || url.hash) throw new UsageError('--endpoint must not carry a query or fragment')
  if (url.protocol === 'https:') return url.origin + url.pathname.replace(/\/$/, '')
  if (url.protocol === 'http:') {
    if (!LOOPBACK.test(url.hostname))
      throw new UsageError('--endpoint may use plain http only to a loopback host (127.0.0.1, localhost, [::1])')
    return url.origin + url.pathname.replace(/\/$/, '')
  }
  throw new UsageError('--endpoint must be an https URL, or http to a loopback host')
}
