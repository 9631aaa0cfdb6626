// Talking to a mock the way a stranger would: signed HTTP requests built by
// hand (for validation cases sent over the wire, and scenarios).
import { sign } from '@zenlayer-reset/client-runtime'
import type { RawRequest } from './cases.js'

export const MOCK_KEY = { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' }

type Reply = { status: number; body: Record<string, unknown> | undefined }

export interface Sender {
  send(action: string, input: unknown): Promise<Reply>
  /** A hand-built request (contract `raw` steps). */
  raw(request: RawRequest, defaultAction: string): Promise<Reply>
}

export function sender(options: {
  baseUrl: string
  path: string
  version: (action: string) => string
  fetch: (url: string, init: RequestInit) => Promise<Response>
  nowSeconds: () => number
}): Sender {
  const host = new URL(options.baseUrl).host
  const exchange = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<Reply> => {
    const response = await options.fetch(`${options.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    })
    const text = await response.text()
    let parsed: Record<string, unknown> | undefined
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    return { status: response.status, body: parsed }
  }
  const signedHeaders = (contentType: string, body: string, timestamp: number, key = MOCK_KEY) => {
    const signed = sign({ ...key, contentType, host, body, timestamp })
    return {
      'x-zc-timestamp': String(timestamp),
      'x-zc-signature-method': 'ZC2-HMAC-SHA256',
      authorization: signed.authorization,
    }
  }
  return {
    send(action, input) {
      const body = JSON.stringify(input)
      const headers = {
        'content-type': 'application/json',
        'x-zc-action': action,
        'x-zc-version': options.version(action),
        ...signedHeaders('application/json', body, options.nowSeconds()),
      }
      return exchange('POST', options.path, headers, body)
    },
    raw(request, defaultAction) {
      const method = request.method ?? 'POST'
      const body = method === 'GET' ? undefined : (request.body ?? '{}')
      const contentType = request.contentType ?? 'application/json'
      const action = request.action === undefined ? defaultAction : request.action
      const headers: Record<string, string> = { 'content-type': contentType }
      if (action !== null) headers['x-zc-action'] = action
      const version = request.version === undefined ? options.version(action ?? defaultAction) : request.version
      if (version !== null) headers['x-zc-version'] = version
      const now = options.nowSeconds()
      const auth = request.auth ?? 'signed'
      if (auth === 'signed') Object.assign(headers, signedHeaders(contentType, body ?? '', now))
      if (auth === 'stale') Object.assign(headers, signedHeaders(contentType, body ?? '', now - 301))
      if (auth === 'unknown-key')
        Object.assign(
          headers,
          signedHeaders(contentType, body ?? '', now, { accessKeyId: 'nobody', accessKeySecret: 'x' }),
        )
      if (auth === 'bad-signature') {
        Object.assign(headers, signedHeaders(contentType, `${body ?? ''} `, now))
      }
      if (auth === 'bearer') headers.authorization = 'Bearer mock-token'
      if (auth === 'bad-bearer') headers.authorization = 'Bearer not-a-token'
      return exchange(method, request.path ?? options.path, headers, body)
    },
  }
}
