// When a failed call may be tried again, and after how long.
//
// A reset has no idempotency token, so a call whose body may have reached the
// server is never repeated: only rate limiting (the server refused it) and
// failures before anything was sent are retried for every action. Actions the
// spec marks x-zc-idempotent (DescribeInstancesStatus) may also be retried
// after server errors, timeouts and network failures.
import { ApiError, NetworkError, TimeoutError, type ZenlayerError } from './errors.js'

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

export const RATE_LIMIT_CODE = 'REQUEST_LIMIT_EXCEEDED'

/** Why an error may be retried, or undefined when it must not be. */
export function retryReason(error: ZenlayerError, idempotent: boolean): string | undefined {
  if (error instanceof ApiError && (error.status === 429 || error.code === RATE_LIMIT_CODE)) return 'rate-limited'
  if (error instanceof NetworkError && error.neverSent) return 'not-sent'
  if (!idempotent) return undefined
  if (error instanceof ApiError && error.status >= 500) return 'server-error'
  if (error instanceof TimeoutError || error instanceof NetworkError) return 'transient'
  return undefined
}

/** Exponential backoff with equal jitter: between half and all of base * 2^(n-1), capped. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}
