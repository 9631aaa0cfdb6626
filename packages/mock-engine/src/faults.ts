// Trouble on demand, for testing what automation does when things go wrong.

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
  failNextReset(...instanceIds: string[]): void
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

export function createFaults(): { faults: Faults; settings: FaultSettings } {
  const settings: FaultSettings = { failNextReset: new Set(), rateLimitEvery: 0, latencyMs: 0, edgeChallenges: 0 }
  // Refused, never mangled: 0.5 is not "every 0th call", and a delay node cannot wait is not 1 ms.
  const whole = (n: number, what: string, max: number): number => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) {
      throw new RangeError(`${what} must be a whole number from 0 to ${max} (got ${JSON.stringify(n)?.slice(0, 40)})`)
    }
    return n
  }
  const faults: Faults = {
    failNextReset: (...ids) => {
      for (const id of ids) {
        if (typeof id !== 'string' || id === '' || id.length > 256) {
          throw new RangeError(
            `failNextReset takes instance ids, non-empty strings (got ${JSON.stringify(id)?.slice(0, 40)})`,
          )
        }
      }
      for (const id of ids) settings.failNextReset.add(id)
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
