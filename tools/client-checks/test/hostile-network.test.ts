// The generated clients against a real HTTP server on loopback that misbehaves:
// redirects, server errors, rate limiting, dropped and refused connections,
// malformed and oversized replies, hanging, a skewed clock. Every case runs on
// both send paths (direct fetch, and openapi-fetch through a middleware or a
// logger) and counts what the server really received.
import { inspect } from 'node:util'
import { createVmClient } from '@zenlayer-reset/vm-client'
import * as vmValidator from '@zenlayer-reset/vm-validator'
import type * as zec from '@zenlayer-reset/zec-client'
import {
  ApiError,
  type CallOptions,
  type ClientConfig,
  type ClientLogEvent,
  ConfigError,
  createZecClient,
  EdgeBlockedError,
  InvalidInputError,
  NetworkError,
  ProtocolError,
  RedirectError,
  TimeoutError,
  ZenlayerError,
} from '@zenlayer-reset/zec-client'
import * as zecValidator from '@zenlayer-reset/zec-validator'
import { describe, expect, it } from 'vitest'
import { failure } from './fake-server.js'
import {
  apiError,
  closedPort,
  json,
  type LocalServer,
  ok,
  REQUEST_ID,
  type Reply,
  type Script,
  type Step,
  text,
  withServers,
} from './local-server.js'

// One configuration for either service's client: validators are typed per service, and these tests pick
// the service at run time.
type EitherConfig = ClientConfig<string, string>

const PASSWORD = 'Hostile+Pass1'
const ASKED = ['inst-1', 'inst-2']

type Path = 'direct' | 'openapi-fetch (raw.use)' | 'openapi-fetch (logger)'
const PATHS: readonly Path[] = ['direct', 'openapi-fetch (raw.use)', 'openapi-fetch (logger)']

interface Target {
  readonly name: string
  readonly service: 'zec' | 'vm'
  readonly action: 'ResetInstances' | 'ResetInstance' | 'DescribeInstancesStatus'
  readonly reset: boolean
  /** The request path on the wire. */
  readonly path: string
  /** The ids the call asks about. */
  readonly ids: readonly string[]
  /** A valid input carrying a password where the action takes one. */
  readonly input: Record<string, unknown>
}

const ZEC_RESET: Target = {
  name: 'zec resetInstances',
  service: 'zec',
  action: 'ResetInstances',
  reset: true,
  path: '/api/v2/zec',
  ids: ASKED,
  input: { instanceIds: ASKED, password: PASSWORD },
}
const VM_RESET: Target = {
  name: 'vm resetInstance',
  service: 'vm',
  action: 'ResetInstance',
  reset: true,
  path: '/api/v2/vm',
  ids: ['inst-1'],
  input: { instanceId: 'inst-1', password: PASSWORD },
}
const ZEC_DESCRIBE: Target = {
  name: 'zec describeInstancesStatus',
  service: 'zec',
  action: 'DescribeInstancesStatus',
  reset: false,
  path: '/api/v2/zec',
  ids: ASKED,
  input: { instanceIds: ASKED },
}
const VM_DESCRIBE: Target = {
  name: 'vm describeInstancesStatus',
  service: 'vm',
  action: 'DescribeInstancesStatus',
  reset: false,
  path: '/api/v2/vm',
  ids: ['inst-1'],
  input: { instanceIds: ['inst-1'] },
}
const TARGETS: readonly Target[] = [ZEC_RESET, VM_RESET, ZEC_DESCRIBE, VM_DESCRIBE]
const RESETS = TARGETS.filter((t) => t.reset)
const DESCRIBES = TARGETS.filter((t) => !t.reset)

/** A sleep that resolves at once and records what it was asked to wait. */
function fakeSleep() {
  const sleeps: number[] = []
  return {
    sleeps,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason
      sleeps.push(ms)
    },
  }
}

interface Harness {
  /** Makes the call (the same client each time). */
  call(input?: unknown, options?: CallOptions): Promise<unknown>
  readonly sleeps: number[]
  readonly logs: ClientLogEvent[]
  /** Requests seen by the middleware registered on `raw` (openapi-fetch (raw.use) only). */
  readonly middleware: { requests: number }
}

/** A client of the target's service on the given send path, with no real waiting and fixed jitter. */
function harness(target: Target, path: Path, server: { url: string }, extra: Partial<EitherConfig> = {}): Harness {
  const time = fakeSleep()
  const logs: ClientLogEvent[] = []
  const config: EitherConfig = {
    baseUrl: server.url,
    credentials: { accessKeyId: 'AKID-hostile', accessKeySecret: 'hostile-secret-key' },
    sleep: time.sleep,
    random: () => 0.5,
    ...(path === 'openapi-fetch (logger)' ? { logger: (event: ClientLogEvent) => logs.push(event) } : {}),
    ...extra,
  }
  const client = target.service === 'zec' ? createZecClient(config as never) : createVmClient(config as never)
  const middleware = { requests: 0 }
  if (path === 'openapi-fetch (raw.use)') {
    client.raw.use({
      onRequest: () => {
        middleware.requests++
        return undefined
      },
    })
  }
  const method = (
    target.action === 'ResetInstances'
      ? (client as zec.ZecClient).resetInstances
      : target.action === 'ResetInstance'
        ? (client as ReturnType<typeof createVmClient>).resetInstance
        : client.describeInstancesStatus
  ) as (input: unknown, options?: CallOptions) => Promise<unknown>
  return {
    call: (input = target.input, options) => method(input, options),
    sleeps: time.sleeps,
    logs,
    middleware,
  }
}

