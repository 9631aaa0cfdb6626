import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import * as errors from '../src/errors.js'

const { ApiError, ConfigError, NetworkError, ProtocolError, RedirectError, TimeoutError, ZenlayerError } = errors

describe('errors', () => {
  it('are recognised across two copies of the package', async () => {
    // A second copy of the module: another URL gives another module instance, as a second install would.
    const url: string = '../src/errors.js?copy=2'
    const copy = (await import(/* @vite-ignore */ url)) as typeof errors
    expect(copy.ApiError).not.toBe(ApiError)
    const foreign = new copy.ApiError('CODE', 'm', 'r', 404, 'A')
    expect(foreign instanceof ApiError).toBe(true)
    expect(foreign instanceof ZenlayerError).toBe(true)
    expect(foreign instanceof NetworkError).toBe(false)
    expect(new ApiError('C', 'm', 'r', 400, 'A') instanceof copy.ZenlayerError).toBe(true)
    expect(new copy.RedirectError('A', 307) instanceof RedirectError).toBe(true)
    expect(new Error('plain') instanceof ZenlayerError).toBe(false)
    expect({ code: 'X' } instanceof ApiError).toBe(false)
    expect((null as unknown) instanceof ApiError).toBe(false)
  })

  it('a subclass of a caller keeps its parents', () => {
    class MyError extends ApiError {}
    const e = new MyError('C', 'm', 'r', 500, 'A')
    expect(e instanceof ApiError).toBe(true)
    expect(e instanceof MyError).toBe(true)
    expect(e instanceof ZenlayerError).toBe(true)
    expect(e instanceof TimeoutError).toBe(false)
  })

  it.each([
    [new ApiError('C', 'm', 'r', 400, 'A'), false],
    [new ApiError('C', 'm', 'r', 429, 'A'), false],
    [new ApiError('C', 'm', 'r', 500, 'A'), true],
    [new NetworkError('A', true, new Error('x')), false],
    [new NetworkError('A', false, new Error('x')), true],
    [new TimeoutError('A', 5, 'attempt'), true],
    [new RedirectError('A', 303), true],
    [new ProtocolError('REPLY_MALFORMED', 'A', 200, 'd', ['i']), true],
    [new ConfigError('baseUrl', 'is bad'), false],
  ])('%s says whether it may have been applied', (error, applied) => {
    expect(error.mayHaveBeenApplied).toBe(applied)
  })

  it('the brand is not shown', () => {
    const e = new ProtocolError('REPLY_MALFORMED', 'A', 200, 'd', ['i-1'])
    expect(Object.keys(e)).not.toContain('kinds')
    expect(JSON.stringify(e)).not.toContain('error-kinds')
    expect(inspect(e)).toContain('i-1')
  })
})
