// Trouble on demand, for testing what automation does when things go wrong.
import { DEFAULT_STATE_LIMITS, LimitError } from './limits.js'

export interface FaultSettings {
  /** Instances whose next reset ends in failure (zec REINSTALL_FAILED; vm back to STOPPED). */
  failNextReset: Set<string>
  /** Every Nth call is answered 429 REQUEST_LIMIT_EXCEEDED (0: never). */
  rateLimitEvery: number
  /** Extra delay before each answer, in ms. */
  latencyMs: number
  /** The next N calls get the edge's 403 HTML challenge. */
  edgeChallenges: number
}

export interface Faults {
  /** Each instance's next reset fails; past `maxFailNextReset` pending ids, a LimitError and nothing set. */
  failNextReset(...instanceIds: string[]): void
  /**
   * Throws what `failNextReset(...instanceIds)` would throw (a bad id, a
   * LimitError), after a `clear()` when `afterClear`; changes nothing.
   */
  checkFailNextReset(instanceIds: readonly unknown[], options?: { readonly afterClear?: boolean }): void
  rateLimit(every: number): void
  latency(ms: number): void
  edgeChallenge(count?: number): void
  clear(): void
  /** The current settings (a copy). */
  current(): Readonly<Omit<FaultSettings, 'failNextReset'> & { failNextReset: readonly string[] }>
}

/** Ten minutes: longer than any client waits, far below what a timer can hold (2^31 - 1 ms). */
export const MAX_LATENCY_MS = 600_000
export const MAX_COUNT = 1_000_000

export interface FaultLimits {
  /** The service's name, for the message of a LimitError. */
  readonly service?: string
  /** Pending failNextReset ids at most (default 100,000). */
  readonly maxFailNextReset?: number
}

export function createFaults(limits: FaultLimits = {}): { faults: Faults; settings: FaultSettings } {
  const settings: FaultSettings = { failNextReset: new Set(), rateLimitEvery: 0, latencyMs: 0, edgeChallenges: 0 }
  const maxPending = limits.maxFailNextReset ?? DEFAULT_STATE_LIMITS.maxFailNextReset
  // Refused, never mangled: 0.5 is not "every 0th call", and a delay node cannot wait is not 1 ms.
  const whole = (n: number, what: string, max: number): number => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) {
      throw new RangeError(`${what} must be a whole number from 0 to ${max} (got ${JSON.stringify(n)?.slice(0, 40)})`)
    }
    return n
  }
  /** Checks the ids, and the room for those not pending yet (after a clear when `afterClear`). */
  const fresh = (ids: readonly unknown[], afterClear: boolean): void => {
    const added = new Set<string>()
    for (const id of ids) {
      if (typeof id !== 'string' || id === '' || id.length > 256) {
        throw new RangeError(
          `failNextReset takes instance ids, non-empty strings (got ${JSON.stringify(id)?.slice(0, 40)})`,
        )
      }
      if (afterClear || !settings.failNextReset.has(id)) added.add(id)
    }
    const would = (afterClear ? 0 : settings.failNextReset.size) + added.size
    if (would > maxPending) {
      throw new LimitError(
        'maxFailNextReset',
        maxPending,
        limits.service ?? 'the mock',
        would,
        'pending failNextReset ids',
      )
    }
  }
  const faults: Faults = {
    failNextReset: (...ids) => {
      fresh(ids, false)
      for (const id of ids) settings.failNextReset.add(id)
    },
    checkFailNextReset: (ids, options = {}) => {
      fresh(ids, options.afterClear === true)
    },
    rateLimit: (every) => {
      settings.rateLimitEvery = whole(every, 'rateLimitEvery', MAX_COUNT)
    },
    latency: (ms) => {
      settings.latencyMs = whole(ms, 'latencyMs', MAX_LATENCY_MS)
    },
    edgeChallenge: (count = 1) => {
      settings.edgeChallenges = whole(count, 'edgeChallenges', MAX_COUNT)
    },
    clear: () => {
      settings.failNextReset.clear()
      settings.rateLimitEvery = 0
      settings.latencyMs = 0
      settings.edgeChallenges = 0
    },
    current: () => ({ ...settings, failNextReset: [...settings.failNextReset] }),
  }
  return { faults, settings }
}