/** Runs `body` with one server per script, closing them after. */
const on: (scripts: readonly Script[], body: (...servers: LocalServer[]) => Promise<void>) => Promise<void> =
  withServers

const statusOf = (target: Target): Reply =>
  target.reset ? ok({ requestId: REQUEST_ID }) : ok({ requestId: REQUEST_ID, totalCount: 0, dataSet: [] })

describe.each(PATHS)('%s', (path) => {
  describe.each(TARGETS)('$name', (target) => {
    it('goes through the send path under test', async () => {
      await on([[statusOf(target)]], async (server) => {
        const h = harness(target, path, server)
        await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
        expect(server.received).toBe(1)
        expect(server.requests[0]).toMatchObject({ method: 'POST', url: target.path })
        expect(server.requests[0]?.headers['x-zc-action']).toBe(target.action)
        expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(target.input)
        expect(h.middleware.requests).toBe(path === 'openapi-fetch (raw.use)' ? 1 : 0)
        expect(h.logs.some((e) => e.type === 'request')).toBe(path === 'openapi-fetch (logger)')
      })
    })

    describe('redirects are refused, never followed, never retried', () => {
      const cases = [
        { name: '307 to the same URL', status: 307, elsewhere: false },
        { name: '308 to another origin', status: 308, elsewhere: true },
        { name: '303 to another origin', status: 303, elsewhere: true },
        { name: '302 to another origin', status: 302, elsewhere: true },
        { name: '301 to the same URL', status: 301, elsewhere: false },
        { name: '300 to another origin', status: 300, elsewhere: true },
      ]
      it.each(cases)('$name', async ({ status, elsewhere }) => {
        let self = ''
        const redirect = (): Step => ({ redirect: status, location: `${self}${target.path}` })
        await on([[statusOf(target)], [redirect, statusOf(target)]], async (other, server) => {
          if (!other || !server) throw new Error('two servers expected')
          self = elsewhere ? other.url : server.url
          const h = harness(target, path, server)
          const error = await failure(h.call())
          expect(server.received).toBe(1)
          expect(other.received).toBe(0)
          expect(other.connections).toBe(0)
          expect(error).toBeInstanceOf(RedirectError)
          expect(error).toBeInstanceOf(ZenlayerError)
          expect(error).toMatchObject({ code: 'REDIRECT_REFUSED', status, mayHaveBeenApplied: true })
          expect(h.sleeps).toEqual([])
        })
      })
    })

    it('a fetch that follows redirects anyway: RedirectError all the same, never retried', async () => {
      let self = ''
      const redirect = (): Step => ({ redirect: 307, location: `${self}${target.path}` })
      await on([[redirect, statusOf(target)]], async (server) => {
        self = server.url
        const following: typeof fetch = (input, init) =>
          globalThis.fetch(input instanceof Request ? new Request(input, { redirect: 'follow' }) : input, {
            ...init,
            redirect: 'follow',
          })
        const h = harness(target, path, server, { fetch: following })
        const error = await failure(h.call())
        expect(error).toBeInstanceOf(RedirectError)
        expect(error).toMatchObject({ code: 'REDIRECT_REFUSED', mayHaveBeenApplied: true })
        // The given fetch did follow (2 requests); the client neither believed the reply nor tried again.
        expect(server.received).toBe(2)
        expect(h.sleeps).toEqual([])
      })
    })

    describe('server errors', () => {
      const bodies: { name: string; reply: (status: number) => Reply; envelope: boolean }[] = [
        {
          name: 'the envelope with REQUEST_LIMIT_EXCEEDED',
          reply: (status) => apiError(status, 'REQUEST_LIMIT_EXCEEDED'),
          envelope: true,
        },
        {
          name: 'the envelope with SERVICE_TEMPORARY_UNAVAILABLE',
          reply: (status) => apiError(status, 'SERVICE_TEMPORARY_UNAVAILABLE'),
          envelope: true,
        },
        {
          name: 'an HTML body (no envelope)',
          reply: (status) => text(status, '<html>bad gateway</html>'),
          envelope: false,
        },
      ]
      const cases = [500, 502, 503, 504].flatMap((status) => bodies.map((body) => ({ status, ...body })))
      if (target.reset) {
        it.each(cases)('$status with $name reaches the server exactly once', async ({ status, reply, envelope }) => {
          await on([[reply(status), statusOf(target)]], async (server) => {
            const h = harness(target, path, server)
            const error = await failure(h.call())
            expect(server.received).toBe(1)
            expect(h.sleeps).toEqual([])
            expect(error).toBeInstanceOf(ZenlayerError)
            if (envelope) {
              expect(error).toBeInstanceOf(ApiError)
              expect(error).toMatchObject({ status, action: target.action, mayHaveBeenApplied: true })
            }
          })
        })
      } else {
        it.each(cases)('$status with $name is retried up to maxAttempts (4)', async ({ status, reply, envelope }) => {
          await on([[reply(status)]], async (server) => {
            const h = harness(target, path, server)
            const error = await failure(h.call())
            expect(server.received).toBe(4)
            expect(h.sleeps).toEqual([750, 1500, 3000])
            if (envelope) expect(error).toMatchObject({ name: 'ApiError', status })
          })
        })
        it('a 503 then a good reply succeeds after 2 requests', async () => {
          await on([[apiError(503, 'SERVICE_TEMPORARY_UNAVAILABLE'), statusOf(target)]], async (server) => {
            const h = harness(target, path, server)
            await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
            expect(server.received).toBe(2)
          })
        })
      }
    })

    describe('rate limiting (429) is retried for every action, honouring Retry-After', () => {
      const retryAfter: {
        value: string | (() => string)
        name: string
        sleeps: (s: number[]) => void
        stops?: true
      }[] = [
        { name: "'0'", value: '0', sleeps: atMostBackoff },
        { name: "'1'", value: '1', sleeps: (s) => expect(s).toEqual([1000]) },
        { name: "'-1' (ignored)", value: '-1', sleeps: (s) => expect(s).toEqual([750]) },
        { name: "'1.5' (ignored)", value: '1.5', sleeps: (s) => expect(s).toEqual([750]) },
        { name: "'soon' (ignored)", value: 'soon', sleeps: (s) => expect(s).toEqual([750]) },
        {
          name: 'an HTTP date in the past',
          value: () => new Date(Date.now() - 60_000).toUTCString(),
          sleeps: atMostBackoff,
        },
        { name: "'86400' (beyond the cap)", value: '86400', sleeps: (s) => expect(s).toEqual([]), stops: true },
      ]
      const kinds = [
        {
          kind: 'with the envelope',
          reply: (headers: Record<string, string>) => apiError(429, 'REQUEST_LIMIT_EXCEEDED', headers),
        },
        {
          kind: 'without the envelope',
          reply: (headers: Record<string, string>) => text(429, '<html>slow down</html>', headers),
        },
      ]
      const cases = kinds.flatMap((k) => retryAfter.map((r) => ({ ...k, ...r })))
      it.each(cases)('$kind, Retry-After $name', async ({ kind, reply, value, sleeps, stops }) => {
        const header = typeof value === 'function' ? value() : value
        await on([[reply({ 'retry-after': header }), statusOf(target)]], async (server) => {
          const h = harness(target, path, server)
          if (stops) {
            const error = await failure(h.call())
            expect(server.received).toBe(1)
            if (kind === 'with the envelope') expect(error).toBeInstanceOf(ApiError)
            else expect(error).toMatchObject({ name: 'EdgeBlockedError', reason: 'rate-limited' })
            expect(error).toMatchObject({ status: 429 })
          } else {
            await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
            expect(server.received).toBe(2)
          }
          sleeps(h.sleeps)
          // The logger is told the delay that was really waited.
          if (path === 'openapi-fetch (logger)') {
            expect(h.logs.flatMap((e) => (e.type === 'retry' ? [e.delayMs] : []))).toEqual(h.sleeps)
          }
        })
      })
      it('a Retry-After past the end of the call timeout: no wait, 1 request', async () => {
        await on(
          [[apiError(429, 'REQUEST_LIMIT_EXCEEDED', { 'retry-after': '10' }), statusOf(target)]],
          async (server) => {
            const h = harness(target, path, server, { callTimeoutMs: 5000 })
            const error = await failure(h.call())
            expect(error).toMatchObject({ name: 'ApiError', status: 429 })
            expect(server.received).toBe(1)
            expect(h.sleeps).toEqual([])
          },
        )
      })
      it('Retry-After is honoured on every retry', async () => {
        const limited = apiError(429, 'REQUEST_LIMIT_EXCEEDED', { 'retry-after': '2' })
        await on([[limited, limited, limited, statusOf(target)]], async (server) => {
          const h = harness(target, path, server)
          await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
          expect(server.received).toBe(4)
          // At least what the server asked each time (the backoff may be longer: 3000 ms on the third).
          expect(h.sleeps).toHaveLength(3)
          expect(h.sleeps.slice(0, 2)).toEqual([2000, 2000])
          expect(Math.min(...h.sleeps)).toBeGreaterThanOrEqual(2000)
        })
      })
      it.each(kinds)('$kind, without Retry-After: 4 attempts with backoff, then the error', async ({ kind, reply }) => {
        await on([[reply({})]], async (server) => {
          const h = harness(target, path, server)
          const error = await failure(h.call())
          expect(server.received).toBe(4)
          expect(h.sleeps).toEqual([750, 1500, 3000])
          if (kind === 'with the envelope') {
            expect(error).toBeInstanceOf(ApiError)
            expect(error).toMatchObject({ status: 429, code: 'REQUEST_LIMIT_EXCEEDED', mayHaveBeenApplied: false })
          } else {
            expect(error).toBeInstanceOf(EdgeBlockedError)
            expect(error).toMatchObject({ status: 429, reason: 'rate-limited', code: 'EDGE_RATE_LIMITED' })
          }
        })
      })
    })

    describe('dropped connections', () => {
      const steps: Step[] = ['destroy-before-read', 'destroy-after-read']
      if (target.reset) {
        it.each(steps)('%s: a NetworkError, not retried', async (step) => {
          await on([[step, statusOf(target)]], async (server) => {
            const h = harness(target, path, server)
            const error = await failure(h.call())
            expect(error).toBeInstanceOf(NetworkError)
            expect(error).toMatchObject({ neverSent: false })
            expect(server.received).toBeLessThanOrEqual(1)
            expect(server.connections).toBeLessThanOrEqual(1)
            expect(h.sleeps).toEqual([])
          })
        })
      } else {
        it.each(steps)('%s: retried, then succeeds', async (step) => {
          await on([[step, statusOf(target)]], async (server) => {
            const h = harness(target, path, server)
            await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
            expect(server.received).toBe(2)
            expect(h.sleeps).toHaveLength(1)
          })
        })
      }
    })

    it('a refused connection: NetworkError neverSent, retried up to maxAttempts', async () => {
      const port = await closedPort()
      let fetches = 0
      const counting: typeof fetch = (input, init) => {
        fetches++
        return globalThis.fetch(input, init)
      }
      const h = harness(target, path, { url: `http://127.0.0.1:${port}` }, { fetch: counting })
      const error = await failure(h.call())
      expect(error).toBeInstanceOf(NetworkError)
      expect(error).toMatchObject({ neverSent: true })
      expect(fetches).toBe(4)
      expect(h.sleeps).toEqual([750, 1500, 3000])
    })

    describe('oversized replies (maxResponseBytes 1024)', () => {
      const padding = 'x'.repeat(2048)
      const big = { ...ok({ requestId: REQUEST_ID, totalCount: 0, padding }) }
      const cases = [
        { name: 'a 2 KiB body with Content-Length', reply: big },
        { name: 'a 2 KiB chunked body without Content-Length', reply: { ...big, chunked: true } },
        { name: 'a 2 KiB error envelope', reply: apiError(400, 'INVALID_PARAMETER_MISSING', {}, padding) },
      ]
      it.each(cases)('$name: ProtocolError REPLY_TOO_LARGE', async ({ reply }) => {
        await on([[reply, statusOf(target)]], async (server) => {
          const h = harness(target, path, server, { maxResponseBytes: 1024, retry: false })
          const error = await failure(h.call())
          expect(error).toBeInstanceOf(ProtocolError)
          expect(error).toMatchObject({ code: 'REPLY_TOO_LARGE', mayHaveBeenApplied: true })
          expect(server.received).toBe(1)
        })
      })
      if (target.reset) {
        it('is not retried for a reset (default retry policy)', async () => {
          await on([[{ ...big, chunked: true }, statusOf(target)]], async (server) => {
            const h = harness(target, path, server, { maxResponseBytes: 1024 })
            const error = await failure(h.call())
            expect(error).toMatchObject({ code: 'REPLY_TOO_LARGE' })
            expect(server.received).toBe(1)
            expect(h.sleeps).toEqual([])
          })
        })
      }
      it('a reply under the limit is read', async () => {
        await on([[ok({ requestId: REQUEST_ID, totalCount: 0, padding: 'x'.repeat(800) })]], async (server) => {
          const h = harness(target, path, server, { maxResponseBytes: 1024 })
          await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
        })
      })
      it('the default bound is 4 MiB: a 5 MiB chunked reply is refused', async () => {
        const huge = { ...ok({ requestId: REQUEST_ID, totalCount: 0, padding: 'x'.repeat(5 * 1024 * 1024) }) }
        await on([[{ ...huge, chunked: true }]], async (server) => {
          const h = harness(target, path, server, { retry: false })
          const error = await failure(h.call())
          expect(error).toMatchObject({ code: 'REPLY_TOO_LARGE' })
        })
      })
    })

    describe('cancellation and timeouts', () => {
      const fetches: { name: string; fetch?: typeof fetch }[] = [
        { name: 'the global fetch' },
        { name: 'a fetch that ignores the signal', fetch: ignoringSignal },
      ]
      describe.each(fetches)('with $name', ({ fetch }) => {
        const withFetch = fetch ? { fetch } : {}
        it('a pre-aborted signal: nothing is sent', async () => {
          await on([[statusOf(target)]], async (server) => {
            const h = harness(target, path, server, withFetch)
            const controller = new AbortController()
            controller.abort(new Error('cancelled by the caller'))
            await expect(h.call(undefined, { signal: controller.signal })).rejects.toBeDefined()
            expect(server.received).toBe(0)
            expect(server.connections).toBe(0)
          })
        })
        it.concurrent('attemptTimeoutMs 200 against a hanging server', async () => {
          await on([['hang']], async (server) => {
            const h = harness(target, path, server, { ...withFetch, attemptTimeoutMs: 200, retry: false })
            const started = Date.now()
            const error = await failure(h.call())
            expect(Date.now() - started).toBeLessThan(2000)
            expect(error).toBeInstanceOf(TimeoutError)
            expect(error).toMatchObject({ scope: 'attempt' })
            expect(server.received).toBe(1)
          })
        })
        it.concurrent('callTimeoutMs 200 against a hanging server', async () => {
          await on([['hang']], async (server) => {
            const h = harness(target, path, server, { ...withFetch, attemptTimeoutMs: 60_000, callTimeoutMs: 200 })
            const started = Date.now()
            const error = await failure(h.call())
            expect(Date.now() - started).toBeLessThan(2000)
            expect(error).toBeInstanceOf(TimeoutError)
            expect(error).toMatchObject({ scope: 'call' })
          })
        })
        it.concurrent('the timeoutMs call option against a hanging server', async () => {
          await on([['hang']], async (server) => {
            const h = harness(target, path, server, { ...withFetch, attemptTimeoutMs: 60_000 })
            const started = Date.now()
            const error = await failure(h.call(undefined, { timeoutMs: 200 }))
            expect(Date.now() - started).toBeLessThan(2000)
            expect(error).toBeInstanceOf(TimeoutError)
            expect(error).toMatchObject({ scope: 'call' })
          })
        })
        it.concurrent('aborting while the server hangs ends the call', async () => {
          await on([['hang']], async (server) => {
            const h = harness(target, path, server, { ...withFetch, attemptTimeoutMs: 60_000 })
            const controller = new AbortController()
            // Abort once the server holds the request (not after a fixed delay, which a loaded machine can beat).
            const watch = setInterval(() => {
              if (server.received >= 1) {
                clearInterval(watch)
                controller.abort(new Error('cancelled by the caller'))
              }
            }, 5)
            const call = h.call(undefined, { signal: controller.signal })
            const started = Date.now()
            await expect(call).rejects.toBeDefined()
            clearInterval(watch)
            expect(Date.now() - started).toBeLessThan(5000)
            expect(server.received).toBe(1)
          })
        })
        if (!target.reset) {
          it.concurrent('a timed-out describe is retried', async () => {
            await on([['hang', 'hang', statusOf(target)]], async (server) => {
              const h = harness(target, path, server, { ...withFetch, attemptTimeoutMs: 100 })
              const started = Date.now()
              await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
              expect(Date.now() - started).toBeLessThan(2000)
              expect(server.received).toBe(3)
            })
          })
        } else {
          it.concurrent('a timed-out reset is not retried', async () => {
            await on([['hang', statusOf(target)]], async (server) => {
              const h = harness(target, path, server, { ...withFetch, attemptTimeoutMs: 100 })
              const error = await failure(h.call())
              expect(error).toBeInstanceOf(TimeoutError)
              // Never twice. (On a loaded machine the 100 ms attempt can end before the request arrives: 0 is also safe.)
              expect(server.received).toBeLessThanOrEqual(1)
              expect(h.sleeps).toEqual([])
              expect(error).toMatchObject({ mayHaveBeenApplied: true })
            })
          })
        }
      })
    })

    if (target.reset) {
      it('the bytes validated are the bytes sent (a getter changing its answer is read once)', async () => {
        await on([[statusOf(target)]], async (server) => {
          let reads = 0
          const input = Object.defineProperty({ ...target.input }, 'password', {
            enumerable: true,
            get() {
              reads++
              return reads === 1 ? 'Valid+Pass1' : 'x'
            },
          })
          const validator = target.service === 'zec' ? zecValidator : vmValidator
          const h = harness(target, path, server, { validator })
          await h.call(input)
          expect(reads).toBe(1)
          expect(JSON.parse(server.requests[0]?.body ?? '{}')).toMatchObject({ password: 'Valid+Pass1' })
        })
      })
    }

    describe('inputs that cannot be serialised: InvalidInputError, nothing sent', () => {
      const idField = target.service === 'vm' && target.reset ? { instanceId: 'inst-1' } : { instanceIds: ['inst-1'] }
      const cycle: Record<string, unknown> = { ...idField }
      cycle.self = cycle
      const inputs: { name: string; input: () => unknown }[] = [
        {
          name: 'a throwing getter',
          input: () =>
            Object.defineProperty({ ...idField }, 'password', {
              enumerable: true,
              get() {
                throw new Error('getter exploded')
              },
            }),
        },
        {
          name: 'a throwing toJSON',
          input: () => ({
            ...idField,
            toJSON() {
              throw new Error('toJSON exploded')
            },
          }),
        },
        { name: 'a BigInt', input: () => ({ ...idField, pageSize: 10n }) },
        { name: 'a cycle', input: () => cycle },
        { name: 'a toJSON giving an array', input: () => ({ ...idField, toJSON: () => [1] }) },
        { name: 'a toJSON giving a string', input: () => ({ ...idField, toJSON: () => 'x' }) },
        { name: 'null', input: () => null },
      ]
      const validators = [
        { validation: 'off', validator: undefined },
        { validation: 'on', validator: target.service === 'zec' ? zecValidator : vmValidator },
      ]
      const cases = inputs.flatMap((i) => validators.map((v) => ({ ...i, ...v })))
      it.each(cases)('$name (validation $validation)', async ({ input, validator }) => {
        await on([[statusOf(target)]], async (server) => {
          const h = harness(target, path, server, validator ? { validator } : {})
          const error = await failure(h.call(input()))
          expect(error).toBeInstanceOf(InvalidInputError)
          expect(error).toMatchObject({ code: 'INVALID_REQUEST_BODY_MALFORMED', mayHaveBeenApplied: false })
          expect(server.received).toBe(0)
          expect(server.connections).toBe(0)
        })
      })
    })

    describe('a skewed clock (the server refuses timestamps more than 300 s off)', () => {
      const skewed = { now: () => Math.floor(Date.now() / 1000) - 400 }
      const stampOf = (server: LocalServer, n: number) => Number(server.requests[n]?.headers['x-zc-timestamp'])
      it('re-signs once with the Date offset, and later calls use it', async () => {
        await withServers([{ script: [statusOf(target)], clock: {} }], async (server) => {
          const h = harness(target, path, server, skewed)
          await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
          expect(server.received).toBe(2)
          const real = Date.now() / 1000
          expect(Math.abs(stampOf(server, 0) - real)).toBeGreaterThan(300)
          expect(Math.abs(stampOf(server, 1) - real)).toBeLessThan(5)
          await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
          expect(server.received).toBe(3)
          expect(Math.abs(stampOf(server, 2) - Date.now() / 1000)).toBeLessThan(5)
        })
      })
      it('a clock 400 s ahead is corrected the same way', async () => {
        await withServers([{ script: [statusOf(target)], clock: {} }], async (server) => {
          const h = harness(target, path, server, { now: () => Math.floor(Date.now() / 1000) + 400 })
          await expect(h.call()).resolves.toMatchObject({ requestId: REQUEST_ID })
          expect(server.received).toBe(2)
          expect(Math.abs(stampOf(server, 1) - Date.now() / 1000)).toBeLessThan(5)
        })
      })
      it('an unreadable Date header on the 401: the ApiError after 1 request', async () => {
        const refusal = apiError(401, 'AUTH_FAILURE_TIMESTAMP_EXPIRED', { date: 'not a date' })
        await on([[{ ...refusal, sendDate: false }, statusOf(target)]], async (server) => {
          const h = harness(target, path, server, skewed)
          const error = await failure(h.call())
          expect(error).toMatchObject({ name: 'ApiError', status: 401, code: 'AUTH_FAILURE_TIMESTAMP_EXPIRED' })
          expect(server.received).toBe(1)
        })
      })
      it('without a Date header on the 401: the ApiError after 1 request', async () => {
        await withServers([{ script: [statusOf(target)], clock: { date: false } }], async (server) => {
          const h = harness(target, path, server, skewed)
          const error = await failure(h.call())
          expect(error).toBeInstanceOf(ApiError)
          expect(error).toMatchObject({ status: 401, code: 'AUTH_FAILURE_TIMESTAMP_EXPIRED' })
          expect(server.received).toBe(1)
        })
      })
      it('a server that keeps refusing: re-signed once only (2 requests)', async () => {
        await on([[apiError(401, 'AUTH_FAILURE_TIMESTAMP_EXPIRED')]], async (server) => {
          const h = harness(target, path, server, skewed)
          const error = await failure(h.call())
          expect(error).toMatchObject({ name: 'ApiError', code: 'AUTH_FAILURE_TIMESTAMP_EXPIRED' })
          expect(server.received).toBe(2)
        })
      })
      it('a 401 whose Date shows no skew: no re-signing (1 request)', async () => {
        await on([[apiError(401, 'AUTH_FAILURE_TIMESTAMP_EXPIRED'), statusOf(target)]], async (server) => {
          const h = harness(target, path, server)
          const error = await failure(h.call())
          expect(error).toMatchObject({ name: 'ApiError', code: 'AUTH_FAILURE_TIMESTAMP_EXPIRED' })
          expect(server.received).toBe(1)
        })
      })
    })
  })

  describe('malformed 200 replies to a reset: ProtocolError REPLY_MALFORMED, 1 request', () => {
    const envelopeWith = (response: unknown) => json(200, { requestId: REQUEST_ID, response })
    const failedList = (list: unknown) => envelopeWith({ requestId: REQUEST_ID, instanceIds: list })
    const shared: { name: string; reply: Reply }[] = [
      { name: 'response: null', reply: envelopeWith(null) },
      { name: 'response: "weird"', reply: envelopeWith('weird') },
      { name: 'response: []', reply: envelopeWith([]) },
      { name: 'response: 42', reply: envelopeWith(42) },
      { name: 'body {}', reply: json(200, {}) },
      { name: 'body null', reply: json(200, null) },
      { name: 'body []', reply: json(200, []) },
      { name: 'an error envelope with status 200', reply: apiError(200, 'INTERNAL_SERVER_ERROR') },
      { name: 'a non-JSON 200', reply: text(200, 'OK') },
      { name: 'an empty 200', reply: { status: 200 } },
      { name: 'a 204 without a body', reply: { status: 204 } },
      { name: 'a 202 that is not the envelope', reply: json(202, { accepted: true }) },
      { name: 'a truncated JSON 200', reply: text(200, '{"requestId":"x","response":{') },
    ]
    const zecOnly: { name: string; reply: Reply }[] = [
      { name: 'failed list "inst-1"', reply: failedList('inst-1') },
      { name: 'failed list {"0":"inst-1"}', reply: failedList({ 0: 'inst-1' }) },
      { name: 'failed list [1]', reply: failedList([1]) },
      { name: 'failed list null', reply: failedList(null) },
      { name: 'failed list ["inst-1", null]', reply: failedList(['inst-1', null]) },
      { name: 'a failed list naming an id that was not asked', reply: failedList(['inst-9']) },
    ]
    it.each([...shared, ...zecOnly])('zec: $name', async ({ reply }) => {
      await on([[reply, statusOf(ZEC_RESET)]], async (server) => {
        const h = harness(ZEC_RESET, path, server)
        const error = await failure(h.call())
        expect(error).toBeInstanceOf(ProtocolError)
        expect(error).toBeInstanceOf(ZenlayerError)
        expect(error).toMatchObject({
          code: 'REPLY_MALFORMED',
          status: reply.status,
          action: 'ResetInstances',
          unknownInstanceIds: ASKED,
          mayHaveBeenApplied: true,
        })
        expect(server.received).toBe(1)
        expect(h.sleeps).toEqual([])
      })
    })
    it.each(shared)('vm: $name', async ({ reply }) => {
      await on([[reply, statusOf(VM_RESET)]], async (server) => {
        const h = harness(VM_RESET, path, server)
        const error = await failure(h.call())
        expect(error).toBeInstanceOf(ProtocolError)
        expect(error).toMatchObject({
          code: 'REPLY_MALFORMED',
          status: reply.status,
          action: 'ResetInstance',
          unknownInstanceIds: ['inst-1'],
          mayHaveBeenApplied: true,
        })
        expect(server.received).toBe(1)
        expect(h.sleeps).toEqual([])
      })
    })
    it.each(DESCRIBES)('$name: response null is a ProtocolError too', async (target) => {
      await on([[envelopeWith(null)]], async (server) => {
        const h = harness(target, path, server, { retry: false })
        const error = await failure(h.call())
        expect(error).toBeInstanceOf(ProtocolError)
        expect(error).toMatchObject({ code: 'REPLY_MALFORMED', action: 'DescribeInstancesStatus' })
      })
    })

    const good = [
      { name: 'absent list: none failed', list: undefined, failed: [], succeeded: ASKED },
      { name: 'empty list: none failed', list: [], failed: [], succeeded: ASKED },
      { name: 'one failed', list: ['inst-2'], failed: ['inst-2'], succeeded: ['inst-1'] },
      { name: 'all failed', list: ['inst-2', 'inst-1'], failed: ['inst-2', 'inst-1'], succeeded: [] },
    ]
    it.each(good)('a well-formed reply still works: $name', async ({ list, failed, succeeded }) => {
      const response = list === undefined ? { requestId: REQUEST_ID } : { requestId: REQUEST_ID, instanceIds: list }
      await on([[envelopeWith(response)]], async (server) => {
        const h = harness(ZEC_RESET, path, server)
        const result = await h.call()
        expect(result).toMatchObject({
          requestId: REQUEST_ID,
          failedInstanceIds: failed,
          succeededInstanceIds: succeeded,
        })
        expect(server.received).toBe(1)
      })
    })
  })

  describe('the body with a password never reaches another origin', () => {
    it.each(RESETS)('$name: 308 to a second local server', async (target) => {
      await on([[statusOf(target)]], async (other) => {
        await on([[{ redirect: 308, location: `${other.url}${target.path}` }]], async (server) => {
          const h = harness(target, path, server)
          await failure(h.call())
          expect(server.requests[0]?.body).toContain(PASSWORD)
          expect(other.requests.map((r) => r.body)).toEqual([])
        })
      })
    })
  })
})

