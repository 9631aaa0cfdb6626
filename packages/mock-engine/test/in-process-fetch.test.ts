// Issue 27: the in-process fetch reads the common call (a URL, a string body,
// plain headers) straight from its arguments, and answers with a Response whose
// text is in hand. Both must be what a Request and an ordinary Response give:
// the mock sees the same request, the caller reads the same reply, and what a
// Request refuses is still refused.
import { describe, expect, it } from 'vitest'
import {
  fromFetchRequest,
  inProcessFetch,
  inProcessResponse,
  plainRequest,
  toFetchResponse,
  type WireRequest,
  type WireResponse,
  wellFormedUtf8Length,
} from '../src/wire.js'

const URL_ = 'https://console.zenlayer.com/api/v2/zec'
const SIGNED = {
  'content-type': 'application/json',
  'x-zc-action': 'ResetInstances',
  'x-zc-version': '2025-09-01',
  'x-zc-timestamp': '1673361177',
  'x-zc-signature-method': 'ZC2-HMAC-SHA256',
  authorization: `ZC2-HMAC-SHA256 Credential=k, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}`,
}

/** What a Request makes of the call, as the mock would see it; the error when a Request refuses it. */
async function throughRequest(input: unknown, init: unknown): Promise<WireRequest | Error> {
  try {
    return await fromFetchRequest(new Request(input as string, init as RequestInit))
  } catch (error) {
    return error as Error
  }
}

const asSeen = (wire: WireRequest) => ({ ...wire, body: new TextDecoder().decode(wire.body) })

