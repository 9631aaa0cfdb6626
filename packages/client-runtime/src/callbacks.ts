// A caller's callback (a logger, a progress listener) must never break what
// calls it: by then a reset may already be done, and its outcome matters more.

/** The callback made harmless: what it throws, or the promise it returns rejects with, is dropped. */
export function harmless<Arg>(callback: ((arg: Arg) => unknown) | undefined): ((arg: Arg) => void) | undefined {
  if (!callback) return undefined
  return (arg) => {
    try {
      const outcome: unknown = callback(arg)
      if (outcome && typeof (outcome as PromiseLike<unknown>).then === 'function') {
        Promise.resolve(outcome).catch(() => {})
      }
    } catch {
      // the callback's failure is not the caller's
    }
  }
}
