// Issue 26, items 2 and 17: no timer beyond what Node accepts (a longer one
// fires at once, and a waiter built on it spins), and a base URL's trailing
// slashes stripped in linear time.
import { describe, expect, it } from 'vitest'
import { checkEndpoint } from '../src/config.js'
import { realSleep } from '../src/timing.js'

describe('realSleep past setTimeout’s largest delay', () => {
  for (const ms of [2 ** 31, 99_999_999_999_000, Number.MAX_SAFE_INTEGER]) {
    it(`sleeps ${ms} ms without firing early, and can be cancelled`, async () => {
      const controller = new AbortController()
      let settled = false
      const sleeping = realSleep(ms, controller.signal).then(
        () => {
          settled = true
          return 'resolved'
        },
        () => 'cancelled',
      )
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(settled).toBe(false)
      controller.abort()
      expect(await sleeping).toBe('cancelled')
    })
  }
})

describe('a base URL with a long run of slashes', () => {
  it('50,000 trailing slashes are stripped at once', () => {
    const started = performance.now()
    const endpoint = checkEndpoint(`https://gw.example/p${'/'.repeat(50_000)}`, false)
    expect(endpoint.origin).toBe('https://gw.example/p')
    // Linear work takes a few ms; the old regex took seconds. A wide margin, not a benchmark.
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('50,000 slashes before a last segment are kept, at once', () => {
    const started = performance.now()
    const path = `/p${'/'.repeat(50_000)}q`
    expect(checkEndpoint(`https://gw.example${path}`, false).origin).toBe(`https://gw.example${path}`)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
