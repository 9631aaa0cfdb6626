// MSW 2 handlers over the same engine: `setupServer(...mswHandlers(hubOrMock))`.
// msw is an optional peer dependency; only this module imports it.
import { http } from 'msw'
import { fromFetchRequest, toFetchResponse, type WireRequest, type WireResponse } from './wire.js'

export interface MswOptions {
  /** Where the client under test sends requests. Default https://console.zenlayer.com. */
  readonly baseUrl?: string
}

/** A service mock (claims its own path) or a hub (claims each of its services' paths, and answers any other service 404). */
type Target = { handle(request: WireRequest): Promise<WireResponse> } & (
  | { readonly service: { readonly path: string } }
  | { readonly mocks: Readonly<Record<string, { readonly service: { readonly path: string } }>> }
)

/** The URL without its trailing slashes, by index: linear in its length (a `/\/+$/` regex is quadratic). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--
  return url.slice(0, end)
}

/**
 * Each service's handlers claim only that service's path (`/api/v2/zec`), so
 * `setupServer(...mswHandlers(zec), ...mswHandlers(vm))` sends each call to
 * its own mock. A hub also claims the rest of `/api/v2/*`, answered as the
 * API answers a service it does not have.
 */
export function mswHandlers(target: Target, options: MswOptions = {}) {
  const base = withoutTrailingSlashes(options.baseUrl ?? 'https://console.zenlayer.com')
  const resolver = async ({ request }: { request: Request }) =>
    // Read as any resolver reads it: MSW keeps a clone of its own, for its logs, from before the resolver runs.
    toFetchResponse(await target.handle(await fromFetchRequest(request)))
  if ('service' in target) return [http.all(`${base}${target.service.path}`, resolver)]
  return [
    ...Object.values(target.mocks).map((mock) => http.all(`${base}${mock.service.path}`, resolver)),
    http.all(`${base}/api/v2/*`, resolver),
  ]
}
