// One exchange with the server, whatever fetch the caller gave: the signal is
// checked before anything is sent, the exchange is raced against it (a fetch
// that ignores signals cannot hold a call past its timeout), redirects are
// refused rather than followed (a reset must reach no other origin and no
// second time), and the reply is read up to a size bound.
import { ProtocolError, RedirectError } from './errors.js'

export type FetchLike = (input: Request | string, init?: RequestInit) => Promise<Response>

/** Default bound on a reply's body: a page of 1,000 statuses is about 100 kB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024

/** A reply read whole. */
export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/** `promise`, or the signal's reason as soon as it aborts; the loser's outcome is swallowed. */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {})
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/**
 * Sends and reads one reply: never past the signal, never following a
 * redirect, never more than `maxBytes`. `honoursSignals` says the fetch is the
 * platform's own, which aborts the request and its body by itself; any other
 * fetch is raced against the signal.
 */
export function exchange(
  fetchFn: FetchLike,
  input: Request | string,
  init: RequestInit | undefined,
  signal: AbortSignal,
  action: string,
  maxBytes: number,
  honoursSignals: boolean,
): Promise<{ response: Response; text: string }> {
  if (signal.aborted) return Promise.reject(signal.reason)
  const work = fetchAndRead(fetchFn, input, init, action, maxBytes)
  return honoursSignals ? work : raceSignal(work, signal)
}

async function fetchAndRead(
  fetchFn: FetchLike,
  input: Request | string,
  init: RequestInit | undefined,
  action: string,
  maxBytes: number,
): Promise<{ response: Response; text: string }> {
  const response = await fetchFn(input, init)
  // `redirect: 'manual'` gives the 3xx itself in Node and an opaque redirect
  // (status 0) in browsers; a fetch that followed anyway says `redirected`.
  if ((response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect' || response.redirected) {
    discard(response)
    throw new RedirectError(action, response.redirected ? 0 : response.status)
  }
  return { response, text: await readBounded(response, maxBytes, action) }
}

/**
 * For openapi-fetch: the same exchange as a fetch function. The reply is
 * handed on buffered, so that openapi-fetch and its middleware read the
 * bounded copy.
 */
export function guardedFetch(
  fetchFn: FetchLike,
  maxBytes: number,
  honoursSignals: boolean,
): (request: Request) => Promise<Response> {
  return async (given) => {
    // A middleware that rebuilt the request may have reset its redirect mode to 'follow'.
    const request = given.redirect === 'manual' ? given : new Request(given, { redirect: 'manual' })
    const action = request.headers.get('x-zc-action') ?? 'request'
    const { response, text } = await exchange(
      fetchFn,
      request,
      undefined,
      request.signal,
      action,
      maxBytes,
      honoursSignals,
    )
    const empty = text === '' || response.status === 204 || response.status === 205
    try {
      return new Response(empty ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    } catch {
      throw new ProtocolError('REPLY_MALFORMED', action, response.status, 'the reply cannot be represented', [])
    }
  }
}

async function readBounded(response: Response, maxBytes: number, action: string): Promise<string> {
  const tooLarge = () =>
    new ProtocolError(
      'REPLY_TOO_LARGE',
      action,
      response.status,
      `the reply is larger than maxResponseBytes (${maxBytes})`,
      [],
    )
  const declared = response.headers.get('content-length')
  const encoding = response.headers.get('content-encoding')
  // A declared length bounds the body as sent; a compressed body is decoded
  // on reading and may be far larger, so it is counted as it is read.
  if (declared !== null && /^\d+$/.test(declared) && (encoding === null || encoding === 'identity')) {
    if (Number(declared) > maxBytes) {
      discard(response)
      throw tooLarge()
    }
    // HTTP framing ends the body at the declared length.
    return response.text()
  }
  if (!response.body) return response.text()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => {})
}
