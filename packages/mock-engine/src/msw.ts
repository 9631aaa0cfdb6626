// MSW 2 handlers over the same engine: `setupServer(...mswHandlers(hubOrMock))`.
// msw is an optional peer dependency; only this module imports it.
import { http } from 'msw'
import { fromFetchRequest, toFetchResponse, type WireRequest, type WireResponse } from './wire.js'

export interface MswOptions {
  /** Where the client under test sends requests. Default https://console.zenlayer.com. */
  readonly baseUrl?: string
}

export function mswHandlers(target: { handle(request: WireRequest): Promise<WireResponse> }, options: MswOptions = {}) {
  const base = (options.baseUrl ?? 'https://console.zenlayer.com').replace(/\/+$/, '')
  return [
    http.all(`${base}/api/v2/*`, async ({ request }) =>
      // A clone: MSW may read the request again after the handler.
      toFetchResponse(await target.handle(await fromFetchRequest(request.clone()))),
    ),
  ]
}
