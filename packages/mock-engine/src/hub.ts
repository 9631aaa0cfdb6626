// Several service mocks behind one address: requests go to the mock whose
// service owns the path (/api/v2/<service>); any other path is answered 404
// with the spec's serviceUnknown code, in the envelope.
import type { MockCodes } from './code-roles.js'
import { requestIdFrom, seededRandom } from './random.js'
import type { ServiceMock } from './service-mock.js'
import { errorReply, inProcessFetch, type WireRequest, type WireResponse } from './wire.js'

export interface MockHub {
  readonly mocks: Readonly<Record<string, ServiceMock>>
  /** The codes of answers given before any service is chosen: the first service's (every spec shares them). */
  readonly codes: MockCodes
  handle(request: WireRequest): Promise<WireResponse>
  /** The same, without a promise unless latency is injected. */
  respond(request: WireRequest): WireResponse | Promise<WireResponse>
  readonly fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<Response>
}

export function createMockHub(mocks: readonly ServiceMock[], seed = 1): MockHub {
  const first = mocks[0]
  if (!first) throw new Error('a mock hub needs at least one service mock')
  const codes = first.service.codes
  const byPath = new Map(mocks.map((m) => [m.service.path, m]))
  const random = seededRandom(seed ^ 0x5eed)
  const respond = (request: WireRequest): WireResponse | Promise<WireResponse> => {
    const query = request.path.indexOf('?')
    const path = query === -1 ? request.path : request.path.slice(0, query)
    const mock = byPath.get(path)
    if (mock) return mock.respond(request)
    const known = [...byPath.keys()].join(', ')
    const message = `No service at ${path.slice(0, 100)}; this mock serves ${known}.`
    return errorReply(404, requestIdFrom(random), codes.serviceUnknown, message)
  }
  // Promise.resolve hands a promise back as it is.
  const handle = (request: WireRequest): Promise<WireResponse> => Promise.resolve(respond(request))
  return {
    mocks: Object.fromEntries(mocks.map((m) => [m.service.name, m])),
    codes,
    handle,
    respond,
    fetch: inProcessFetch(respond),
  }
}
