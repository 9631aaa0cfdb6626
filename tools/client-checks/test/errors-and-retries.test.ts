import { inspect } from 'node:util'
import {
  ApiError,
  EdgeBlockedError,
  InvalidInputError,
  MissingCredentialsError,
  NetworkError,
  ProtocolError,
  TimeoutError,
  ZenlayerError,
} from '@zenlayer-reset/client-runtime'
import { createZecClient, fromEnv, isResetInstancesError } from '@zenlayer-reset/zec-client'
import * as zecValidator from '@zenlayer-reset/zec-validator'
import { describe, expect, it } from 'vitest'
import { type Answer, apiError, envelope, failure, fakeServer, fakeTime, hang, refused, reset } from './fake-server.js'

const credentials = { accessKeyId: 'AKID-test', accessKeySecret: 'test-key-password' }
const RESET = { instanceIds: ['inst-a'] }

function client(answers: Answer[], extra: Parameters<typeof createZecClient>[0] = {}) {
  const server = fakeServer(answers)
  const time = fakeTime()
  let second = 1700000000
  const zec = createZecClient({
    credentials,
    fetch: server.fetch,
    sleep: time.sleep,
    clock: time.clock,
    random: () => 0.5,
    now: () => second++,
    ...extra,
  })
  return { zec, server, time }
}

