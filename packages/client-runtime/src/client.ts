import createClient, { type Client } from 'openapi-fetch'
import { harmless } from './callbacks.js'
import type { ClientCodes } from './code-roles.js'
import {
  checkEndpoint,
  checkFunction,
  checkPositiveInteger,
  checkRetry,
  checkTimeout,
  type Endpoint,
} from './config.js'
import {
  type Credentials,
  type CredentialsSource,
  credentialsProblem,
  envCredentials,
  resolveCredentials,
} from './credentials.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import { ApiError, ConfigError, MissingCredentialsError, NetworkError, TimeoutError, ZenlayerError } from './errors.js'
import { checkInput, serialise } from './input.js'
import { type ClientLogger, type ConsoleLike, toLogger } from './logging.js'
import { loggingMiddleware, type ProtocolOptions, protocolHeaders, protocolMiddleware } from './middleware.js'
import { type Secrets, scrub } from './redact.js'
import { authorizationSecrets, interpret, requestSecrets, shapeBatch } from './reply.js'
import { backoffMs, type RetryPolicy, retryAfterMs, retryReason, serverSeconds } from './retry.js'
import { linkedController, realSleep, type Sleep } from './timing.js'
import { DEFAULT_MAX_RESPONSE_BYTES, exchange, type FetchLike, guardedFetch, raceSignal } from './transport.js'

export const DEFAULT_BASE_URL = 'https://console.zenlayer.com'
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000
export const DEFAULT_CALL_TIMEOUT_MS = 120_000

/** What a request validator returns (the shape of @zenlayer-reset/<service>-validator's functions). */
export type ValidationOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false
      readonly code: string
      readonly issues: readonly { path: string; rule: string; message: string; code: string }[]
    }

/**
 * A validator package's `validators` table (`import { validators } from '@zenlayer-reset/zec-validator'`,
 * passed as `{ validators }`; the whole package namespace does too): each action's compiled request
 * validator, keyed by action.
 */
export interface RequestValidators<Service extends string = string, Action extends string = string> {
  readonly validators: {
    readonly service: Service
    readonly actions: { readonly [A in Action]: { readonly request: (input: unknown) => ValidationOutcome } }
  }
}

/**
 * A client's configuration. Generated clients name their service and actions,
 * so a validator package of another service is a type error, not a runtime one.
 * Without them (`ClientConfig`), a configuration shared by several clients
 * takes no validator: validators are per service.
 */
export interface ClientConfig<Service extends string = never, Action extends string = never> {
  /**
   * An access key, a bearer token, or a function giving either. Default: the
   * access key in the environment variables the spec names (the generated
   * package's `fromEnv()`), read when a call is made.
   */
  readonly credentials?: CredentialsSource
  /**
   * Scheme, host and port; `http://127.0.0.1:8787` for the mock. Default
   * https://console.zenlayer.com. Plain http is accepted for loopback hosts
   * only, unless `allowInsecureHttp` is set; userinfo is refused.
   */
  readonly baseUrl?: string
  /** Allow a plain-http `baseUrl` to a host that is not loopback (credentials and secrets then travel in clear). */
  readonly allowInsecureHttp?: boolean
  /**
   * The fetch to use (tests, proxies). Default: the global fetch. The client
   * asks it for `redirect: 'manual'` and refuses any reply that is a redirect
   * or says it followed one; a fetch of your own must not follow redirects by
   * itself (it would have sent the body again before the client could refuse).
   */
  readonly fetch?: typeof fetch
  /** Unix seconds now, for the signature timestamp; injectable for tests. */
  readonly now?: () => number
  /** Sent as X-ZC-Request-Client, for the vendor's logs. */
  readonly requestClient?: string
  /** Retry policy, or `false` for none. Default: 4 attempts, 1 s base, 20 s cap. */
  readonly retry?: Partial<RetryPolicy> | false
  /** Limit of one attempt. Default 30 s. */
  readonly attemptTimeoutMs?: number
  /** Limit of a whole call, retries and their waits included. Default 120 s. */
  readonly callTimeoutMs?: number
  /** The largest reply body read, in bytes; a larger one is a ProtocolError. Default 4 MiB. */
  readonly maxResponseBytes?: number
  /**
   * Validate each request before sending it: pass the validator package's table
   * (`import { validators } from '@zenlayer-reset/zec-validator'`, then `validator: { validators }`).
   * The validators are compiled code: taking only the table bundles no zod (about 3 kB gzipped).
   * Off by default.
   */
  readonly validator?: [Service] extends [never] ? never : RequestValidators<Service, Action>
  /**
   * Receives masked descriptions of requests, responses and retries: a
   * function of each event, or a console-like object (`console`, pino,
   * winston...: requests and responses go to `debug`, retries to `warn`, each
   * falling back to `log`).
   */
  readonly logger?: ClientLogger | ConsoleLike
  /** How the client waits between attempts and polls; injectable so that tests never sleep. */
  readonly sleep?: Sleep
  /** Jitter source, [0, 1). */
  readonly random?: () => number
  /** Milliseconds now, for how long a waiter has waited; injectable with `sleep`. */
  readonly clock?: () => number
}

