// The admin surface of the HTTP server, under /__admin/, so that tests in any
// language can seed, inspect and reset state, advance transitions and inject
// faults. JSON in, JSON out; mistakes get a 400 that names the field.
import type { MockHub } from './hub.js'
import type { ServiceMock } from './service-mock.js'
import type { SeedState } from './types.js'
import { json, type WireRequest, type WireResponse } from './wire.js'

export const ADMIN_PREFIX = '/__admin/'

class AdminError extends Error {}

function parse(request: WireRequest): Record<string, unknown> {
  if (request.body.length === 0) return {}
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(request.body))
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new AdminError('the body must be a JSON object')
}

function serviceOf(hub: MockHub, name: unknown): ServiceMock {
  const mock = typeof name === 'string' && Object.hasOwn(hub.mocks, name) ? hub.mocks[name] : undefined
  if (!mock) throw new AdminError(`service must be one of ${Object.keys(hub.mocks).join(', ')}`)
  return mock
}

/** The services a request names (`service`), or all of them. */
function targets(hub: MockHub, body: Record<string, unknown>): ServiceMock[] {
  return body.service === undefined ? Object.values(hub.mocks) : [serviceOf(hub, body.service)]
}

export function handleAdmin(hub: MockHub, request: WireRequest): WireResponse {
  const [route, query = ''] = request.path.slice(ADMIN_PREFIX.length).split('?')
  try {
    const body = request.method === 'GET' ? Object.fromEntries(new URLSearchParams(query)) : parse(request)
    switch (`${request.method} ${route}`) {
      case 'GET state':
        return json(200, Object.fromEntries(targets(hub, body).map((m) => [m.service.name, m.snapshot()])))
      case 'GET history': {
        const mock = serviceOf(hub, body.service)
        if (typeof body.instanceId !== 'string') throw new AdminError('instanceId is required')
        return json(200, { instanceId: body.instanceId, history: mock.history(body.instanceId) })
      }
      case 'POST seed':
        serviceOf(hub, body.service).seed((body.state ?? {}) as SeedState)
        return json(200, { ok: true })
      case 'POST reset':
        for (const mock of targets(hub, body)) mock.reset(body.state as SeedState | undefined)
        return json(200, { ok: true })
      case 'POST advance':
        for (const mock of targets(hub, body))
          mock.advance(typeof body.instanceId === 'string' ? body.instanceId : undefined)
        return json(200, { ok: true })
      case 'POST faults': {
        for (const mock of targets(hub, body)) {
          if (body.clear === true) mock.faults.clear()
          if (Array.isArray(body.failNextReset)) mock.faults.failNextReset(...body.failNextReset.map(String))
          if (body.rateLimitEvery !== undefined) mock.faults.rateLimit(Number(body.rateLimitEvery))
          if (body.latencyMs !== undefined) mock.faults.latency(Number(body.latencyMs))
          if (body.edgeChallenges !== undefined) mock.faults.edgeChallenge(Number(body.edgeChallenges))
        }
        return json(200, Object.fromEntries(targets(hub, body).map((m) => [m.service.name, m.faults.current()])))
      }
      default:
        return json(404, {
          code: 'ADMIN_ROUTE_NOT_FOUND',
          message: `no admin route ${request.method} ${ADMIN_PREFIX}${route}`,
        })
    }
  } catch (error) {
    const message =
      error instanceof AdminError || error instanceof RangeError ? error.message : 'the request could not be applied'
    return json(400, { code: 'ADMIN_REQUEST_INVALID', message })
  }
}
