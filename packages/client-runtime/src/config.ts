// The client's options, checked once when the client is created: a bad value
// is a ConfigError naming the option, never a failure deep inside a call.
import { ConfigError } from './errors.js'
import { DEFAULT_RETRY, NO_RETRY, type RetryPolicy } from './retry.js'
import { MAX_TIMER_MS } from './timing.js'

/** The base URL as the client uses it. */
export interface Endpoint {
  /** Scheme, host, port and any path prefix, without a trailing slash. */
  readonly origin: string
  /** Host and port, as signed. */
  readonly host: string
}

export function checkEndpoint(baseUrl: unknown, allowInsecureHttp: boolean): Endpoint {
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new ConfigError('baseUrl', 'must be a URL string such as https://console.zenlayer.com')
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(baseUrl)) {
    throw new ConfigError('baseUrl', 'must start with its scheme, https:// (e.g. https://console.zenlayer.com)')
  }
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new ConfigError('baseUrl', 'is not a valid URL')
  }
  // Checked before anything that could quote the URL: userinfo would be a password.
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('baseUrl', 'must not carry a user name or password; pass credentials in `credentials`')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('baseUrl', `must use https (or http to a loopback host), not ${url.protocol}`)
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new ConfigError(
      'baseUrl',
      'uses plain http to a host that is not loopback, which would send credentials and secrets in clear; use https, or set allowInsecureHttp: true',
    )
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError('baseUrl', 'must not have a query or a fragment')
  }
  return { origin: `${url.origin}${withoutTrailingSlashes(url.pathname)}`, host: url.host }
}

/** The path without its trailing slashes, by index: a regex such as /\/+$/ backtracks on a long run of them. */
function withoutTrailingSlashes(path: string): string {
  let end = path.length
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--
  return path.slice(0, end)
}

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  // Not `*.localhost`: the platform's resolver, not the client, would decide where that goes.
  if (host === 'localhost' || host === '[::1]') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** A timeout: a positive, finite number of milliseconds that a timer can hold. */
export function checkTimeout(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw new ConfigError(option, `must be a positive, finite number of milliseconds up to ${MAX_TIMER_MS}`)
  }
  return value
}

export function checkRetry(value: unknown): RetryPolicy {
  if (value === false) return NO_RETRY
  if (value === undefined) return DEFAULT_RETRY
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError('retry', 'must be false or an object')
  }
  const policy = { ...DEFAULT_RETRY, ...(value as Partial<RetryPolicy>) }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1 || policy.maxAttempts > 20) {
    throw new ConfigError('retry.maxAttempts', 'must be a whole number from 1 to 20')
  }
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    const v = policy[key]
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_TIMER_MS) {
      throw new ConfigError(`retry.${key}`, `must be a number of milliseconds from 0 to ${MAX_TIMER_MS}`)
    }
  }
  return policy
}

export function checkPositiveInteger(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(option, 'must be a positive whole number')
  }
  return value
}

export function checkFunction<T>(option: string, value: T | undefined): T | undefined {
  if (value !== undefined && typeof value !== 'function') throw new ConfigError(option, 'must be a function')
  return value
}