describe('plainRequest: the same request a Request gives, or none', () => {
  const fast: [string, unknown, RequestInit | undefined][] = [
    ['a signed call', URL_, { method: 'POST', headers: SIGNED, body: '{"instanceIds":["a"]}' }],
    ['what the client sends', URL_, { method: 'POST', headers: SIGNED, body: '{}', redirect: 'manual' }],
    ['a URL object', new URL(URL_), { method: 'POST', headers: SIGNED, body: '{}' }],
    ['a method in lower case', URL_, { method: 'post', headers: SIGNED, body: '{}' }],
    ['a Headers object', URL_, { method: 'POST', headers: new Headers(SIGNED), body: '{}' }],
    [
      'header names in any case',
      URL_,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-ZC-Action': 'A' }, body: '{}' },
    ],
    ['no content type: text/plain', URL_, { method: 'POST', body: 'x' }],
    ['an empty body', URL_, { method: 'POST', body: '' }],
    ['a body that is not ASCII', URL_, { method: 'POST', headers: SIGNED, body: '{"a":"é€😀"}' }],
    ['a lone surrogate in the body', URL_, { method: 'POST', headers: SIGNED, body: '{"a":"\ud800"}' }],
    ['no init', URL_, undefined],
    ['a GET', URL_, { method: 'GET' }],
    ['a query and a fragment', `${URL_}?a=1&b=%20#frag`, { method: 'POST', body: '{}' }],
    ['a host to normalise', 'HTTPS://Console.Zenlayer.COM:443/api/v2/zec', { method: 'POST', body: '{}' }],
    ['a port', 'http://127.0.0.1:8787/api/v2/zec', { method: 'POST', body: '{}' }],
    ['an empty header value', URL_, { method: 'POST', headers: { 'x-empty': '' }, body: '{}' }],
    ['Latin-1 in a header value', URL_, { method: 'POST', headers: { 'x-l': 'caf\u00e9' }, body: '{}' }],
    ['a tab inside a value', URL_, { method: 'POST', headers: { 'x-t': 'a\tb' }, body: '{}' }],
    [
      'a null prototype record',
      URL_,
      { method: 'POST', headers: Object.assign(Object.create(null), SIGNED), body: '{}' },
    ],
    ['a signal', URL_, { method: 'POST', body: '{}', signal: new AbortController().signal }],
  ]
  it.each(fast)('%s: read as a Request reads it', async (_name, input, init) => {
    const plain = plainRequest(input, init)
    expect(plain).toBeDefined()
    const reference = await throughRequest(input, init)
    expect(reference).not.toBeInstanceOf(Error)
    expect(asSeen((plain as { wire: WireRequest }).wire)).toEqual(asSeen(reference as WireRequest))
  })

  class Custom {
    'x-a' = 'b'
  }
  const slow: [string, unknown, unknown][] = [
    ['a Request', new Request(URL_, { method: 'POST', body: '{}' }), undefined],
    ['a relative URL', '/api/v2/zec', { method: 'POST', body: '{}' }],
    ['a URL that does not parse', 'http://', { method: 'POST', body: '{}' }],
    ['credentials in the URL', 'https://u:p@console.zenlayer.com/api/v2/zec', { method: 'POST', body: '{}' }],
    ['another scheme', 'data:text/plain,hi', undefined],
    ['a body on a GET', URL_, { body: '{}' }],
    ['a body on a HEAD', URL_, { method: 'HEAD', body: '{}' }],
    ['bytes as the body', URL_, { method: 'POST', body: new Uint8Array([123, 125]) }],
    ['URLSearchParams as the body', URL_, { method: 'POST', body: new URLSearchParams('a=1') }],
    ['a method fetch keeps as given', URL_, { method: 'PATCH', body: '{}' }],
    ['a forbidden method', URL_, { method: 'CONNECT' }],
    ['a method that is not a token', URL_, { method: 'PO ST' }],
    ['an unknown redirect mode', URL_, { method: 'POST', redirect: 'bogus' }],
    ['a mode', URL_, { method: 'POST', mode: 'cors' }],
    ['a window that is not null', URL_, { method: 'POST', window: {} }],
    ['keepalive', URL_, { method: 'POST', keepalive: true }],
    ['a signal that is not one', URL_, { method: 'POST', signal: {} }],
    ['headers as pairs', URL_, { method: 'POST', headers: [['content-type', 'application/json']] }],
    ['a header name that is not a token', URL_, { method: 'POST', headers: { 'bad name': 'x' } }],
    ['a header value with a newline', URL_, { method: 'POST', headers: { 'x-a': 'a\nb' } }],
    ['a header value with NUL', URL_, { method: 'POST', headers: { 'x-a': 'a\0b' } }],
    ['a header value past Latin-1', URL_, { method: 'POST', headers: { 'x-a': 'a\u0100' } }],
    ['a header value with a leading space', URL_, { method: 'POST', headers: { 'x-a': ' a' } }],
    ['a header value with a trailing tab', URL_, { method: 'POST', headers: { 'x-a': 'a\t' } }],
    ['a header value that is a number', URL_, { method: 'POST', headers: { 'x-a': 1 } }],
    ['one header named twice', URL_, { method: 'POST', headers: { 'X-A': '1', 'x-a': '2' } }],
    ['a Host header', URL_, { method: 'POST', headers: { host: 'elsewhere' } }],
    ['a Content-Length header', URL_, { method: 'POST', headers: { 'content-length': '2' }, body: '{}' }],
    ['a Proxy- header', URL_, { method: 'POST', headers: { 'proxy-authorization': 'x' } }],
    ['a Sec- header in Headers', URL_, { method: 'POST', headers: new Headers({ 'sec-fetch-mode': 'cors' }) }],
    ['a symbol key', URL_, { method: 'POST', headers: { [Symbol('s')]: 'x' } }],
    ['headers of a class', URL_, { method: 'POST', headers: new Custom() }],
    ['headers that are null', URL_, { method: 'POST', headers: null }],
    ['an init that is null', URL_, null],
    ['an init that is a string', URL_, 'POST'],
  ]
  it.each(slow)('%s: left to a Request', (_name, input, init) => {
    expect(plainRequest(input, init as RequestInit)).toBeUndefined()
  })

  // Seeded, so that a failure names the case: headers of random names and values, each read both ways.
  it('never differs from a Request on random headers', async () => {
    let seed = 27
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return (seed >>> 8) % n
    }
    const nameChars = ['a', 'Z', '-', '_', '.', '!', '~', ' ', ':', '(', 'é', '0']
    const valueChars = ['a', ' ', '\t', '\n', '\r', '\0', '\x01', '\x7f', '\u00ff', '\u0100', '\ud83d', ',', '"']
    const pick = (chars: string[], max: number) =>
      Array.from({ length: next(max) }, () => chars[next(chars.length)] as string).join('')
    let fastCases = 0
    for (let i = 0; i < 2000; i++) {
      const headers: Record<string, string> = {}
      for (let h = next(4); h > 0; h--) headers[pick(nameChars, 6) || 'x'] = pick(valueChars, 6)
      const init = { method: 'POST', headers, body: '{}' }
      const plain = plainRequest(URL_, init)
      if (plain === undefined) continue
      fastCases++
      const reference = await throughRequest(URL_, init)
      expect(reference, JSON.stringify(headers)).not.toBeInstanceOf(Error)
      expect(asSeen(plain.wire), JSON.stringify(headers)).toEqual(asSeen(reference as WireRequest))
    }
    // The sweep reaches the fast path, not only the fallback.
    expect(fastCases).toBeGreaterThan(100)
  })
})