/** One wait, no longer than the backoff (750 ms with jitter 0.5): a Retry-After of 0 asks for no more. */
function atMostBackoff(sleeps: number[]): void {
  expect(sleeps).toHaveLength(1)
  expect(sleeps[0]).toBeLessThanOrEqual(750)
}

/** A fetch that drops the caller's signal: the client must still end the attempt on time. */
const ignoringSignal: typeof fetch = async (input, init) => {
  const request = new Request(input, init)
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text()
  return globalThis.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    redirect: request.redirect,
    ...(body === undefined ? {} : { body }),
  })
}

describe('configuration is checked at creation', () => {
  const refused = [
    'http://console.zenlayer.com',
    'http://10.0.0.1',
    'ftp://x',
    'javascript:alert(1)',
    'console.zenlayer.com',
    'http://user:SECRETPASS@127.0.0.1:1',
    'https://user:SECRETPASS@console.zenlayer.com',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'file:///etc/passwd',
    '',
  ]
  it.each(refused)('baseUrl %j is a ConfigError naming baseUrl', (baseUrl) => {
    for (const create of [createZecClient, createVmClient] as const) {
      let error: unknown
      try {
        create({ baseUrl })
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ConfigError)
      expect(error).toBeInstanceOf(ZenlayerError)
      expect(error).toMatchObject({ code: 'INVALID_CONFIG', option: 'baseUrl' })
      const e = error as Error
      for (const where of [
        e.message,
        String(e.stack),
        JSON.stringify(e),
        inspect(e, { showHidden: true, depth: 10 }),
      ]) {
        expect(where).not.toContain('SECRETPASS')
      }
    }
  })
  it.each(['ftp://x', 'javascript:alert(1)', 'http://user:SECRETPASS@10.0.0.1'])(
    'baseUrl %j is refused even with allowInsecureHttp',
    (baseUrl) => {
      expect(() => createZecClient({ baseUrl, allowInsecureHttp: true })).toThrow(ConfigError)
    },
  )
  const accepted: { baseUrl: string; allowInsecureHttp?: true }[] = [
    { baseUrl: 'http://127.0.0.1:8787' },
    { baseUrl: 'http://127.1.2.3:8787' },
    { baseUrl: 'http://localhost:1' },
    { baseUrl: 'http://[::1]:1' },
    { baseUrl: 'https://console.zenlayer.com' },
    { baseUrl: 'https://console.zenlayer.com/' },
    { baseUrl: 'http://10.0.0.1', allowInsecureHttp: true },
  ]
  it.each(accepted)('baseUrl $baseUrl (allowInsecureHttp $allowInsecureHttp) is accepted', (config) => {
    expect(() => createZecClient(config as never)).not.toThrow()
    expect(() => createVmClient(config as never)).not.toThrow()
  })
  const numbers = [-1, 0, Number.NaN, Number.POSITIVE_INFINITY]
  const options = [
    ...['attemptTimeoutMs', 'callTimeoutMs'].flatMap((option) => numbers.map((value) => ({ option, value }))),
    ...[0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY].map((value) => ({ option: 'maxResponseBytes', value })),
  ]
  it.each(options)('$option $value is a ConfigError naming it', ({ option, value }) => {
    expect(() => createZecClient({ [option]: value } as never)).toThrow(ConfigError)
    let error: unknown
    try {
      createVmClient({ [option]: value } as never)
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ code: 'INVALID_CONFIG', option })
  })
  const retries = [{ maxAttempts: 0 }, { maxAttempts: -1 }, { maxAttempts: 1.5 }, { maxAttempts: Number.NaN }]
  it.each(retries)('retry %j is a ConfigError', (retry) => {
    let error: unknown
    try {
      createZecClient({ retry })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as { option?: unknown }).option).toMatch(/^retry/)
  })
  it('sane values are accepted', () => {
    expect(() =>
      createZecClient({
        attemptTimeoutMs: 1,
        callTimeoutMs: 1,
        maxResponseBytes: 1,
        retry: { maxAttempts: 1 },
      } as never),
    ).not.toThrow()
  })
})

