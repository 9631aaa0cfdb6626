// How much state one service's mock keeps at most. Each request is bounded
// already (a body of 1 MiB, a seed of MAX_SEEDED of each list); these bound
// the totals, so that many requests cannot grow the mock without end. A seed
// or fault that would go past a limit is refused whole (LimitError), and
// changes nothing.
import { StateError } from './seed-check.js'

export interface StateLimits {
  /** Instances one service keeps (default 100,000: as many as one seed may list). */
  readonly maxInstances: number
  /** Images one service keeps, those listed and those an instance brings (default 200,000: any one seed's). */
  readonly maxImages: number
  /** Key pairs one service keeps (default 100,000). */
  readonly maxKeyPairs: number
  /** Instance ids pending an injected reset failure (`failNextReset`), one service (default 100,000). */
  readonly maxFailNextReset: number
}

export const DEFAULT_STATE_LIMITS: StateLimits = Object.freeze({
  maxInstances: 100_000,
  maxImages: 200_000,
  maxKeyPairs: 100_000,
  maxFailNextReset: 100_000,
})

/** A seed or fault that would take a service past one of its StateLimits; `limit` is the option's name. */
export class LimitError extends StateError {
  override readonly name: string = 'LimitError'
  constructor(
    readonly limit: keyof StateLimits,
    readonly max: number,
    service: string,
    would: number,
    what: string,
  ) {
    super(`${service} would hold ${would} ${what}, over the limit of ${max} (${limit})`)
  }
}

/** The limits of `options` over the defaults; a limit that is not a whole number of at least 1 is a RangeError. */
export function stateLimits(options: Partial<Record<keyof StateLimits, number | undefined>> = {}): StateLimits {
  const limits = { ...DEFAULT_STATE_LIMITS }
  for (const name of Object.keys(DEFAULT_STATE_LIMITS) as (keyof StateLimits)[]) {
    const value = options[name]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
      throw new RangeError(`${name} must be a whole number of at least 1 (got ${String(value).slice(0, 40)})`)
    limits[name] = value
  }
  return limits
}