describe('inProcessFetch', () => {
  /** A responder that answers with the request it saw. */
  const seen: WireRequest[] = []
  const echo = inProcessFetch((request) => {
    seen.push(request)
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(asSeen(request)) }
  })

  it('the mock sees the same request through a Request and without one', async () => {
    const init = { method: 'POST', headers: SIGNED, body: '{"instanceIds":["é"]}', redirect: 'manual' as const }
    const direct = await (await echo(URL_, init)).json()
    const viaRequest = await (await echo(new Request(URL_, init))).json()
    expect(direct).toEqual(viaRequest)
  })

  it.each([
    ['a body on a GET', { body: '{}' }],
    ['a header value with a newline', { method: 'POST', headers: { 'x-a': 'a\nb' } }],
    ['a forbidden method', { method: 'TRACE' }],
  ])('%s: rejects with the TypeError fetch gives, and nothing reaches the mock', async (_name, init) => {
    seen.length = 0
    await expect(echo(URL_, init as RequestInit)).rejects.toBeInstanceOf(TypeError)
    expect(seen).toEqual([])
  })

  it('a signal aborted right after the call rejects with its reason, and nothing reaches the mock', async () => {
    seen.length = 0
    const controller = new AbortController()
    const reason = new Error('changed my mind')
    const call = echo(URL_, { method: 'POST', body: '{}', signal: controller.signal })
    controller.abort(reason)
    await expect(call).rejects.toBe(reason)
    expect(seen).toEqual([])
  })

  it('an already aborted signal rejects with its reason, on either path', async () => {
    const reason = new Error('stop')
    await expect(echo(URL_, { method: 'POST', body: '{}', signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    await expect(echo(new Request(URL_, { method: 'POST', signal: AbortSignal.abort(reason) }))).rejects.toBe(reason)
  })
})

describe('the reply', () => {
  const reply = (body: string, status = 200): WireResponse => ({
    status,
    headers: { 'content-type': 'application/json', 'retry-after': '1' },
    body,
  })
  const BODY = '{"requestId":"T1","response":{"requestId":"T1","note":"é€😀"}}'

  it('is a Response, with the status, the headers and the Content-Length the HTTP server sends', async () => {
    for (const make of [inProcessResponse, toFetchResponse]) {
      const res = make(reply(BODY, 409))
      expect(res).toBeInstanceOf(Response)
      expect(res.status).toBe(409)
      expect(res.ok).toBe(false)
      expect(res.headers.get('retry-after')).toBe('1')
      expect(res.headers.get('content-length')).toBe(String(new TextEncoder().encode(BODY).length))
      expect(await res.text()).toBe(BODY)
    }
  })

  it('in process, the text is in hand (the steps below read that Response, not an ordinary one)', () => {
    // Compared here, not in expect(): a prototype's body getters throw, as Response.prototype's do.
    expect(Object.getPrototypeOf(inProcessResponse(reply(BODY))) === Response.prototype).toBe(false)
    expect(Object.getPrototypeOf(toFetchResponse(reply(BODY))) === Response.prototype).toBe(true)
  })

  it('an empty body: no Content-Length, an empty text', async () => {
    const res = inProcessResponse(reply(''))
    expect(res.headers.get('content-length')).toBeNull()
    expect(res.body).toBeNull()
    expect(await res.text()).toBe('')
  })

  // Each way of reading a body, alone and one after another: the in-process reply does what an ordinary Response does.
  type Step = (r: Response) => unknown
  const steps: Record<string, Step> = {
    text: (r) => r.text(),
    json: (r) => r.json(),
    arrayBuffer: async (r) => new TextDecoder().decode(await r.arrayBuffer()),
    blob: async (r) => {
      const blob = await r.blob()
      return [blob.type, await blob.text()]
    },
    stream: async (r) => {
      if (!r.body) return null
      const reader = r.body.getReader()
      const parts: number[] = []
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        parts.push(...value)
      }
      return new TextDecoder().decode(new Uint8Array(parts))
    },
    bodyUsed: (r) => r.bodyUsed,
    locked: (r) => r.body?.locked,
    clone: async (r) => {
      const copy = r.clone()
      return [copy.status, copy.headers.get('content-type'), await copy.text(), r.bodyUsed]
    },
  }
  const outcome = async (step: Step, r: Response) => {
    try {
      return { value: await step(r) }
    } catch (error) {
      return { error: (error as Error).constructor.name }
    }
  }
  const names = Object.keys(steps)
  const sequences = names.flatMap((a) => names.map((b) => [a, b]))
  it.each(sequences)('%s then %s', async (a, b) => {
    for (const body of [BODY, 'not json']) {
      const ours = inProcessResponse(reply(body))
      const ordinary = new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
      for (const name of [a, b]) {
        const step = steps[name as string] as Step
        expect(await outcome(step, ours), `${name} of ${body}`).toEqual(await outcome(step, ordinary))
      }
    }
  })

  it('a clone is read apart from the original', async () => {
    const res = inProcessResponse(reply(BODY))
    const copy = res.clone()
    expect(copy).toBeInstanceOf(Response)
    expect(await copy.json()).toEqual(JSON.parse(BODY))
    expect(res.bodyUsed).toBe(false)
    expect(await res.text()).toBe(BODY)
    expect(() => res.clone()).toThrow(TypeError)
  })

  it.each([
    ['a lone surrogate', '{"a":"\ud800"}'],
    ['a byte order mark', '\ufeff{}'],
  ])('with %s, reads back as an ordinary Response reads', async (_name, body) => {
    const res = inProcessResponse(reply(body))
    const expected = await new Response(body).text()
    expect(res.headers.get('content-length')).toBe(String(new TextEncoder().encode(body).length))
    expect(await res.text()).toBe(expected)
  })
})

describe('wellFormedUtf8Length', () => {
  it.each(['', 'ascii', 'é', '€', '😀', 'a😀b€c', '\u07ff\u0800\uffff', '\ud7ff\ue000'])(
    '%j: the length TextEncoder gives',
    (text) => {
      expect(wellFormedUtf8Length(text)).toBe(new TextEncoder().encode(text).length)
    },
  )
  it.each(['\ud800', 'a\udc00', '\ud83d\ud83d', '😀\ud83d'])('%j holds a lone surrogate: undefined', (text) => {
    expect(wellFormedUtf8Length(text)).toBeUndefined()
  })
})
