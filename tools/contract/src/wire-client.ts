// Talking to a mock the way a stranger would: signed HTTP requests built by
// hand (for validation cases sent over the wire, and scenarios).
import { sign } from '@zenlayer-reset/client-runtime'

export const MOCK_KEY = { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' }

export interface Sender {
  send(action: string, input: unknown): Promise<{ status: number; body: Record<string, unknown> | undefined }>
}

export function sender(options: {
  baseUrl: string
  path: string
  version: (action: string) => string
  fetch: (url: string, init: RequestInit) => Promise<Response>
  nowSeconds: () => number
}): Sender {
  const host = new URL(options.baseUrl).host
  return {
    async send(action, input) {
      const body = JSON.stringify(input)
      const timestamp = options.nowSeconds()
      const signed = sign({ ...MOCK_KEY, contentType: 'application/json', host, body, timestamp })
      const response = await options.fetch(`${options.baseUrl}${options.path}`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-zc-action': action,
          'x-zc-version': options.version(action),
          'x-zc-timestamp': String(timestamp),
          'x-zc-signature-method': 'ZC2-HMAC-SHA256',
          authorization: signed.authorization,
        },
      })
      const text = await response.text()
      let parsed: Record<string, unknown> | undefined
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = undefined
      }
      return { status: response.status, body: parsed }
    },
  }
}