describe('errors across two copies of the runtime', () => {
  async function secondCopy(): Promise<typeof zec> {
    const url = new URL('../../../packages/client-runtime/dist/errors.js', import.meta.url)
    return (await import(/* @vite-ignore */ `${url.href}?copy=2`)) as typeof zec
  }
  it('the second copy is really another module', async () => {
    const copy = await secondCopy()
    expect(copy.ApiError).toBeDefined()
    expect(copy.ApiError).not.toBe(ApiError)
  })
  it('instanceof holds across copies, and only for the right class', async () => {
    const copy = await secondCopy()
    const Copied = copy.ApiError as unknown as new (...args: unknown[]) => Error
    const foreign = new Copied('REQUEST_LIMIT_EXCEEDED', 'slow down', REQUEST_ID, 429, 'ResetInstances')
    expect(foreign instanceof ApiError).toBe(true)
    expect(foreign instanceof ZenlayerError).toBe(true)
    expect(foreign instanceof NetworkError).toBe(false)
    expect(new ApiError('X', 'm', REQUEST_ID, 400, 'ResetInstances') instanceof copy.ApiError).toBe(true)
    expect(new Error('plain') instanceof ApiError).toBe(false)
    expect(new ZenlayerError('X', 'm') instanceof ApiError).toBe(false)
    expect(new copy.ZenlayerError('X', 'm') instanceof ApiError).toBe(false)
    expect(new copy.NetworkError('ResetInstances', true, new Error('x')) instanceof ApiError).toBe(false)
    expect(new copy.NetworkError('ResetInstances', true, new Error('x')) instanceof NetworkError).toBe(true)
    expect({} instanceof ApiError).toBe(false)
  })
})
