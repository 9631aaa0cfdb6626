import createClient, { type Client } from 'openapi-fetch'
import { type CredentialsSource, resolveCredentials } from './credentials.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import { ApiError, EdgeBlockedError, InvalidInputError, NetworkError, TimeoutError, ZenlayerError } from './errors.js'
import type { ClientLogger } from './logging.js'
import { loggingMiddleware, type ProtocolOptions, protocolHeaders, protocolMiddleware } from './middleware.js'
import { backoffMs, DEFAULT_RETRY, NO_RETRY, type RetryPolicy, retryAfterMs, retryReason } from './retry.js'
import { linkedController, realSleep, type Sleep } from './timing.js'

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

/** A validator package's exports, e.g. `import * as v from '@zenlayer-reset/zec-validator'`. */
export type RequestValidators = Readonly<Record<string, unknown>>

export interface ClientConfig {
  /** An access key, a bearer token, or a function giving either (`fromEnv()`). */
  readonly credentials?: CredentialsSource
  /** Scheme, host and port; `http://127.0.0.1:8787` for the mock. Default https://console.zenlayer.com. */
  readonly baseUrl?: string
  /** The fetch to use (tests, proxies). Default: the global fetch. */
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
  /**
   * Validate each request before sending it: pass the validator package
   * (`import * as zecValidator from '@zenlayer-reset/zec-validator'`). Off by
   * default, so a client alone pulls in no zod.
   */
  readonly validator?: RequestValidators
  /** Receives masked descriptions of requests, responses and retries. */
  readonly logger?: ClientLogger
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
}

/** An action's `response`, with the `requestId` of the call. */
export type ApiResult<T> = T & { readonly requestId: string }

/** What a batch action adds: the ids that failed (none when the reply omits the list) and the others. */
export interface BatchOutcome {
  readonly failedInstanceIds: readonly string[]
  readonly succeededInstanceIds: readonly string[]
}

export type RawClient<Paths extends {}> = Client<Paths, 'application/json'>

export interface ServiceClient<Paths extends {}> {
  readonly raw: RawClient<Paths>
  readonly config: ResolvedConfig
  call<T>(op: OperationDescriptor, input: unknown, options?: CallOptions): Promise<ApiResult<T>>
}

export interface ResolvedConfig {
  readonly retry: RetryPolicy
  readonly attemptTimeoutMs: number
  readonly callTimeoutMs: number
  readonly sleep: Sleep
  readonly random: () => number
  readonly clock: () => number
}

type Envelope = { requestId?: unknown; response?: Record<string, unknown>; code?: unknown; message?: unknown }
type Outcome = { data?: unknown; error?: unknown; response: Response }

/** Whether a fetch failure happened before any byte of the request could reach the server. */
export function failedBeforeSending(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
}

function resolveConfig(config: ClientConfig): ResolvedConfig {
  return {
    retry: config.retry === false ? NO_RETRY : { ...DEFAULT_RETRY, ...config.retry },
    attemptTimeoutMs: config.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
    callTimeoutMs: config.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    sleep: config.sleep ?? realSleep,
    random: config.random ?? Math.random,
    clock: config.clock ?? Date.now,
  }
}

