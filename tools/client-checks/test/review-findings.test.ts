// What an independent hostile review of issue 11's first implementation
// found, each pinned against a real local server: a reset sent again through
// a rebuilt request, success believed without evidence, a compressed reply
// past the size bound, secrets echoed in other spellings, credentials and
// loggers that could hang, crash or leak.
import { inspect } from 'node:util'
import { gzipSync } from 'node:zlib'
import {
  type ClientLogEvent,
  ConfigError,
  MissingCredentialsError,
  ProtocolError,
  RedirectError,
  TimeoutError,
  WaiterError,
  ZenlayerError,
} from '@zenlayer-reset/client-runtime'
import { createVmClient } from '@zenlayer-reset/vm-client'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { describe, expect, it } from 'vitest'
import { failure } from './fake-server.js'
import { apiError, ok, REQUEST_ID, withServers } from './local-server.js'

const KEY = { accessKeyId: 'AKID-review', accessKeySecret: 'Ab/cd+EF/gh+IJ/kl=' }
const noSleep = async () => {}

/** Everything a person could be shown of a value. */
function shown(value: unknown): string {
  return `${inspect(value, { showHidden: true, depth: 10 })} ${JSON.stringify(value)} ${value instanceof Error ? value.stack : ''}`
}

describe('a middleware that rebuilds the request cannot make the client follow a redirect', () => {
  it('one request, the other origin receives nothing', async () => {
    await withServers([[], []], async (other, api) => {
      const redirecting = await withServers([[{ redirect: 307, location: `${other.url}/api/v2/zec` }]], async (s) => {
        const zec = createZecClient({ credentials: KEY, baseUrl: s.url, sleep: noSleep })
        zec.raw.use({
          onRequest: ({ request }) =>
            new Request(request.url, {
              method: request.method,
              headers: request.headers,
              body: request.clone().body,
              duplex: 'half',
            } as RequestInit),
        })
        const error = await failure(zec.resetInstances({ instanceIds: ['inst-a'], password: 'Passw0rd!x' }))
        return { error, received: s.received }
      })
      expect(redirecting.error).toBeInstanceOf(RedirectError)
      expect(redirecting.received).toBe(1)
      expect(other.received).toBe(0)
      expect(api.received).toBe(0)
    })
  })
})

describe('success is believed only with evidence', () => {
  const cases: [string, string][] = [
    [
      'an error envelope with an object response',
      '{"requestId":"r","code":"INTERNAL_SERVER_ERROR","message":"reset failed","response":{}}',
    ],
    ['no requestId', '{"response":{"requestId":"r"}}'],
    ['an empty requestId', '{"requestId":"","response":{}}'],
    ['a numeric requestId', '{"requestId":5,"response":{}}'],
    [
      'the failed list twice, the last empty',
      `{"requestId":"r","response":{"instanceIds":["inst-a","inst-b"],"instanceIds":[]}}`,
    ],
    ['response twice, the last empty', `{"requestId":"r","response":{"instanceIds":["inst-a"]},"response":{}}`],
    [
      'a key spelt with an escape, twice',
      `{"requestId":"r","response":{"instanceIds":["inst-a"]},"\\u0072esponse":{}}`,
    ],
  ]
  it.each(cases)('zec: %s is a ProtocolError naming both ids', async (_name, body) => {
    await withServers([[{ status: 200, headers: { 'content-type': 'application/json' }, body }]], async (s) => {
      const zec = createZecClient({ credentials: KEY, baseUrl: s.url, sleep: noSleep })
      const error = await failure(zec.resetInstances({ instanceIds: ['inst-a', 'inst-b'] }))
      expect(error).toBeInstanceOf(ProtocolError)
      expect(error).toMatchObject({ mayHaveBeenApplied: true, unknownInstanceIds: ['inst-a', 'inst-b'] })
      expect(s.received).toBe(1)
    })
  })

  it('a duplicate key inside a string value is not a duplicate', async () => {
    const body = `{"requestId":"r","response":{"requestId":"r","note":"\\"response\\":{} \\"response\\":{}"}}`
    await withServers([[{ status: 200, headers: { 'content-type': 'application/json' }, body }]], async (s) => {
      const zec = createZecClient({ credentials: KEY, baseUrl: s.url })
      const result = await zec.resetInstances({ instanceIds: ['inst-a'] })
      expect(result.succeededInstanceIds).toEqual(['inst-a'])
    })
  })

  it('vm: an error envelope with an object response is a ProtocolError naming the instance', async () => {
    const body = '{"requestId":"r","code":"INTERNAL_SERVER_ERROR","message":"x","response":{}}'
    await withServers([[{ status: 200, headers: { 'content-type': 'application/json' }, body }]], async (s) => {
      const vm = createVmClient({ credentials: KEY, baseUrl: s.url })
      const error = await failure(vm.resetInstance({ instanceId: 'inst-v' }))
      expect(error).toBeInstanceOf(ProtocolError)
      expect(error).toMatchObject({ unknownInstanceIds: ['inst-v'] })
    })
  })
})

