// One hierarchy for everything a call can throw; every class has a stable
// `code`, says whether the call may have been applied, and is recognised by
// `instanceof` even across two copies of this package (a brand registered with
// Symbol.for, checked by Symbol.hasInstance). No message ever holds a secret:
// messages are built from codes, statuses and field names, and the server's
// own text is scrubbed of the request's secrets before it is kept.

/** The brand every error of this package carries: the kinds of its class chain. */
const KINDS = Symbol.for('@zenlayer-reset/client-runtime/error-kinds')

type Branded = { readonly [KINDS]?: readonly string[] }

export class ZenlayerError extends Error {
  /** The class's stable kind; a subclass that names its own is recognised as such across package copies. */
  static readonly kind: string = 'ZenlayerError'

  /** The class's kind: `ApiError`, `TimeoutError`... */
  override readonly name: string
  /**
   * Whether the server may have acted on the call. False only where the
   * failure proves it did not: refused before sending, refused by the server
   * with a 4xx, blocked by the edge.
   */
  readonly mayHaveBeenApplied: boolean

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown; mayHaveBeenApplied?: boolean },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.mayHaveBeenApplied = options?.mayHaveBeenApplied ?? false
    this.name = (new.target as unknown as { kind: string }).kind
    const kinds: string[] = []
    for (let c = new.target as unknown as { kind?: string } | null; c?.kind; c = Object.getPrototypeOf(c)) {
      if (!kinds.includes(c.kind)) kinds.push(c.kind)
    }
    Object.defineProperty(this, KINDS, { value: Object.freeze(kinds), enumerable: false })
  }
}

// `instanceof` by brand: `this` is the class on the right of instanceof (a
// subclass inherits this function); objects of no copy of this package fall
// back to the prototype chain.
Object.defineProperty(ZenlayerError, Symbol.hasInstance, {
  value: function hasInstance(this: { kind?: string }, value: unknown): boolean {
    const kinds = (value as Branded | null | undefined)?.[KINDS]
    if (Array.isArray(kinds)) return this.kind !== undefined && kinds.includes(this.kind)
    return Function.prototype[Symbol.hasInstance].call(this, value)
  },
})