describe('errors', () => {
  const cases: { name: string; answer: Answer; type: unknown; code: string; extra?: Record<string, unknown> }[] = [
    {
      name: 'an API error envelope',
      answer: apiError(404, 'INVALID_IMAGE_NOT_FOUND'),
      type: ApiError,
      code: 'INVALID_IMAGE_NOT_FOUND',
      extra: {
        status: 404,
        requestId: 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9',
        action: 'ResetInstances',
        serverMessage: 'INVALID_IMAGE_NOT_FOUND happened',
      },
    },
    {
      name: 'an edge challenge',
      answer: new Response('<html>challenge</html>', {
        status: 403,
        headers: { 'cf-mitigated': 'challenge', 'content-type': 'text/html' },
      }),
      type: EdgeBlockedError,
      code: 'EDGE_CHALLENGE',
      extra: { status: 403, reason: 'challenge' },
    },
    {
      name: 'a 451 policy block',
      answer: new Response('', { status: 451 }),
      type: EdgeBlockedError,
      code: 'EDGE_POLICY_BLOCKED',
    },
    {
      name: 'an HTML 502',
      answer: new Response('<html>bad gateway</html>', { status: 502 }),
      type: EdgeBlockedError,
      code: 'EDGE_NOT_JSON',
    },
    {
      name: 'a 200 that is not JSON',
      answer: new Response('OK', { status: 200 }),
      type: ProtocolError,
      code: 'REPLY_MALFORMED',
      extra: { status: 200, mayHaveBeenApplied: true, unknownInstanceIds: ['inst-a'] },
    },
    {
      name: 'JSON without the envelope on a 500',
      answer: new Response('{"oops":1}', { status: 500 }),
      type: EdgeBlockedError,
      code: 'EDGE_NOT_JSON',
    },
    {
      name: 'a dropped connection',
      answer: reset(),
      type: NetworkError,
      code: 'NETWORK_ERROR',
      extra: { neverSent: false },
    },
  ]
  it.each(cases)('$name becomes $code', async ({ answer, type, code, extra }) => {
    const { zec } = client([answer], { retry: false })
    const error = await failure(zec.resetInstances(RESET))
    expect(error).toBeInstanceOf(type)
    expect(error).toBeInstanceOf(ZenlayerError)
    expect(error).toMatchObject({ code, ...extra })
  })

  it('narrows an API error to the action', async () => {
    const { zec } = client([apiError(400, 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED')], { retry: false })
    const error = await failure(zec.resetInstances(RESET))
    expect(isResetInstancesError(error)).toBe(true)
    if (isResetInstancesError(error)) expect(error.code).toBe('INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED')
  })

  it('fails without credentials, before sending anything', async () => {
    const server = fakeServer([envelope()])
    const zec = createZecClient({ credentials: fromEnv({}), fetch: server.fetch })
    expect(await failure(zec.resetInstances(RESET))).toBeInstanceOf(MissingCredentialsError)
    expect(server.requests).toHaveLength(0)
  })

  it('with validation on, an invalid input never reaches the network', async () => {
    const { zec, server } = client([envelope()], { validator: zecValidator })
    // Both password and keyId: no longer compiles (the input type forbids it); sent anyway, the validator refuses it.
    const both = { instanceIds: ['a', 'a'], password: 'short', keyId: 'k' }
    const error = await failure(zec.resetInstances(both as never))
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error).toMatchObject({ code: 'INVALID_PARAMETER_VALUE_INSTANCE_IDS_MALFORMED' })
    expect((error as InvalidInputError).issues.map((i) => i.rule)).toEqual([
      'uniqueItems',
      'minLength',
      'pattern',
      'pattern',
      'exclusive',
    ])
    expect(server.requests).toHaveLength(0)
  })

  it('with validation on, a valid input is sent unchanged', async () => {
    const { zec, server } = client([envelope()], { validator: zecValidator })
    await zec.resetInstances({ instanceIds: ['a'], password: 'Example+123' })
    expect(server.requests[0]?.body).toBe('{"instanceIds":["a"],"password":"Example+123"}')
  })

  it('with validation on, the bytes to be sent are checked, not the object', async () => {
    // The object looks valid; what JSON.stringify would send is not.
    const sneaky = { instanceIds: ['a'], toJSON: () => ({ instanceIds: ['a', 'a'], extra: 1 }) }
    const { zec, server } = client([envelope()], { validator: zecValidator })
    const error = await failure(zec.resetInstances(sneaky))
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(server.requests).toHaveLength(0)
    // A getter on the prototype is not sent (JSON.stringify reads own fields only): what is checked is what goes.
    class Input {
      instanceIds = ['a']
      get password() {
        return 'x'
      }
    }
    const { zec: zec2, server: server2 } = client([envelope()], { validator: zecValidator })
    await zec2.resetInstances(new Input())
    expect(server2.requests[0]?.body).toBe('{"instanceIds":["a"]}')
  })

  it.each<[string, () => unknown]>([
    [
      'a throwing getter',
      () =>
        Object.defineProperty({ instanceIds: ['a'] }, 'password', {
          enumerable: true,
          get() {
            throw new Error('secret-in-message')
          },
        }),
    ],
    [
      'a throwing toJSON',
      () => ({
        instanceIds: ['a'],
        toJSON() {
          throw new Error('secret-in-message')
        },
      }),
    ],
    ['a BigInt', () => ({ instanceIds: ['a'], n: 1n })],
    [
      'a cycle',
      () => {
        const o: Record<string, unknown> = { instanceIds: ['a'] }
        o.self = o
        return o
      },
    ],
    ['an array', () => [1, 2]],
    ['a string', () => 'instanceIds'],
    ['undefined', () => undefined],
  ])('%s is an InvalidInputError, with or without validation, and nothing is sent', async (_name, make) => {
    for (const extra of [{}, { validator: zecValidator }]) {
      const { zec, server } = client([envelope()], extra)
      const error = await failure(zec.resetInstances(make() as never))
      expect(error).toBeInstanceOf(InvalidInputError)
      expect(error).toMatchObject({ code: 'INVALID_REQUEST_BODY_MALFORMED' })
      expect(String((error as Error).message)).not.toContain('secret-in-message')
      expect(server.requests).toHaveLength(0)
    }
  })
})

describe('retries', () => {
  it('retries rate limiting on a reset, signing each attempt afresh', async () => {
    const { zec, server, time } = client([
      apiError(429, 'REQUEST_LIMIT_EXCEEDED'),
      apiError(429, 'REQUEST_LIMIT_EXCEEDED'),
      envelope(),
    ])
    await zec.resetInstances(RESET)
    expect(server.requests).toHaveLength(3)
    const stamps = server.requests.map((r) => r.headers['x-zc-timestamp'])
    expect(new Set(stamps).size).toBe(3)
    expect(new Set(server.requests.map((r) => r.headers.authorization)).size).toBe(3)
    expect(time.sleeps).toEqual([750, 1500])
  })

  const cases: { name: string; answers: Answer[]; action: 'reset' | 'describe'; attempts: number; ok: boolean }[] = [
    {
      name: 'a reset is not retried after a 503',
      answers: [apiError(503, 'SERVICE_TEMPORARY_UNAVAILABLE'), envelope()],
      action: 'reset',
      attempts: 1,
      ok: false,
    },
    {
      name: 'a reset is not retried after the connection dropped',
      answers: [reset(), envelope()],
      action: 'reset',
      attempts: 1,
      ok: false,
    },
    {
      name: 'a reset is retried when the connection was refused',
      answers: [refused(), envelope()],
      action: 'reset',
      attempts: 2,
      ok: true,
    },
    {
      name: 'a reset is not retried after a 400',
      answers: [apiError(400, 'INVALID_PARAMETER_MISSING'), envelope()],
      action: 'reset',
      attempts: 1,
      ok: false,
    },
    {
      name: 'a describe is retried after a 503',
      answers: [apiError(503, 'SERVICE_TEMPORARY_UNAVAILABLE'), envelope()],
      action: 'describe',
      attempts: 2,
      ok: true,
    },
    {
      name: 'a describe is retried after a dropped connection',
      answers: [reset(), envelope()],
      action: 'describe',
      attempts: 2,
      ok: true,
    },
    {
      name: 'a describe gives up after 4 attempts',
      answers: Array.from({ length: 5 }, () => apiError(500, 'INTERNAL_SERVER_ERROR')),
      action: 'describe',
      attempts: 4,
      ok: false,
    },
    {
      name: 'a describe is not retried after a 401',
      answers: [apiError(401, 'AUTH_FAILURE_SIGNATURE_MISMATCH'), envelope()],
      action: 'describe',
      attempts: 1,
      ok: false,
    },
  ]
  it.each(cases)('$name', async ({ answers, action, attempts, ok }) => {
    const { zec, server } = client(answers)
    const call = action === 'reset' ? zec.resetInstances(RESET) : zec.describeInstancesStatus({})
    if (ok) await call
    else await failure(call)
    expect(server.requests).toHaveLength(attempts)
  })

  it('honours Retry-After', async () => {
    const { zec, time } = client([apiError(429, 'REQUEST_LIMIT_EXCEEDED', { 'Retry-After': '7' }), envelope()])
    await zec.resetInstances(RESET)
    expect(time.sleeps).toEqual([7000])
  })

  it('stops when Retry-After is beyond the cap', async () => {
    const { zec, server } = client([apiError(429, 'REQUEST_LIMIT_EXCEEDED', { 'Retry-After': '3600' }), envelope()])
    expect(await failure(zec.resetInstances(RESET))).toMatchObject({ code: 'REQUEST_LIMIT_EXCEEDED' })
    expect(server.requests).toHaveLength(1)
  })

  it('can be turned off', async () => {
    const { zec, server } = client([apiError(429, 'REQUEST_LIMIT_EXCEEDED'), envelope()], { retry: false })
    await failure(zec.resetInstances(RESET))
    expect(server.requests).toHaveLength(1)
  })

  it('backs off exponentially up to the cap', async () => {
    const { zec, time } = client(
      Array.from({ length: 6 }, () => apiError(429, 'REQUEST_LIMIT_EXCEEDED')),
      {
        retry: { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 5000 },
      },
    )
    await failure(zec.resetInstances(RESET))
    expect(time.sleeps).toEqual([750, 1500, 3000, 3750, 3750])
  })
})

describe('network errors keep no secret', () => {
  it('a platform error quoting the token or a password is scrubbed from the cause, at any depth', async () => {
    const token = 'TOKEN-CANARY-split'
    const password = 'Canary+Pass-123'
    const zec = createZecClient({
      credentials: { token },
      retry: false,
      // As undici does for a header value it refuses: the message quotes it.
      fetch: async () => {
        throw new TypeError(`Headers.append: "Bearer ${token}" is an invalid header value`, {
          cause: Object.assign(new Error(`echo ${password}`), { code: 'ERR_TEST' }),
        })
      },
    })
    const error = await failure(zec.resetInstances({ instanceIds: ['inst-a'], password }))
    expect(error).toBeInstanceOf(NetworkError)
    const shown = `${inspect(error, { showHidden: true, depth: 10 })} ${JSON.stringify(error)} ${(error as Error).stack}`
    expect(shown).not.toContain('TOKEN-CANARY')
    expect(shown).not.toContain(password)
    expect(shown).toContain('ERR_TEST')
    expect(shown).toContain('is an invalid header value')
  })
})

describe('timeouts and cancellation', () => {
  it('a reset that times out is not retried: it may have reached the server', async () => {
    const { zec, server } = client([hang, envelope()], { attemptTimeoutMs: 20 })
    const error = await failure(zec.resetInstances(RESET))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ scope: 'attempt', timeoutMs: 20 })
    expect(server.requests).toHaveLength(1)
  })

  it('a describe that times out is retried', async () => {
    const { zec, server } = client([hang, envelope()], { attemptTimeoutMs: 20 })
    await zec.describeInstancesStatus({})
    expect(server.requests).toHaveLength(2)
  })

  it('the call timeout bounds everything, retries included', async () => {
    const { zec } = client([hang, hang, hang, hang], { attemptTimeoutMs: 1000, callTimeoutMs: 30 })
    const error = await failure(zec.describeInstancesStatus({}))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ scope: 'call', timeoutMs: 30 })
  })

  it('an AbortSignal cancels a call in flight with its own reason', async () => {
    const { zec } = client([hang])
    const controller = new AbortController()
    const pending = zec.resetInstances(RESET, { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('user gave up')), 5)
    expect(await failure(pending)).toMatchObject({ message: 'user gave up' })
  })

  it('an AbortSignal cancels the wait between retries', async () => {
    const controller = new AbortController()
    const { zec, server } = client([apiError(429, 'REQUEST_LIMIT_EXCEEDED'), envelope()], {
      sleep: async (_ms, signal) => {
        controller.abort(new Error('stop now'))
        if (signal?.aborted) throw signal.reason
      },
    })
    expect(await failure(zec.resetInstances(RESET, { signal: controller.signal }))).toMatchObject({
      message: 'stop now',
    })
    expect(server.requests).toHaveLength(1)
  })
})
