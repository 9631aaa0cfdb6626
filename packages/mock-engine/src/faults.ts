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

export function createFaults(): { faults: Faults; settings: FaultSettings } {
  const settings: FaultSettings = { failNextReset: new Set(), rateLimitEvery: 0, latencyMs: 0, edgeChallenges: 0 }
  const nonNegative = (n: number, what: string): number => {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be a non-negative number`)
    return Math.floor(n)
  }
  const faults: Faults = {
    failNextReset: (...ids) => {
      for (const id of ids) settings.failNextReset.add(id)
    },
    rateLimit: (every) => {
      settings.rateLimitEvery = nonNegative(every, 'rateLimit(every)')
    },
    latency: (ms) => {
      settings.latencyMs = nonNegative(ms, 'latency(ms)')
    },
    edgeChallenge: (count = 1) => {
      settings.edgeChallenges = nonNegative(count, 'edgeChallenge(count)')
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