/** Creates the runtime of one service's client; generated clients wrap it with one method per action. */
export function createServiceClient<Paths extends {}>(
  service: ServiceDescriptor,
  config: ClientConfig = {},
): ServiceClient<Paths> {
  const resolved = resolveConfig(config)
  const baseUrl = config.baseUrl ?? DEFAULT_BASE_URL
  const host = new URL(baseUrl).host
  const protocol: ProtocolOptions = {
    credentials: config.credentials,
    now: config.now ?? (() => Math.floor(Date.now() / 1000)),
    requestClient: config.requestClient,
  }
  const raw = createClient<Paths>({ baseUrl, ...(config.fetch ? { fetch: config.fetch } : {}) })
  raw.use(protocolMiddleware(service, protocol))
  if (config.logger) raw.use(loggingMiddleware(service, config.logger))
  const post = raw.POST as unknown as (path: string, init: Record<string, unknown>) => Promise<Outcome>
  // Generated methods go through openapi-fetch, and so through every middleware,
  // as soon as anything but the client's own middleware is registered on `raw`.
  // Until then they send the same bytes and headers with one fetch() directly:
  // openapi-fetch builds a Request that fetch() then copies, which alone costs
  // more than signing (tools/client-checks/bench/overhead.mjs).
  let throughOpenapiFetch = config.logger !== undefined
  const use = raw.use.bind(raw)
  raw.use = (...middleware) => {
    throughOpenapiFetch = true
    use(...middleware)
  }
  const fetchDirect =
    config.fetch ?? ((input: Parameters<typeof fetch>[0], init?: RequestInit) => globalThis.fetch(input, init))
  const origin = baseUrl.replace(/\/+$/, '')

  async function send(
    op: OperationDescriptor,
    input: unknown,
    body: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Outcome> {
    if (throughOpenapiFetch) {
      return post(op.pathKey, { body: input, bodySerializer: () => body, headers, parseAs: 'text', signal })
    }
    const response = await fetchDirect(`${origin}${op.path}`, {
      method: 'POST',
      headers,
      body,
      signal,
      redirect: 'follow',
    })
    const text = await response.text()
    return response.ok ? { data: text, response } : { error: text, response }
  }

  /**
   * One attempt: signed afresh, bounded by the attempt timeout or what is left
   * of the call's, and by the caller's signal. One AbortController per
   * attempt and nothing per call: controllers are costly to create in Node.
   */
  async function attempt(
    op: OperationDescriptor,
    input: unknown,
    body: string,
    userSignal: AbortSignal | undefined,
    deadline: number,
  ): Promise<Record<string, unknown>> {
    const headers = protocolHeaders(service, op, await resolveCredentials(config.credentials), body, host, protocol)
    const budget = Math.min(resolved.attemptTimeoutMs, deadline - Date.now())
    const limit = linkedController(userSignal, Math.max(0, budget))
    let outcome: Outcome
    try {
      outcome = await send(op, input, body, headers, limit.signal)
    } catch (error) {
      if (error instanceof ZenlayerError) throw error
      if (userSignal?.aborted) throw userSignal.reason
      if (limit.timedOut()) {
        const scope = budget < resolved.attemptTimeoutMs ? 'call' : 'attempt'
        throw new TimeoutError(op.action, scope === 'call' ? resolved.callTimeoutMs : resolved.attemptTimeoutMs, scope)
      }
      throw new NetworkError(op.action, failedBeforeSending(error), error)
    } finally {
      limit.dispose()
    }
    return interpret(op, outcome)
  }

  async function call<T>(op: OperationDescriptor, input: unknown, options: CallOptions = {}): Promise<ApiResult<T>> {
    checkInput(op, input, config.validator)
    const body = JSON.stringify(input)
    const callLimitMs = options.timeoutMs ?? resolved.callTimeoutMs
    const deadline = Date.now() + callLimitMs
    const userSignal = options.signal
    for (let n = 1; ; n++) {
      try {
        return shape(op, input, await attempt(op, input, body, userSignal, deadline)) as ApiResult<T>
      } catch (error) {
        if (userSignal?.aborted) throw userSignal.reason
        if (error instanceof TimeoutError && error.scope === 'call')
          throw new TimeoutError(op.action, callLimitMs, 'call')
        if (!(error instanceof ZenlayerError)) throw error
        const reason = retryReason(error, op.idempotent)
        if (!reason || n >= resolved.retry.maxAttempts) throw error
        const hinted = error instanceof ApiError ? error.retryAfterMs : undefined
        const delay = Math.max(backoffMs(n, resolved.retry, resolved.random), hinted ?? 0)
        if (delay > resolved.retry.maxDelayMs || Date.now() + delay >= deadline) throw error
        config.logger?.({
          type: 'retry',
          service: service.name,
          action: op.action,
          attempt: n,
          delayMs: delay,
          reason,
          code: error.code,
        })
        await resolved.sleep(delay, userSignal)
      }
    }
  }

  return { raw, config: resolved, call }
}

/** With a validator configured, an invalid input never reaches the network. */
function checkInput(op: OperationDescriptor, input: unknown, validators: RequestValidators | undefined): void {
  if (!validators) return
  const validate = validators[`validate${op.action}Request`]
  if (typeof validate !== 'function') {
    throw new ZenlayerError(
      'VALIDATOR_MISSING',
      `the configured validator has no validate${op.action}Request (wrong service's package?)`,
    )
  }
  const result = (validate as (input: unknown) => ValidationOutcome)(input)
  if (!result.ok) throw new InvalidInputError(result.code, result.issues, op.action)
}

function interpret(op: OperationDescriptor, { response, data, error }: Outcome): Record<string, unknown> {
  if (response.status === 403 && response.headers.get('cf-mitigated') === 'challenge') {
    throw new EdgeBlockedError(403, 'challenge', op.action)
  }
  if (response.status === 451) throw new EdgeBlockedError(451, 'policy', op.action)
  const text = response.ok ? data : error
  const body = parseEnvelope(typeof text === 'string' ? text : JSON.stringify(text ?? null))
  if (!body) throw new EdgeBlockedError(response.status, 'not-json', op.action)
  if (!response.ok) {
    if (typeof body.code !== 'string') throw new EdgeBlockedError(response.status, 'not-json', op.action)
    const retryAfter = retryAfterMs(response.headers.get('retry-after'), Date.now())
    throw new ApiError(
      body.code,
      String(body.message ?? ''),
      String(body.requestId ?? ''),
      response.status,
      op.action,
      retryAfter,
    )
  }
  const result = body.response ?? {}
  return { ...result, requestId: String(body.requestId ?? result.requestId ?? '') }
}

/** A batch action's result also says which ids failed (absent list: none, Decision 7) and which did not. */
function shape(op: OperationDescriptor, input: unknown, body: Record<string, unknown>): Record<string, unknown> {
  if (!op.batch) return body
  const asked = (input as Record<string, unknown>)[op.batch.instances]
  const failedList = body[op.batch.failed]
  const failed = Array.isArray(failedList) ? failedList.map(String) : []
  const failedSet = new Set(failed)
  const succeeded = Array.isArray(asked) ? asked.map(String).filter((id) => !failedSet.has(id)) : []
  return { ...body, failedInstanceIds: failed, succeededInstanceIds: succeeded }
}

function parseEnvelope(text: string): Envelope | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Envelope) : undefined
  } catch {
    return undefined
  }
}
