import { describe, expect, it } from 'vitest'
import { checkEndpoint, checkRetry, checkTimeout, isLoopback } from '../src/config.js'
import { ConfigError } from '../src/errors.js'

function refusal(run: () => unknown): ConfigError {
  try {
    run()
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('baseUrl', () => {
  it.each([
    ['https://console.zenlayer.com', false, 'https://console.zenlayer.com', 'console.zenlayer.com'],
    ['https://console.zenlayer.com/', false, 'https://console.zenlayer.com', 'console.zenlayer.com'],
    ['https://gw.example:8443/prefix/', false, 'https://gw.example:8443/prefix', 'gw.example:8443'],
    ['http://127.0.0.1:8787', false, 'http://127.0.0.1:8787', '127.0.0.1:8787'],
    ['http://127.9.9.9', false, 'http://127.9.9.9', '127.9.9.9'],
    ['http://localhost:1', false, 'http://localhost:1', 'localhost:1'],
    ['http://[::1]:1', false, 'http://[::1]:1', '[::1]:1'],
    ['http://10.0.0.1', true, 'http://10.0.0.1', '10.0.0.1'],
  ])('%s is accepted (allowInsecureHttp %s)', (url, insecure, origin, host) => {
    expect(checkEndpoint(url, insecure)).toEqual({ origin, host })
  })

  it.each([
    ['http://console.zenlayer.com', 'plain http'],
    ['http://10.0.0.1', 'plain http'],
    ['http://127.0.0.1.evil.example', 'plain http'],
    ['http://localhost.evil.example', 'plain http'],
    ['ftp://x', 'must use https'],
    ['javascript:alert(1)', 'must use https'],
    ['file:///etc/passwd', 'must use https'],
    ['console.zenlayer.com', 'must start with its scheme'],
    ['', 'must be a URL'],
    ['https://', 'not a valid URL'],
    ['https://console.zenlayer.com/?a=1', 'query'],
    ['https://console.zenlayer.com/#x', 'fragment'],
  ])('%s is refused', (url, rule) => {
    const error = refusal(() => checkEndpoint(url, false))
    expect(error.option).toBe('baseUrl')
    expect(error.code).toBe('INVALID_CONFIG')
    expect(error.message).toContain(rule)
  })

  it('refuses userinfo without quoting it', () => {
    for (const url of ['http://user:SECRETPASS@127.0.0.1:1', 'https://SECRETPASS@console.zenlayer.com']) {
      const error = refusal(() => checkEndpoint(url, true))
      expect(error.option).toBe('baseUrl')
      expect(`${error.message}${error.stack}${JSON.stringify(error)}`).not.toContain('SECRETPASS')
    }
  })

  it('knows loopback from look-alikes', () => {
    expect(['localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '[::1]'].every(isLoopback)).toBe(true)
    expect(
      ['127.0.0.1.nip.io', 'localhost.com', 'evil.localhost', '10.0.0.1', '[::2]', '0.0.0.0', '[::ffff:7f00:1]'].some(
        isLoopback,
      ),
    ).toBe(false)
  })
})

describe('timeouts and retry policy', () => {
  it.each([-1, 0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '5', null])('timeout %s is refused', (value) => {
    expect(refusal(() => checkTimeout('attemptTimeoutMs', value, 1)).option).toBe('attemptTimeoutMs')
  })
  it('a valid timeout is kept, an absent one defaults', () => {
    expect(checkTimeout('callTimeoutMs', 250, 1)).toBe(250)
    expect(checkTimeout('callTimeoutMs', undefined, 7)).toBe(7)
  })
  it.each([
    [{ maxAttempts: 0 }, 'retry.maxAttempts'],
    [{ maxAttempts: 1.5 }, 'retry.maxAttempts'],
    [{ maxAttempts: 1000 }, 'retry.maxAttempts'],
    [{ baseDelayMs: -5 }, 'retry.baseDelayMs'],
    [{ maxDelayMs: Number.NaN }, 'retry.maxDelayMs'],
    ['yes', 'retry'],
    [[], 'retry'],
  ])('retry %j is refused', (value, option) => {
    expect(refusal(() => checkRetry(value)).option).toBe(option)
  })
})
