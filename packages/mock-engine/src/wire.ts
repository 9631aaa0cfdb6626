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

/** A fetch Request as a WireRequest (body read as bytes, at most MAX_BODY_BYTES + 1 of them kept). */
export async function fromFetchRequest(request: Request): Promise<WireRequest> {
  const url = new URL(request.url)
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value
  })
  if (!headers.host) headers.host = url.host
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array()
  return { method: request.method, path: `${url.pathname}${url.search}`, headers, body }
}

export function toFetchResponse(reply: WireResponse): Response {
  return new Response(reply.body === '' ? null : reply.body, { status: reply.status, headers: reply.headers })
}

/**
 * An in-process `fetch` over a handler: the request is built as fetch builds
 * it, and its AbortSignal is honoured as fetch honours it (an aborted call
 * rejects with the signal's reason, before or while the mock answers).
 */
export function inProcessFetch(
  handle: (request: WireRequest) => Promise<WireResponse>,
): (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init)
    const signal = request.signal
    signal.throwIfAborted()
    const wire = await fromFetchRequest(request)
    signal.throwIfAborted()
    const answer = handle(wire)
    const reply = await new Promise<WireResponse>((resolve, reject) => {
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
    return toFetchResponse(reply)
  }
}