export interface CallOptions {
  /** Cancels the call, its retries and their waits. */
  readonly signal?: AbortSignal
  /** Overrides the client's call timeout for this call. */
  readonly timeoutMs?: number
  /** `false`: one attempt, whatever the client's policy (the caller retries, as a fleet does with its shared pace). */
  readonly retry?: false
}

/** An action's `response`, with the `requestId` of the call. */
export type ApiResult<T> = T & { readonly requestId: string }

declare const notTogether: unique symbol
/**
 * The type of a field set together with another that the spec forbids with
 * it: no value has this type, so setting both fails to compile, and the
 * compiler's message ends on the rule in words.
 */
export interface NotTogether<Rule extends string> {
  readonly [notTogether]: Rule
}

/** What a batch action adds: the ids that failed (none when the reply omits the list) and the others. */
export interface BatchOutcome {
  readonly failedInstanceIds: readonly string[]
  readonly succeededInstanceIds: readonly string[]
}

/**
 * The spec's paths with their header parameters optional: every protocol
 * header (X-ZC-Action, X-ZC-Version, signing) is filled by the client's own
 * middleware from the path, so a raw call needs only the path and the body.
 */
export type ProtocolFilled<Paths> = {
  [P in keyof Paths]: {
    [M in keyof Paths[P]]: Paths[P][M] extends { parameters: infer Params }
      ? Omit<Paths[P][M], 'parameters'> & {
          parameters: Omit<Params, 'header'> & {
            header?: Params extends { header?: infer H } ? ([H] extends [never] ? never : Partial<H>) : never
          }
        }
      : Paths[P][M]
  }
}

export type RawClient<Paths extends {}> = Client<ProtocolFilled<Paths>, 'application/json'>

export interface ServiceClient<Paths extends {}> {
  readonly raw: RawClient<Paths>
  readonly config: ResolvedConfig
  call<T>(op: OperationDescriptor, input: unknown, options?: CallOptions): Promise<ApiResult<T>>
}

export interface ResolvedConfig {
  readonly retry: RetryPolicy
  readonly attemptTimeoutMs: number
  readonly callTimeoutMs: number
  readonly maxResponseBytes: number
  readonly sleep: Sleep
  readonly random: () => number
  readonly clock: () => number
}

type Outcome = { data?: unknown; error?: unknown; response: Response }

const BEFORE_SENDING = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** Whether a fetch failure happened before any byte of the request could reach the server (it failed to connect). */
export function failedBeforeSending(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code
  return typeof code === 'string' && BEFORE_SENDING.has(code)
}