/** The API answered with its error envelope. */
export class ApiError<Code extends string = string> extends ZenlayerError {
  static override readonly kind: string = 'ApiError'
  constructor(
    override readonly code: Code,
    /** The server's message, already scrubbed of the request's secrets. */
    message: string,
    readonly requestId: string,
    readonly status: number,
    readonly action: string,
    /** The server's Retry-After, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    // A 4xx is the server refusing the call; a 5xx may come after it acted.
    super(code, `${action}: ${code} (HTTP ${status}, request ${requestId}): ${message}`, {
      mayHaveBeenApplied: status >= 500,
    })
    this.serverMessage = message
  }
  /** The envelope's `message` as the server sent it, secrets scrubbed (for people; not stable). */
  readonly serverMessage: string
}

/** The vendor's edge answered instead of the API (403 challenge, 451, a bare 429, or any non-envelope body). */
export class EdgeBlockedError extends ZenlayerError {
  static override readonly kind: string = 'EdgeBlockedError'
  constructor(
    readonly status: number,
    readonly reason: 'challenge' | 'policy' | 'rate-limited' | 'not-json',
    readonly action: string,
    /** The Retry-After of a bare 429, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(
      EDGE_CODES[reason],
      `${action}: the vendor's edge answered HTTP ${status} (${reason}) instead of the API`,
      // A challenge, a policy block or a rate limit stops the call before the
      // API; any other non-API answer (a gateway's 502 page) may come after it.
      { mayHaveBeenApplied: reason === 'not-json' },
    )
  }
}

const EDGE_CODES = {
  challenge: 'EDGE_CHALLENGE',
  policy: 'EDGE_POLICY_BLOCKED',
  'rate-limited': 'EDGE_RATE_LIMITED',
  'not-json': 'EDGE_NOT_JSON',
} as const

/** Something answered with a redirect. Redirects are never followed: the body goes to no origin the caller did not configure. */
export class RedirectError extends ZenlayerError {
  static override readonly kind: string = 'RedirectError'
  constructor(
    readonly action: string,
    /** The 3xx status; 0 when the platform hides it (a browser's opaque redirect). */
    readonly status: number,
  ) {
    super(
      'REDIRECT_REFUSED',
      `${action}: the server answered a redirect (HTTP ${status}), which is not followed; the request reached it and may have been applied`,
      { mayHaveBeenApplied: true },
    )
  }
}

/** A reply that does not keep the API's protocol: it is not believed, and the call may have been applied. */
export class ProtocolError extends ZenlayerError {
  static override readonly kind: string = 'ProtocolError'
  constructor(
    code: 'REPLY_MALFORMED' | 'REPLY_TOO_LARGE',
    readonly action: string,
    readonly status: number,
    /** What was wrong, in terms of the protocol (never the reply's text). */
    readonly detail: string,
    /** The instances the call named, whose fate the reply does not tell. */
    readonly unknownInstanceIds: readonly string[],
  ) {
    const ids = unknownInstanceIds.length > 0 ? ` (fate unknown: ${unknownInstanceIds.join(', ')})` : ''
    super(code, `${action}: HTTP ${status} reply not believed: ${detail}; the call may have been applied${ids}`, {
      mayHaveBeenApplied: true,
    })
  }
}

/** The request could not be completed on the network. */
export class NetworkError extends ZenlayerError {
  static override readonly kind: string = 'NetworkError'
  constructor(
    readonly action: string,
    /** True when the request provably never reached the server (e.g. connection refused). */
    readonly neverSent: boolean,
    cause: unknown,
  ) {
    super(
      'NETWORK_ERROR',
      `${action}: network error${neverSent ? ' before the request was sent' : '; the request may have reached the server'}: ${describe(cause)}`,
      { cause, mayHaveBeenApplied: !neverSent },
    )
  }
}

export class TimeoutError extends ZenlayerError {
  static override readonly kind: string = 'TimeoutError'
  constructor(
    readonly action: string,
    readonly timeoutMs: number,
    /** Which limit ran out: one attempt's, or the whole call's (retries and waits included). */
    readonly scope: 'attempt' | 'call',
  ) {
    super(
      'TIMEOUT',
      `${action}: no answer within ${timeoutMs} ms (${scope} timeout); the request may have reached the server`,
      { mayHaveBeenApplied: true },
    )
  }
}

export type WaiterErrorCode = 'RESET_FAILED' | 'INSTANCE_NOT_FOUND' | 'RESET_NOT_STARTED' | 'WAIT_TIMEOUT'

/** A waiter gave up: an instance failed, can no longer succeed, was not found, or time ran out. */
export class WaiterError<Status extends string = string> extends ZenlayerError {
  static override readonly kind: string = 'WaiterError'
  declare readonly code: WaiterErrorCode
  constructor(
    code: WaiterErrorCode,
    message: string,
    /** The instances concerned, with their last status (`null` when never seen). */
    readonly instances: Readonly<Record<string, Status | null>>,
  ) {
    super(code, message)
  }
}

/** The input breaks a rule of the spec, or cannot be serialised; nothing was sent. */
export class InvalidInputError extends ZenlayerError {
  static override readonly kind: string = 'InvalidInputError'
  constructor(
    override readonly code: string,
    readonly issues: readonly { path: string; rule: string; message: string; code: string }[],
    readonly action: string,
  ) {
    super(code, `${action}: invalid input: ${issues.map((i) => i.message).join('; ')}`)
  }
}

export class MissingCredentialsError extends ZenlayerError {
  static override readonly kind: string = 'MissingCredentialsError'
  constructor(detail: string) {
    super('MISSING_CREDENTIALS', `no usable credentials: ${detail}`)
  }
}

/** The client's configuration is unusable; thrown when the client is created. */
export class ConfigError extends ZenlayerError {
  static override readonly kind: string = 'ConfigError'
  constructor(
    /** The option at fault, e.g. `baseUrl` or `retry.maxAttempts`. */
    readonly option: string,
    rule: string,
  ) {
    super('INVALID_CONFIG', `${option} ${rule}`)
  }
}

/** A short description of a low-level error, by class and code only. */
/**
 * A failure in a few words: its name, its code, and what its innermost cause says (`TypeError: fetch failed:
 * bad port`), so a failure that is not a socket error keeps its reason. Messages here were already scrubbed.
 */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return typeof cause
  const code = (cause as { code?: unknown }).code ?? (cause.cause as { code?: unknown } | undefined)?.code
  const words = [typeof code === 'string' ? `${cause.name} ${code}` : cause.name]
  // Down the chain of causes, a few levels at most: each message that says something new.
  let inner: unknown = cause
  for (let depth = 0; inner instanceof Error && depth < 4; depth++, inner = inner.cause) {
    const message = inner.message.length > 120 ? `${inner.message.slice(0, 120)}...` : inner.message
    if (message !== '' && !words.includes(message)) words.push(message)
  }
  return words.join(': ')
}