describe('a compressed reply is bounded by what it decodes to', () => {
  it.each([false, true])('gzip with a small Content-Length (openapi-fetch path: %s)', async (viaOpenapiFetch) => {
    const big = JSON.stringify({
      requestId: REQUEST_ID,
      response: { requestId: REQUEST_ID, pad: 'x'.repeat(2_000_000) },
    })
    const body = gzipSync(big)
    const reply = { status: 200, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body }
    await withServers([[reply]], async (s) => {
      const zec = createZecClient({ credentials: KEY, baseUrl: s.url, maxResponseBytes: 64 * 1024 })
      if (viaOpenapiFetch) zec.raw.use({ onRequest: () => undefined })
      expect(body.length).toBeLessThan(64 * 1024)
      const error = await failure(zec.describeInstancesStatus({ instanceIds: ['a'] }))
      expect(error).toBeInstanceOf(ProtocolError)
      expect(error).toMatchObject({ code: 'REPLY_TOO_LARGE' })
    })
  })
})

describe('secrets echoed in other spellings', () => {
  it('a credential echoed with JSON \\/ escapes is not in the result', async () => {
    const echoed = JSON.stringify({ requestId: 'r', response: { requestId: 'r', dataSet: [], note: 'x' } }).replace(
      '"x"',
      `"${KEY.accessKeySecret.replaceAll('/', '\\/')}"`,
    )
    await withServers([[{ status: 200, headers: { 'content-type': 'application/json' }, body: echoed }]], async (s) => {
      const zec = createZecClient({ credentials: KEY, baseUrl: s.url })
      const result = await zec.describeInstancesStatus({ instanceIds: ['a'] })
      expect(shown(result)).not.toContain('Ab/cd')
      expect(shown(result)).not.toContain('Ab\\/cd')
    })
  })

  it('a password echoed base64-encoded, URL-encoded or \\u-escaped is not in the error', async () => {
    const password = 'Passw0rd@x$1é'
    const b64 = Buffer.from(password).toString('base64')
    const url = encodeURIComponent(password)
    const ascii = JSON.stringify(password).slice(1, -1).replace('é', '\\u00e9')
    const message = `as base64 ${b64}, as URL ${url}, as \\u ${ascii}`
    await withServers([[apiError(400, 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED', {}, message)]], async (s) => {
      const zec = createZecClient({ credentials: KEY, baseUrl: s.url })
      const error = await failure(zec.resetInstances({ instanceIds: ['a'], password }))
      const text = shown(error)
      for (const form of [b64, url, 'Passw0rd']) expect(text).not.toContain(form)
    })
  })

  it('the Authorization value and its signature echoed by the server are not in the error', async () => {
    await withServers(
      [
        (request) =>
          apiError(400, 'INVALID_PARAMETER_VALUE_MALFORMED', {}, `you sent ${String(request.headers.authorization)}`),
      ],
      async (s) => {
        const zec = createZecClient({ credentials: KEY, baseUrl: s.url })
        const error = await failure(zec.resetInstances({ instanceIds: ['a'] }))
        expect(shown(error)).not.toMatch(/Signature=[0-9a-f]{8}/)
        expect(s.requests[0]?.headers.authorization).toMatch(/Signature=[0-9a-f]{64}/)
      },
    )
  })
})

describe('credentials', () => {
  it.each([
    ['a bare string', 'tok-SECRETVALUE'],
    ['an empty token', { token: '' }],
    ['a numeric token', { token: 5 }],
    ['a token with a newline', { token: 'tok-SECRETVALUE\nx' }],
    ['an access key id with a newline', { accessKeyId: 'AK\nID', accessKeySecret: 'SECRETVALUE' }],
    ['a numeric secret', { accessKeyId: 'AKID', accessKeySecret: 12345678 }],
  ])('%s is a ConfigError at creation that quotes nothing', (_name, credentials) => {
    let error: unknown
    try {
      createZecClient({ credentials: credentials as never })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect(error).toMatchObject({ option: 'credentials' })
    expect(shown(error)).not.toContain('SECRETVALUE')
  })

  it('a credentials function giving junk or throwing is a MissingCredentialsError that quotes nothing', async () => {
    for (const source of [
      () => 'tok-SECRETVALUE',
      () => {
        throw new Error('vault said SECRETVALUE')
      },
      async () => Promise.reject(new Error('SECRETVALUE')),
    ]) {
      const zec = createZecClient({ credentials: source as never, fetch: async () => new Response('{}') })
      const error = await failure(zec.resetInstances({ instanceIds: ['a'] }))
      expect(error).toBeInstanceOf(MissingCredentialsError)
      expect(shown(error)).not.toContain('SECRETVALUE')
    }
  })

  it('a credentials function that never settles is bounded by the call timeout', async () => {
    const zec = createZecClient({
      credentials: () => new Promise(() => {}),
      callTimeoutMs: 200,
      fetch: async () => new Response('{}'),
    })
    const started = Date.now()
    const error = await failure(zec.resetInstances({ instanceIds: ['a'] }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('concurrent calls with rotating tokens: each log event is scrubbed of its own call’s token', async () => {
    const tokens = ['tok-AAAAAAAAAAAA', 'tok-BBBBBBBBBBBB']
    let next = 0
    const events: ClientLogEvent[] = []
    await withServers(
      [(request) => ok({ requestId: REQUEST_ID, dataSet: [], echo: String(request.headers.authorization) })],
      async (s) => {
        const zec = createZecClient({
          credentials: () => ({ token: tokens[next++ % 2] as string }),
          baseUrl: s.url,
          logger: (event) => events.push(event),
        })
        await Promise.all([
          zec.describeInstancesStatus({ instanceIds: ['a'] }),
          zec.describeInstancesStatus({ instanceIds: ['b'] }),
        ])
      },
    )
    expect(events.filter((e) => e.type === 'response')).toHaveLength(2)
    for (const token of tokens) expect(JSON.stringify(events)).not.toContain(token)
  })
})

describe('a logger cannot break a call', () => {
  it.each([
    [
      'throws',
      () => {
        throw new Error('logger down')
      },
    ],
    [
      'rejects',
      async () => {
        throw new Error('logger down')
      },
    ],
  ])('a logger that %s: the reset still reports its result', async (_name, logger) => {
    await withServers([[ok({ requestId: REQUEST_ID })]], async (s) => {
      const zec = createZecClient({ credentials: KEY, baseUrl: s.url, logger: logger as never })
      const result = await zec.resetInstances({ instanceIds: ['a'] })
      expect(result.succeededInstanceIds).toEqual(['a'])
      expect(s.received).toBe(1)
    })
  })
})

describe('configuration and waiter input refused with the option named', () => {
  it.each([
    [{ requestClient: 'ci\r\nX-Evil: 1' }, 'requestClient'],
    [{ requestClient: 5 }, 'requestClient'],
    [{ retry: [] }, 'retry'],
    [{ baseUrl: 'http://evil.localhost:1' }, 'baseUrl'],
  ])('%j', (config, option) => {
    let error: unknown
    try {
      createZecClient({ credentials: KEY, ...(config as object) })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect(error).toMatchObject({ option })
  })

  it('a clock that gives no number is a ConfigError naming `now`, and nothing is sent', async () => {
    let sent = 0
    const zec = createZecClient({
      credentials: KEY,
      now: () => Number.NaN,
      fetch: async () => {
        sent += 1
        return new Response('{}')
      },
    })
    const error = await failure(zec.resetInstances({ instanceIds: ['a'] }))
    expect(error).toBeInstanceOf(ConfigError)
    expect(error).toMatchObject({ option: 'now' })
    expect(sent).toBe(0)
  })

  it.each([
    [{ instanceIds: 'inst-a' }, 'instanceIds'],
    [{ instanceIds: ['a', 5] }, 'instanceIds'],
    [{ instanceIds: ['a'], startGraceSeconds: -1 }, 'startGraceSeconds'],
    [{ instanceIds: ['a'], startGraceSeconds: Number.NaN }, 'startGraceSeconds'],
  ])('waitUntilReset(%j)', async (options, option) => {
    const zec = createZecClient({ credentials: KEY, fetch: async () => new Response('{}') })
    const error = await failure(zec.waitUntilReset({ maxWaitSeconds: 10, ...(options as object) } as never))
    expect(error).toBeInstanceOf(ZenlayerError)
    expect(error).toMatchObject({ code: 'INVALID_WAIT', message: expect.stringContaining(option) })
  })

  it('an id listed twice with two statuses in one reply is no evidence of success', async () => {
    const reply = ok({
      requestId: REQUEST_ID,
      totalCount: 2,
      dataSet: [
        { instanceId: 'a', instanceStatus: 'REINSTALL_FAILED' },
        { instanceId: 'a', instanceStatus: 'RUNNING' },
      ],
    })
    await withServers([() => reply], async (s) => {
      const zec = createZecClient({ credentials: KEY, baseUrl: s.url })
      const error = await failure(zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 0.3, firstDelayMs: 100 }))
      expect(error).toBeInstanceOf(WaiterError)
      expect(error).toMatchObject({ code: 'WAIT_TIMEOUT' })
    })
  })

  it('a status of a megabyte does not go whole into a WaiterError message', async () => {
    const reply = ok({
      requestId: REQUEST_ID,
      dataSet: [{ instanceId: 'a', instanceStatus: `X${'y'.repeat(1_000_000)}` }],
    })
    await withServers([() => reply], async (s) => {
      const zec = createZecClient({ credentials: KEY, baseUrl: s.url })
      const error = await failure(zec.waitUntilReset({ instanceIds: ['a'], maxWaitSeconds: 0.2, firstDelayMs: 100 }))
      expect(error).toBeInstanceOf(WaiterError)
      expect((error as Error).message.length).toBeLessThan(500)
    })
  })
})