function resolveConfig(config: ClientConfig<string, string>): ResolvedConfig {
  return {
    retry: checkRetry(config.retry),
    attemptTimeoutMs: checkTimeout('attemptTimeoutMs', config.attemptTimeoutMs, DEFAULT_ATTEMPT_TIMEOUT_MS),
    callTimeoutMs: checkTimeout('callTimeoutMs', config.callTimeoutMs, DEFAULT_CALL_TIMEOUT_MS),
    maxResponseBytes: checkPositiveInteger('maxResponseBytes', config.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    sleep: checkFunction('sleep', config.sleep) ?? realSleep,
    random: checkFunction('random', config.random) ?? Math.random,
    clock: checkFunction('clock', config.clock) ?? Date.now,
  }
}

/** Creates the runtime of one service's client; generated clients wrap it with one method per action. */
export function createServiceClient<Paths extends {}>(
  service: ServiceDescriptor,
  config: ClientConfig<string, string> = {},
): ServiceClient<Paths> {
  if (config === null || typeof config !== 'object') throw new ConfigError('config', 'must be an object')
  const resolved = resolveConfig(config)
  const endpoint: Endpoint = checkEndpoint(config.baseUrl ?? DEFAULT_BASE_URL, config.allowInsecureHttp === true)
  const userFetch = checkFunction('fetch', config.fetch)
  // A logger cannot break a call: what it throws or rejects is dropped (the reset may already be done).
  const logger = harmless(toLogger(config.logger))
  if (config.credentials !== undefined && typeof config.credentials !== 'function') {
    const problem = credentialsProblem(config.credentials)
    if (problem) throw new ConfigError('credentials', problem)
  }
  if (
    config.requestClient !== undefined &&
    (typeof config.requestClient !== 'string' || !/^[\x20-\x7e]{1,128}$/.test(config.requestClient))
  ) {
    throw new ConfigError('requestClient', 'must be 1 to 128 printable ASCII characters')
  }
  const baseNow = checkFunction('now', config.now) ?? (() => Math.floor(Date.now() / 1000))
  if (config.validator !== undefined) {
    const table = (config.validator as Partial<RequestValidators> | null)?.validators
    if (table === null || typeof table !== 'object' || typeof table.actions !== 'object' || table.actions === null) {
      throw new ConfigError(
        'validator',
        "must be a validator package's table: { validators } (import { validators } from '...-validator')",
      )
    }
    if (table.service !== service.name) {
      throw new ConfigError(
        'validator',
        `checks ${String(table.service).slice(0, 32)} requests; this client calls ${service.name}`,
      )
    }
  }
  // The server's clock minus ours, learnt from a refused timestamp (see call()).
  let clockOffsetSeconds = 0
  // No credentials given: the access key in the environment variables the spec names, read at each call.
  const credentialSource: CredentialsSource = config.credentials ?? envCredentials(service.signing)
  const protocol: ProtocolOptions = {
    credentials: credentialSource,
    now: () => {
      const seconds = baseNow() + clockOffsetSeconds
      if (!Number.isFinite(seconds)) throw new ConfigError('now', 'must return a finite number of Unix seconds')
      return Math.floor(seconds)
    },
    requestClient: config.requestClient,
  }
  const fetchFn: FetchLike =
    (userFetch as FetchLike | undefined) ?? ((input, init) => globalThis.fetch(input as Request, init))
  // The platform's fetch aborts on its signal; a given one is raced against it.
  const honoursSignals = userFetch === undefined
  const raw = createClient<ProtocolFilled<Paths>>({
    baseUrl: endpoint.origin,
    fetch: guardedFetch(fetchFn, resolved.maxResponseBytes, honoursSignals),
    redirect: 'manual',
  })
  raw.use(protocolMiddleware(service, protocol))
  // Access-key secrets by key id, for the logger to scrub: each request names its own key.
  const keySecrets = new Map<string, string>()
  const fixedCredentials =
    config.credentials !== undefined && typeof config.credentials !== 'function' ? config.credentials : undefined
  if (fixedCredentials && !('token' in fixedCredentials)) {
    keySecrets.set(fixedCredentials.accessKeyId, fixedCredentials.accessKeySecret)
  }
  if (logger) raw.use(loggingMiddleware(service, logger, keySecrets))
  const post = raw.POST as unknown as (path: string, init: Record<string, unknown>) => Promise<Outcome>
  // Generated methods go through openapi-fetch, and so through every middleware,
  // as soon as anything but the client's own middleware is registered on `raw`.
  // Until then they send the same bytes and headers with one fetch() directly:
  // openapi-fetch builds a Request that fetch() then copies, which alone costs
  // more than signing (tools/client-checks/bench/overhead.mjs). Both paths
  // share the same exchange (transport.ts): no redirect, bounded, raced.
  let throughOpenapiFetch = logger !== undefined
  const use = raw.use.bind(raw)
  raw.use = (...middleware) => {
    use(...middleware)
    throughOpenapiFetch = true
  }

  async function send(
    op: OperationDescriptor,
    body: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<{ status: number; headers: Headers; text: string }> {
    if (throughOpenapiFetch) {
      if (signal.aborted) throw signal.reason
      const { response, data, error } = await post(op.pathKey, {
        body,
        bodySerializer: () => body,
        headers,
        parseAs: 'text',
        signal,
      })
      const value = response.ok ? data : error
      const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
      return { status: response.status, headers: response.headers, text }
    }
    const init = { method: 'POST', headers, body, signal, redirect: 'manual' } as const
    const { response, text } = await exchange(
      fetchFn,
      `${endpoint.origin}${op.path}`,
      init,
      signal,
      op.action,
      resolved.maxResponseBytes,
      honoursSignals,
    )
    return { status: response.status, headers: response.headers, text }
  }

  /**
   * One attempt: signed afresh, bounded by the attempt timeout or what is left
   * of the call's, and by the caller's signal. One AbortController per
   * attempt and nothing per call: controllers are costly to create in Node.
   */
  async function attempt(
    op: OperationDescriptor,
    body: string,
    userSignal: AbortSignal | undefined,
    deadline: number,
    seen: { serverSeconds?: number | undefined; signed?: boolean },
  ): Promise<Record<string, unknown>> {
    const budget = Math.min(resolved.attemptTimeoutMs, deadline - Date.now())
    const limit = linkedController(userSignal, Math.max(0, budget))
    let creds: Credentials | undefined
    let headers: Record<string, string> | undefined
    let reply: { status: number; headers: Headers; text: string }
    try {
      creds = await credentialsWithin(limit.signal)
      headers = protocolHeaders(service, op, creds, body, endpoint.host, protocol)
      seen.signed = !('token' in creds)
      reply = await send(op, body, headers, limit.signal)
    } catch (error) {
      if (userSignal?.aborted) throw userSignal.reason
      if (limit.timedOut()) {
        const scope = budget < resolved.attemptTimeoutMs ? 'call' : 'attempt'
        throw new TimeoutError(op.action, scope === 'call' ? resolved.callTimeoutMs : resolved.attemptTimeoutMs, scope)
      }
      if (error instanceof ZenlayerError) throw error
      const secrets = requestSecrets(op, body, creds, authorizationSecrets(headers?.authorization))
      throw new NetworkError(op.action, failedBeforeSending(error), cleanCause(error, secrets))
    } finally {
      limit.dispose()
    }
    // The server's clock matters only when it refuses our timestamp.
    seen.serverSeconds = reply.status === 401 ? serverSeconds(reply.headers.get('date')) : undefined
    return interpret(op, reply, body, creds, headers.authorization, retryAfterMs)
  }

  /**
   * The credentials for one attempt. A credentials function is bounded by the
   * attempt's signal like the rest, and what it throws is a
   * MissingCredentialsError naming only the error's class.
   */
  async function credentialsWithin(signal: AbortSignal): Promise<Credentials> {
    const source = credentialSource
    // Fixed credentials were checked when the client was created.
    if (fixedCredentials) return fixedCredentials
    let creds: Credentials
    if (typeof source !== 'function') creds = await resolveCredentials(source)
    else {
      try {
        creds = await raceSignal(resolveCredentials(source), signal)
      } catch (error) {
        if (signal.aborted || error instanceof ZenlayerError) throw error
        throw new MissingCredentialsError(
          `the credentials function threw ${error instanceof Error ? error.name : typeof error}`,
        )
      }
    }
    if (!('token' in creds)) {
      // The logger finds an echoed secret by the key id the request names; a few recent keys suffice.
      keySecrets.delete(creds.accessKeyId)
      keySecrets.set(creds.accessKeyId, creds.accessKeySecret)
      if (keySecrets.size > 16) keySecrets.delete(keySecrets.keys().next().value as string)
    }
    return creds
  }

  async function call<T>(op: OperationDescriptor, input: unknown, options: CallOptions = {}): Promise<ApiResult<T>> {
    const userSignal = options.signal
    if (userSignal?.aborted) throw userSignal.reason
    const callLimitMs = checkTimeout('timeoutMs', options.timeoutMs, resolved.callTimeoutMs)
    const body = serialise(op, service.codes, input)
    if (config.validator) checkInput(op, body, config.validator)
    const deadline = Date.now() + callLimitMs
    let resigned = false
    const seen: { serverSeconds?: number | undefined; signed?: boolean } = {}
    for (let n = 1; ; ) {
      try {
        const result = await attempt(op, body, userSignal, deadline, seen)
        return (op.batch ? shapeBatch(op, body, result) : result) as ApiResult<T>
      } catch (error) {
        if (userSignal?.aborted) throw userSignal.reason
        if (error instanceof TimeoutError && error.scope === 'call')
          throw new TimeoutError(op.action, callLimitMs, 'call')
        if (!(error instanceof ZenlayerError)) throw error
        // The server refused the timestamp and its Date shows our clock is off:
        // nothing was applied, so correct the offset and sign once more.
        if (!resigned && seen.signed && isClockRefusal(error, service.codes) && seen.serverSeconds !== undefined) {
          const skew = seen.serverSeconds - protocol.now()
          if (Math.abs(skew) > 1) {
            clockOffsetSeconds += skew
            resigned = true
            continue
          }
        }
        const reason = retryReason(error, op.idempotent)
        if (!reason || options.retry === false || n >= resolved.retry.maxAttempts) throw error
        const hinted = 'retryAfterMs' in error ? (error.retryAfterMs as number | undefined) : undefined
        const delay = Math.max(backoffMs(n, resolved.retry, resolved.random), hinted ?? 0)
        if (delay > resolved.retry.maxDelayMs || Date.now() + delay >= deadline) throw error
        logger?.({
          type: 'retry',
          service: service.name,
          action: op.action,
          attempt: n,
          delayMs: delay,
          reason,
          code: error.code,
        })
        await resolved.sleep(delay, userSignal)
        n++
      }
    }
  }

  return { raw, config: resolved, call }
}

/**
 * A low-level error as a NetworkError's cause: its class, code and message
 * kept for diagnosis, scrubbed of the request's secrets (a platform error may
 * quote a header value or a URL), its own cause cleaned the same way.
 */
function cleanCause(error: unknown, secrets: Secrets, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 4) return error instanceof Error ? undefined : typeof error
  const inner = error.cause === undefined ? undefined : cleanCause(error.cause, secrets, depth + 1)
  const clean = new Error(scrub(error.message, secrets), inner === undefined ? undefined : { cause: inner })
  clean.name = error.name
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') Object.assign(clean, { code })
  clean.stack = `${clean.name}: ${clean.message}`
  return clean
}

/** A 401 with the spec's code for a timestamp outside the server's window (`timestampExpired`). */
function isClockRefusal(error: ZenlayerError, codes: ClientCodes): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === codes.timestampExpired
}
