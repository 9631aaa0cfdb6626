// Waiting without real clocks in tests: every delay goes through a Sleep that
// a test can replace, and every wait ends early when its signal aborts.

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/** A signal that aborts after `ms`, with a reason that says it was this timer. */
export function timeoutSignal(ms: number): { signal: AbortSignal; cancel(): void; fired(): boolean } {
  const controller = new AbortController()
  let fired = false
  const timer = setTimeout(() => {
    fired = true
    controller.abort(new Error(`timeout after ${ms} ms`))
  }, ms)
  return { signal: controller.signal, cancel: () => clearTimeout(timer), fired: () => fired }
}

/** A signal that aborts when any of the given ones does. */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => s !== undefined)
  return present.length === 1 ? (present[0] as AbortSignal) : AbortSignal.any(present)
}
