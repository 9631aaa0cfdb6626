// One hierarchy for everything a call can throw; every class has a stable
// `code` and is `instanceof`-able. No message ever holds a secret: messages
// are built from codes, statuses and field names only.

export class ZenlayerError extends Error {
  override readonly name: string = 'ZenlayerError'
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** The API answered with its error envelope. */
export class ApiError<Code extends string = string> extends ZenlayerError {
  override readonly name = 'ApiError'
  constructor(
    override readonly code: Code,
    message: string,
    readonly requestId: string,
    readonly status: number,
    readonly action: string,
    /** The server's Retry-After, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(code, `${action}: ${code} (HTTP ${status}, request ${requestId}): ${message}`)
    this.serverMessage = message
  }
  /** The envelope's `message` as the server sent it (for people; not stable). */
  readonly serverMessage: string
}

/** The vendor's edge answered instead of the API (403 challenge, 451, or any non-JSON body). */
export class EdgeBlockedError extends ZenlayerError {
  override readonly name = 'EdgeBlockedError'
  constructor(
    readonly status: number,
    readonly reason: 'challenge' | 'policy' | 'not-json',
    readonly action: string,
  ) {
    super(
      reason === 'challenge' ? 'EDGE_CHALLENGE' : reason === 'policy' ? 'EDGE_POLICY_BLOCKED' : 'EDGE_NOT_JSON',
      `${action}: the vendor's edge answered HTTP ${status} (${reason}) instead of the API`,
    )
  }
}

/** The request could not be completed on the network. */
export class NetworkError extends ZenlayerError {
  override readonly name = 'NetworkError'
  constructor(
    readonly action: string,
    /** True when the request provably never reached the server (e.g. connection refused). */
    readonly neverSent: boolean,
    cause: unknown,
  ) {
    super(
      'NETWORK_ERROR',
      `${action}: network error${neverSent ? ' before the request was sent' : ''}: ${describe(cause)}`,
      {
        cause,
      },
    )
  }
}

export class TimeoutError extends ZenlayerError {
  override readonly name = 'TimeoutError'
  constructor(
    readonly action: string,
    readonly timeoutMs: number,
    /** Which limit ran out: one attempt's, or the whole call's (retries and waits included). */
    readonly scope: 'attempt' | 'call',
  ) {
    super(
      'TIMEOUT',
      `${action}: no answer within ${timeoutMs} ms (${scope} timeout); the request may have reached the server`,
    )
  }
}

/** A waiter gave up: an instance failed, can no longer succeed, was not found, or time ran out. */
export class WaiterError extends ZenlayerError {
  override readonly name = 'WaiterError'
  constructor(
    code: 'RESET_FAILED' | 'INSTANCE_NOT_FOUND' | 'RESET_NOT_STARTED' | 'WAIT_TIMEOUT',
    message: string,
    /** The instances concerned, with their last status (`null` when never seen). */
    readonly instances: Readonly<Record<string, string | null>>,
  ) {
    super(code, message)
  }
}

/** Validation was turned on and the input breaks a rule of the spec; nothing was sent. */
export class InvalidInputError extends ZenlayerError {
  override readonly name = 'InvalidInputError'
  constructor(
    override readonly code: string,
    readonly issues: readonly { path: string; rule: string; message: string; code: string }[],
    readonly action: string,
  ) {
    super(code, `${action}: invalid input: ${issues.map((i) => i.message).join('; ')}`)
  }
}

export class MissingCredentialsError extends ZenlayerError {
  override readonly name = 'MissingCredentialsError'
  constructor(detail: string) {
    super('MISSING_CREDENTIALS', `no usable credentials: ${detail}`)
  }
}

/** A short description of a low-level error, by class and code only. */
function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code ?? (cause.cause as { code?: unknown } | undefined)?.code
    return typeof code === 'string' ? `${cause.name} ${code}` : cause.name
  }
  return typeof cause
}
