// Issue 26, item 17: the MSW handlers' base URL loses its trailing slashes in
// time linear in its length (a regex took seconds on 50,000 slashes).
import { describe, expect, it } from 'vitest'
import { mswHandlers } from '../src/msw.js'

const target = {
  service: { path: '/api/v2/zec' },
  handle: async () => ({ status: 200, headers: {}, body: '' }),
}
const hub = {
  mocks: { zec: { service: { path: '/api/v2/zec' } } },
  handle: target.handle,
}

describe('mswHandlers baseUrl', () => {
  it.each([
    ['https://mock.example', 'https://mock.example/api/v2/zec'],
    ['https://mock.example/', 'https://mock.example/api/v2/zec'],
    ['https://mock.example///', 'https://mock.example/api/v2/zec'],
    ['https://mock.example/base//', 'https://mock.example/base/api/v2/zec'],
    ['https://mock.example//base', 'https://mock.example//base/api/v2/zec'],
  ])('%s: the handler claims %s', (baseUrl, path) => {
    expect(mswHandlers(target, { baseUrl })[0]?.info.path).toBe(path)
  })

  it('the default is https://console.zenlayer.com; a hub claims each service and the rest of /api/v2/', () => {
    expect(mswHandlers(hub).map((h) => h.info.path)).toEqual([
      'https://console.zenlayer.com/api/v2/zec',
      'https://console.zenlayer.com/api/v2/*',
    ])
  })

  it.each([
    ['50,000 slashes before the end', `https://mock.example${'/'.repeat(50_000)}x`, 50_000],
    ['50,000 slashes at the end', `https://mock.example${'/'.repeat(50_000)}`, 0],
  ])('%s: handled in well under a second', (_name, baseUrl, kept) => {
    const started = performance.now()
    const [handler] = mswHandlers(target, { baseUrl })
    const elapsed = performance.now() - started
    expect(handler?.info.path).toBe(`https://mock.example${'/'.repeat(kept)}${kept > 0 ? 'x' : ''}/api/v2/zec`)
    // The regex took 1.5-3.7 s on the first; a loop takes a few ms on a busy machine.
    expect(elapsed).toBeLessThan(250)
  })
})
