// A scripted stand-in for the API, as a fetch function: each call takes the
// next scripted answer and records the request exactly as it would go out.

export interface Recorded {
  readonly method: string
  readonly url: string
  readonly headers: Record<string, string>
  readonly body: string
}

export type Answer = Response | Error | ((request: Request, signal: AbortSignal | null) => Promise<Response>)

export const REQUEST_ID = 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9'

export function envelope(
  response: Record<string, unknown> = {},
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ requestId: REQUEST_ID, response: { requestId: REQUEST_ID, ...response } }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

export function apiError(status: number, code: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ requestId: REQUEST_ID, code, message: `${code} happened` }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/** An error like undici's when the connection is refused (nothing was sent). */
export function refused(): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
  })
}

/** An error like undici's when the connection drops after the request went out. */
export function reset(): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  })
}

/** Never answers; rejects when the request is aborted. */
export const hang: Answer = (_request, signal) =>
  new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
  })

export function fakeServer(answers: Answer[] | ((request: Request) => Answer)) {
  const requests: Recorded[] = []
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init)
    requests.push({
      method: request.method,
      // fetch never sends the #Action fragment of a path key: record what goes on the wire.
      url: request.url.replace(/#.*$/, ''),
      headers: Object.fromEntries(request.headers),
      body: await request.clone().text(),
    })
    const answer = typeof answers === 'function' ? answers(request) : answers.shift()
    if (answer === undefined) throw new Error('the fake server has no more answers')
    if (answer instanceof Error) throw answer
    if (typeof answer === 'function') return answer(request, request.signal)
    return answer
  }
  return { fetch: fetch as typeof globalThis.fetch, requests }
}

/** A sleep that does not sleep but records, and a clock it advances. */
export function fakeTime() {
  let now = 1_000_000
  const sleeps: number[] = []
  return {
    sleeps,
    clock: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason
      sleeps.push(ms)
      now += ms
    },
  }
}

/** The error a promise rejects with; a promise that resolves fails the test. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the promise to reject')
}
