// What the optional logger receives. Everything in an event is already
// masked: sensitive body fields (x-zc-sensitive in the spec), the
// Authorization value (signature or token), and bodies that are not JSON.
import { ConfigError } from './errors.js'

export type ClientLogEvent =
  | {
      readonly type: 'request'
      readonly service: string
      readonly action: string
      readonly url: string
      readonly headers: Readonly<Record<string, string>>
      readonly body: unknown
    }
  | {
      readonly type: 'response'
      readonly service: string
      readonly action: string
      readonly status: number
      readonly durationMs: number
      readonly headers: Readonly<Record<string, string>>
      readonly body: unknown
    }
  | {
      readonly type: 'retry'
      readonly service: string
      readonly action: string
      readonly attempt: number
      readonly delayMs: number
      readonly reason: string
      readonly code: string
    }

export type ClientLogger = (event: ClientLogEvent) => void

/** A console-like logger: `console`, pino, winston... Any of these methods will do. */
export interface ConsoleLike {
  // Method syntax on purpose: a logger whose methods take narrower arguments (`log(line: string)`) still fits.
  debug?(...args: unknown[]): unknown
  info?(...args: unknown[]): unknown
  warn?(...args: unknown[]): unknown
  log?(...args: unknown[]): unknown
}

/** One line per event for a console-like logger; the masked event itself follows it. */
function line(event: ClientLogEvent): string {
  switch (event.type) {
    case 'request':
      return `zenlayer ${event.service} ${event.action}: request to ${event.url}`
    case 'response':
      return `zenlayer ${event.service} ${event.action}: ${event.status} in ${event.durationMs} ms`
    case 'retry':
      return `zenlayer ${event.service} ${event.action}: retry ${event.attempt} in ${event.delayMs} ms (${event.reason}, ${event.code})`
  }
}

/**
 * The client's logger from what the caller gave: a function of each event, or
 * a console-like object (requests and responses to `debug`, retries to `warn`,
 * each falling back to `info`, then `log`). Anything else is a ConfigError.
 */
export function toLogger(value: unknown): ClientLogger | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'function') return value as ClientLogger
  if (value !== null && typeof value === 'object') {
    const target = value as ConsoleLike
    const pick = (...names: (keyof ConsoleLike)[]) => {
      for (const name of names) if (typeof target[name] === 'function') return name
      return undefined
    }
    const quiet = pick('debug', 'info', 'log')
    const loud = pick('warn', 'info', 'log')
    if (quiet && loud) {
      return (event) => {
        const method = event.type === 'retry' ? loud : quiet
        // Called as a method: console and most loggers need their `this`.
        target[method]?.(line(event), event)
      }
    }
  }
  throw new ConfigError(
    'logger',
    'must be a function of each event or a console-like object (debug, info, warn or log)',
  )
}
