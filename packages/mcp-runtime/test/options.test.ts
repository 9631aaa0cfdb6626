import { describe, expect, it } from 'vitest'
import { endpointOf, parseOptions } from '../src/options.js'

const KNOWN = ['bmc', 'vm', 'zec']

describe('start flags', () => {
  it('has defaults, and reads each flag in both spellings', () => {
    expect(parseOptions([], KNOWN)).toMatchObject({
      readOnly: false,
      services: undefined,
      maxInstances: 100,
      confirmMinutes: 10,
      maxWaitSeconds: 3600,
    })
    expect(
      parseOptions(
        [
          '--read-only',
          '--services=zec,vm',
          '--max-instances',
          '5',
          '--confirm-minutes=2',
          '--endpoint',
          'http://127.0.0.1:8787/',
        ],
        KNOWN,
      ),
    ).toMatchObject({
      readOnly: true,
      services: ['zec', 'vm'],
      maxInstances: 5,
      confirmMinutes: 2,
      endpoint: 'http://127.0.0.1:8787',
    })
  })

  it.each([
    [['--max-instances', '0'], /--max-instances must be a whole number from 1 to 100000/],
    [['--max-instances', '1e3'], /--max-instances must be a whole number/],
    [['--max-instances', '100001'], /--max-instances must be/],
    [['--confirm-minutes'], /--confirm-minutes needs a value/],
    [['--services', 'zec,zec'], /twice/],
    [['--services', 'ecs'], /unknown service; known: bmc, vm, zec/],
    [['--read-only=yes'], /--read-only takes no value/],
    [['--token=abc'], /unknown option "--token"/],
    [['zec'], /unexpected argument/],
    [['--profile', 'a', '--profile', 'b'], /given twice/],
  ])('%j is a one-line mistake', (argv, message) => {
    expect(() => parseOptions(argv, KNOWN)).toThrow(message)
  })

  it('never echoes a value in a mistake', () => {
    expect(() => parseOptions(['--access-key=id:hunter2secret'], KNOWN)).toThrow(/^unknown option "--access-key" /)
    try {
      parseOptions(['--access-key=id:hunter2secret'], KNOWN)
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2')
    }
  })

  it.each([
    ['https://console.zenlayer.com', 'https://console.zenlayer.com'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://[::1]:1', 'http://[::1]:1'],
    ['http://127.0.0.2:9', 'http://127.0.0.2:9'],
  ])('endpoint %s is allowed', (given, used) => {
    expect(endpointOf(given)).toBe(used)
  })

  it.each([
    ['http://10.0.0.1:8787', /plain http only to a loopback host/],
    ['http://127.0.0.1.evil.com', /plain http only to a loopback host/],
    ['ftp://127.0.0.1', /https URL/],
    ['https://a:b@example.com', /user or password/],
    ['https://example.com/?x=1', /query or fragment/],
    ['not a url', /must be a URL/],
  ])('endpoint %s is refused', (given, message) => {
    expect(() => endpointOf(given)).toThrow(message)
  })
})
