// Several service mocks behind one address: requests go to the mock whose
// service owns the path (/api/v2/<service>); any other path is answered 404
// INVALID_SERVICE_NOT_FOUND in the envelope.
import { requestIdFrom, seededRandom } from './random.js'
import type { ServiceMock } from './service-mock.js'
import { errorReply, fromFetchRequest, toFetchResponse, type WireRequest, type WireResponse } from './wire.js'

export interface MockHub {
  readonly mocks: Readonly<Record<string, ServiceMock>>
  handle(request: WireRequest): Promise<WireResponse>
  readonly fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<Response>
}

export function createMockHub(mocks: readonly ServiceMock[], seed = 1): MockHub {
  const byPath = new Map(mocks.map((m) => [m.service.path, m]))
  const random = seededRandom(seed ^ 0x5eed)
  // Not async: the mock's own promise is handed back as it is.
  const handle = (request: WireRequest): Promise<WireResponse> => {
    const query = request.path.indexOf('?')
    const path = query === -1 ? request.path : request.path.slice(0, query)
    const mock = byPath.get(path)
    if (mock) return mock.handle(request)
    const known = [...byPath.keys()].join(', ')
    const message = `No service at ${path.slice(0, 100)}; this mock serves ${known}.`
    return Promise.resolve(errorReply(404, requestIdFrom(random), 'INVALID_SERVICE_NOT_FOUND', message))
  }
  return {
    mocks: Object.fromEntries(mocks.map((m) => [m.service.name, m])),
    handle,
    fetch: async (input, init) => toFetchResponse(await handle(await fromFetchRequest(new Request(input, init)))),
  }
}
