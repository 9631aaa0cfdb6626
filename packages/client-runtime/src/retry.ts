// When a failed call may be tried again, and after how long.
//
// A reset has no idempotency token, so a call is repeated only when the
// server provably did not act on it: it answered 429 (rate limited: the API
// or its edge refused the call), or the failure came before any byte was
// sent (connection refused, no such host). Never on an error code alone: a
// 500 or a 504 carrying REQUEST_LIMIT_EXCEEDED may come from a gateway whose
// upstream ran the call. Actions the spec marks x-zc-idempotent
// (DescribeInstancesStatus) may also be retried after server errors,
// timeouts and network failures. The table in test/retry.test.ts is the
// reference for every case.
import { ApiError, EdgeBlockedError, NetworkError, TimeoutError, type ZenlayerError } from './errors.js'

export interface RetryPolicy {
  /** Attempts in all, the first included; 1 turns retries off. */
  readonly maxAttempts: number
  /** The first backoff; each retry doubles it. */
  readonly baseDelayMs: number
  /** No single wait is longer; a Retry-After beyond it ends the retries. */
  readonly maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 20_000 }
export const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 }

export type RetryReason = 'rate-limited' | 'not-sent' | 'server-error' | 'transient'

/** Why an error may be retried, or undefined when it must not be. */
export function retryReason(error: ZenlayerError, idempotent: boolean): RetryReason | undefined {
  const status = error instanceof ApiError || error instanceof EdgeBlockedError ? error.status : undefined
  // The server (or its edge) refused the call outright: nothing was applied.
  if (status === 429) return 'rate-limited'
  if (error instanceof NetworkError && error.neverSent) return 'not-sent'
  if (!idempotent) return undefined
  if (status !== undefined && status >= 500) return 'server-error'
  if (error instanceof TimeoutError || error instanceof NetworkError) return 'transient'
  return undefined
}

/** Exponential backoff with equal jitter: between half and all of base * 2^(n-1), capped. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/** An HTTP date (IMF-fixdate, RFC 850 or asctime): a weekday name, then the date. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? [0-9A-Za-z :-]+$/

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (a date in the
 * past is 0). Undefined when absent or unreadable (a negative or fractional
 * number, words): the caller then backs off as it would without the header.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d{1,12}$/.test(trimmed)) return Number(trimmed) * 1000
  if (!HTTP_DATE.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

/** The server's clock from a `Date` header, in Unix seconds; undefined when absent or unreadable. */
export function serverSeconds(header: string | null | undefined): number | undefined {
  if (!header || !HTTP_DATE.test(header.trim())) return undefined
  const ms = Date.parse(header.trim())
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000)
}
