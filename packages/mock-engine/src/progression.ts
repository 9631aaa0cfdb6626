// How an accepted instance moves through its transition: all at once, after a
// delay per state on the mock's clock, or only when the test says so.

export type Progression =
  | { readonly mode: 'immediate' }
  | { readonly mode: 'timed'; readonly delayMs: number }
  | { readonly mode: 'manual' }

export type ProgressionOption = Progression | 'immediate' | 'manual' | number

export function toProgression(option: ProgressionOption | undefined): Progression {
  if (option === undefined || option === 'immediate') return { mode: 'immediate' }
  if (option === 'manual') return { mode: 'manual' }
  if (typeof option === 'number') {
    if (!Number.isFinite(option) || option < 0)
      throw new RangeError('a timed progression needs a non-negative delay in ms')
    return { mode: 'timed', delayMs: option }
  }
  return option
}

/** An instance on its way: where it ends, and when (timed mode). */
export interface InFlight {
  readonly finalStatus: string
  /** Whether the reset ends in the transition's target (a failed one keeps the old image). */
  readonly succeeded: boolean
  readonly dueAt: number | undefined
  readonly requestId: string
  readonly imageId: string | undefined
  /** The reset's carried fields (MockOperation carries), left on the instance when it succeeds. */
  readonly carried: Readonly<Record<string, unknown>>
  /**
   * Immediate progression whose end is also a start status (bmc: RUNNING): the instance shows `via` to the first status
   * query that lists it and ends right after, or no observer could tell that the reset happened.
   */
  readonly untilSeen: boolean
  seen: boolean
}
