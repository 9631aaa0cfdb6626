// Requests and replies as bytes and headers, whatever carries them (in-process
// fetch, node:http, MSW): the engine sees exactly what a server would.

export interface WireRequest {
  readonly method: string
  /** Path and query, e.g. `/api/v2/zec`. */
  readonly path: string
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>
  /** The raw body; signatures are checked over these bytes. */
  readonly body: Uint8Array
}

export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export const MAX_BODY_BYTES = 1024 * 1024

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' })

export function json(status: number, body: unknown, headers?: Record<string, string>): WireResponse {
  return {
    status,
    // One shared, frozen object for the common case: a server answers many of these.
    headers: headers ? { 'content-type': 'application/json', ...headers } : JSON_HEADERS,
    body: JSON.stringify(body),
  }
}

export function errorReply(
  status: number,
  requestId: string,
  code: string,
  message: string,
  headers?: Record<string, string>,
): WireResponse {
  return json(status, { requestId, code, message }, headers)
}

/** A fetch Request as a WireRequest (the body read whole, as bytes). */
export async function fromFetchRequest(request: Request): Promise<WireRequest> {
  const url = target(request.url) ?? pathAndHost(new URL(request.url))
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value
  })
  if (!headers.host) headers.host = url.host
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array()
  return { method: request.method, path: url.path, headers, body }
}

/**
 * The reply as a fetch Response, with the Content-Length the HTTP server
 * sends: a client that bounds what it reads takes a declared length at its
 * word, rather than counting the body through a stream reader.
 */
export function toFetchResponse(reply: WireResponse): Response {
  if (reply.body === '') return new Response(null, { status: reply.status, headers: reply.headers })
  const length = wellFormedUtf8Length(reply.body) ?? encoder.encode(reply.body).length
  return new Response(reply.body, { status: reply.status, headers: withLength(reply.headers, length) })
}

function withLength(headers: Readonly<Record<string, string>>, length: number): Record<string, string> {
  const all: Record<string, string> = { ...headers }
  all['content-length'] = String(length)
  return all
}

/**
 * The length of `text` in UTF-8, without encoding it; undefined when it holds
 * a lone surrogate (which UTF-8 cannot hold: an encoder writes U+FFFD instead).
 */
export function wellFormedUtf8Length(text: string): number | undefined {
  let length = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) continue
    if (code < 0x800) length += 1
    else if (code < 0xd800 || code > 0xdfff) length += 2
    else {
      // A pair: two UTF-16 units, four bytes; anything else is a lone surrogate.
      const next = text.charCodeAt(i + 1)
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return undefined
      length += 2
      i++
    }
  }
  return length
}

/** Statuses a Response may not have a body with. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

/**
 * What in-process fetch answers: a real Response (same status, headers,
 * Content-Length; instanceof Response) whose body is the reply's text in hand.
 * text() and json() give it without a web stream: in Node, making and reading
 * one costs more than the engine's whole answer. Anything else that reads the
 * body (body, bodyUsed once read that way, arrayBuffer, blob, bytes,
 * formData...) is answered by an ordinary Response of the same text, made then;
 * either way the body is read once at most, as a Response's is.
 */
class TextResponse extends Response {
  readonly #text: string
  #read = false
  #ordinary: Response | undefined

  constructor(text: string, init: ResponseInit) {
    super(null, init)
    this.#text = text
  }

