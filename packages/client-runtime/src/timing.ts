// Waiting without real clocks in tests: every delay goes through a Sleep that
// a test can replace, and every wait ends early when its signal aborts.

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** setTimeout's largest delay; a longer one would fire at once, so longer sleeps are chained. */
export const MAX_TIMER_MS = 2 ** 31 - 1

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const step = Math.min(Math.max(ms, 0), MAX_TIMER_MS)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      if (ms > step) realSleep(ms - step, signal).then(resolve, reject)
      else resolve()
    }, step)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/**
 * A controller that aborts after `ms`, or when `parent` aborts (with the
 * parent's reason). Cheaper than AbortSignal.any with AbortSignal.timeout,
 * and it says which of the two fired. Call dispose() when done.
 */
export function linkedController(
  parent: AbortSignal | undefined,
  ms: number,
): { signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new Error(`timeout after ${ms} ms`))
  }, ms)
  const onParentAbort = () => controller.abort(parent?.reason)
  if (parent?.aborted) onParentAbort()
  else parent?.addEventListener('abort', onParentAbort, { once: true })
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParentAbort)
    },
  }
}