  static {
    const proto = Response.prototype as unknown as Record<string | symbol, unknown>
    /** The ordinary Response of the same body, made once; used up already if the text was read. */
    const ordinary = (self: TextResponse): Response => {
      if (self.#ordinary === undefined) {
        self.#ordinary = new Response(self.#text, {
          status: self.status,
          statusText: self.statusText,
          headers: self.headers,
        })
        if (self.#read) self.#ordinary.text().catch(() => {})
      }
      return self.#ordinary
    }
    const method = (value: (this: TextResponse, ...args: unknown[]) => unknown): PropertyDescriptor => ({
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    })
    const own: Record<string, PropertyDescriptor> = {
      body: {
        get(this: TextResponse) {
          return ordinary(this).body
        },
        enumerable: true,
        configurable: true,
      },
      bodyUsed: {
        get(this: TextResponse) {
          return this.#ordinary === undefined ? this.#read : this.#ordinary.bodyUsed
        },
        enumerable: true,
        configurable: true,
      },
      text: method(function (this: TextResponse) {
        if (this.#ordinary !== undefined) return this.#ordinary.text()
        if (this.#read) return Promise.reject(new TypeError('Body is unusable: Body has already been read'))
        this.#read = true
        return Promise.resolve(this.#text)
      }),
      json: method(function (this: TextResponse) {
        if (this.#ordinary !== undefined) return this.#ordinary.json()
        return (this.text() as Promise<string>).then((text) => JSON.parse(text))
      }),
      clone: method(function (this: TextResponse) {
        const init = { status: this.status, statusText: this.statusText, headers: this.headers }
        if (this.#ordinary !== undefined) return new Response(this.#ordinary.clone().body, init)
        if (this.#read) throw new TypeError('Response.clone: Body has already been consumed.')
        return new TextResponse(this.#text, init)
      }),
    }
    // Every other way of reading the body the platform has (arrayBuffer, blob, bytes, formData...), from the ordinary Response.
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name)
      if (name === 'constructor' || name in own || typeof descriptor?.value !== 'function') continue
      const original = descriptor.value as (...args: unknown[]) => unknown
      own[name] = method(function (this: TextResponse, ...args: unknown[]) {
        return Reflect.apply(original, ordinary(this), args)
      })
    }
    Object.defineProperties(TextResponse.prototype, own)
  }
}

const encoder = new TextEncoder()
const NO_BODY = new Uint8Array(0)

/** Members of RequestInit the fast path understands; any other one set takes the Request path. */
const OTHER_INIT_MEMBERS = [
  'cache',
  'credentials',
  'dispatcher',
  'duplex',
  'integrity',
  'keepalive',
  'mode',
  'priority',
  'referrer',
  'referrerPolicy',
  'window',
] as const

/** Methods fetch writes in upper case whatever case they are given in; any other method takes the Request path. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'])
const REDIRECT_MODES = new Set(['follow', 'error', 'manual'])

/**
 * Request headers a browser's Request drops or treats specially (the fetch
 * spec's forbidden request-header names); Node's keeps them. A call naming one
 * takes the Request path, so that the mock sees what the platform's fetch sends.
 */
const FORBIDDEN_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
])

/** An HTTP token (RFC 9110): what a header name must be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * What makes Headers change or refuse a header value: past Latin-1 (not a
 * ByteString), NUL, CR or LF, or a leading or trailing space or tab (stripped).
 */
const NOT_PLAIN_VALUE = /[\0\n\r\u0100-\uffff]|^[\t ]|[\t ]$/

/** The headers of `init.headers` as Headers would hold them, or undefined where only Headers can say. */
function plainHeaders(given: unknown): Record<string, string> | undefined {
  const headers: Record<string, string> = {}
  if (given === undefined || given === null) return given === null ? undefined : headers
  if (given instanceof Headers) {
    let forbidden = false
    given.forEach((value, name) => {
      if (FORBIDDEN_HEADERS.has(name) || name.startsWith('proxy-') || name.startsWith('sec-')) forbidden = true
      headers[name] = value
    })
    return forbidden ? undefined : headers
  }
  // A record, as WebIDL reads one: own enumerable string keys; anything iterable is a list of pairs instead.
  if (typeof given !== 'object') return undefined
  const proto = Object.getPrototypeOf(given)
  if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(given).length > 0) return undefined
  const record = given as Record<string, unknown>
  for (const key of Object.keys(record)) {
    const value = record[key]
    if (typeof value !== 'string' || !TOKEN.test(key) || NOT_PLAIN_VALUE.test(value)) return undefined
    const name = key.toLowerCase()
    if (
      Object.hasOwn(headers, name) ||
      FORBIDDEN_HEADERS.has(name) ||
      name.startsWith('proxy-') ||
      name.startsWith('sec-')
    )
      return undefined
    headers[name] = value
  }
  return headers
}

// The last URL read, and what it gave: a client calls the same few URLs over and over.
let lastHref: string | undefined
let lastTarget: { readonly path: string; readonly host: string } | undefined

/** The path (and query) and host of an http(s) URL without credentials; undefined for any other (a Request says what fetch makes of it). */
function target(href: string): { readonly path: string; readonly host: string } | undefined {
  if (href === lastHref) return lastTarget
  let url: URL | undefined
  try {
    url = new URL(href)
  } catch {
    url = undefined
  }
  // A URL with credentials is a TypeError; only http(s) reaches a server.
  lastTarget =
    url && url.username === '' && url.password === '' && (url.protocol === 'https:' || url.protocol === 'http:')
      ? pathAndHost(url)
      : undefined
  lastHref = href
  return lastTarget
}

function pathAndHost(url: URL): { readonly path: string; readonly host: string } {
  return { path: `${url.pathname}${url.search}`, host: url.host }
}

/**
 * The request `fetch(input, init)` would send, without building a Request, in
 * the common case: a URL (string or URL) and an init of method, headers (a
 * record or Headers), a string body, signal and redirect, all of them values
 * a Request takes as they are. Undefined for anything else: the caller builds
 * the Request, which says what fetch does with it (a TypeError, a relative
 * URL resolved against the page, a forbidden header dropped...).
 */
export function plainRequest(
  input: unknown,
  init: RequestInit | undefined,
): { readonly wire: WireRequest; readonly signal: AbortSignal | undefined } | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined
  if (init !== undefined && (typeof init !== 'object' || init === null)) return undefined
  const given: Record<string, unknown> = (init ?? {}) as Record<string, unknown>
  for (const member of OTHER_INIT_MEMBERS) if (given[member] !== undefined) return undefined
  const redirect = given.redirect
  if (redirect !== undefined && !REDIRECT_MODES.has(redirect as string)) return undefined
  const signal = given.signal
  if (signal !== undefined && signal !== null && !(signal instanceof AbortSignal)) return undefined
  const givenMethod = given.method
  const method = givenMethod === undefined ? 'GET' : typeof givenMethod === 'string' ? givenMethod.toUpperCase() : ''
  if (!NORMALIZED_METHODS.has(method)) return undefined
  const body = given.body
  if (body !== undefined && body !== null && (typeof body !== 'string' || method === 'GET' || method === 'HEAD'))
    return undefined
  const headers = plainHeaders(given.headers)
  if (headers === undefined) return undefined
  const url = target(typeof input === 'string' ? input : String(input))
  if (url === undefined) return undefined
  if (typeof body === 'string' && headers['content-type'] === undefined)
    headers['content-type'] = 'text/plain;charset=UTF-8'
  headers.host ??= url.host
  return {
    wire: {
      method,
      path: url.path,
      headers,
      body: typeof body === 'string' ? encoder.encode(body) : NO_BODY,
    },
    signal: (signal as AbortSignal | null | undefined) ?? undefined,
  }
}

/** `answer`, or the signal's reason as soon as it aborts. */
function raced(answer: Promise<WireResponse>, signal: AbortSignal): Promise<WireResponse> {
  return new Promise<WireResponse>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    answer.then(
      (r) => {
        signal.removeEventListener('abort', onAbort)
        resolve(r)
      },
      (e) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      },
    )
  })
}

/**
 * An in-process `fetch` over a responder: the mock sees the request fetch
 * would send, and the AbortSignal is honoured as fetch honours it (an aborted
 * call rejects with the signal's reason, before or while the mock answers).
 * The common call (a URL, a string body, plain headers: what the generated
 * clients send) is read straight from its arguments; any other goes through a
 * Request, as fetch itself would take it.
 */
export function inProcessFetch(
  respond: (request: WireRequest) => WireResponse | Promise<WireResponse>,
): (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const plain = plainRequest(input, init)
    let wire: WireRequest
    let signal: AbortSignal | undefined
    if (plain) {
      wire = plain.wire
      signal = plain.signal
      // As fetch, answer later than the call: an abort right after it still stops the request.
      await undefined
    } else {
      const request = new Request(input, init)
      signal = request.signal
      signal.throwIfAborted()
      wire = await fromFetchRequest(request)
    }
    signal?.throwIfAborted()
    const reply = respond(wire)
    return inProcessResponse(reply instanceof Promise ? await (signal ? raced(reply, signal) : reply) : reply)
  }
}

/** toFetchResponse's Response, its text in hand (TextResponse) when the text is one that reads back as written. */
export function inProcessResponse(reply: WireResponse): Response {
  const length = reply.body === '' ? undefined : wellFormedUtf8Length(reply.body)
  // An ordinary Response's text() drops a leading byte order mark; status 1xx or >= 600 is a RangeError.
  if (
    length === undefined ||
    reply.body.charCodeAt(0) === 0xfeff ||
    NULL_BODY_STATUSES.has(reply.status) ||
    !(reply.status >= 200 && reply.status <= 599)
  )
    return toFetchResponse(reply)
  return new TextResponse(reply.body, { status: reply.status, headers: withLength(reply.headers, length) })
}
