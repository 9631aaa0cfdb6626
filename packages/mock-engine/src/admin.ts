// The admin surface of the HTTP server, under /__admin/, so that tests in any
// language can seed, inspect and reset state, advance transitions and inject
// faults. JSON in, JSON out; mistakes get a 400 that names the field.
//
// It changes what the mock answers, so it is guarded (AdminGuard): a POST must
// be application/json (a cross-site form or text/plain POST is not), a
// browser's Origin must be the server's own, the Host must be one the server
// answers to (DNS rebinding), and with a token configured (required when the
// server listens beyond loopback) every request must carry it.
//
// Each service keeps a bounded state (StateLimits): a seed, reset or fault that
// would take one past a limit is refused 409 ADMIN_LIMIT_EXCEEDED, naming the
// limit, and changes nothing.
import { equalConstantTime } from './auth.js'
import { createFaults } from './faults.js'
import type { MockHub } from './hub.js'
import { LimitError } from './limits.js'
import { StateError } from './seed-check.js'
import type { ServiceMock } from './service-mock.js'
import type { SeedState } from './types.js'
import { json, type WireRequest, type WireResponse } from './wire.js'

export const ADMIN_PREFIX = '/__admin/'

export interface AdminGuard {
  /** `Authorization: Bearer <token>` required on every admin request when set. */
  readonly token?: string | undefined
  /**
   * Host header values (`127.0.0.1:8787`) the admin surface answers; undefined
   * accepts any (only when a token is set). Origins must be `http://` one of these.
   */
  readonly hosts?: ReadonlySet<string> | undefined
}

class AdminError extends Error {}

/** Only these fields, each route: a typo is named rather than ignored. */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  'GET state': ['service'],
  'GET history': ['service', 'instanceId'],
  'POST seed': ['service', 'state'],
  'POST reset': ['service', 'state'],
  'POST advance': ['service', 'instanceId'],
  'POST faults': ['service', 'clear', 'failNextReset', 'rateLimitEvery', 'latencyMs', 'edgeChallenges'],
}

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

function optionalId(body: Record<string, unknown>): string | undefined {
  if (body.instanceId === undefined) return undefined
  if (typeof body.instanceId !== 'string' || body.instanceId === '')
    throw new AdminError('instanceId must be a non-empty string')
  return body.instanceId
}

/** Why a request may not use the admin surface, or undefined when it may. */
function refusal(request: WireRequest, guard: AdminGuard): WireResponse | undefined {
  const host = request.headers.host ?? ''
  if (guard.hosts && !guard.hosts.has(host.toLowerCase())) {
    return json(403, {
      code: 'ADMIN_HOST_REFUSED',
      message: `the admin surface answers only ${[...guard.hosts].join(', ')}`,
    })
  }
  const origin = request.headers.origin
  if (
    origin !== undefined &&
    !(guard.hosts ?? new Set([host.toLowerCase()])).has(origin.toLowerCase().replace(/^http:\/\//, ''))
  ) {
    return json(403, {
      code: 'ADMIN_ORIGIN_REFUSED',
      message: 'the admin surface refuses requests from web pages of other origins',
    })
  }
  if (guard.token !== undefined) {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (given === undefined || !equalConstantTime(given, guard.token)) {
      return json(401, {
        code: 'ADMIN_TOKEN_REQUIRED',
        message: 'the admin surface needs Authorization: Bearer <admin token>',
      })
    }
  }
  if (request.method !== 'GET') {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') {
      return json(415, { code: 'ADMIN_CONTENT_TYPE', message: 'admin requests carry Content-Type: application/json' })
    }
  }
  return undefined
}

export function handleAdmin(hub: MockHub, request: WireRequest, guard: AdminGuard = {}): WireResponse {
  const refused = refusal(request, guard)
  if (refused) return refused
  const [route = '', query = ''] = request.path.slice(ADMIN_PREFIX.length).split('?')
  const key = `${request.method} ${route}`
  const fields = FIELDS[key]
  if (!fields) {
    return json(404, {
      code: 'ADMIN_ROUTE_NOT_FOUND',
      message: `no admin route ${request.method} ${ADMIN_PREFIX}${route.slice(0, 100)}`,
    })
  }
  try {
    const body = request.method === 'GET' ? Object.fromEntries(new URLSearchParams(query)) : parse(request)
    const unknown = Object.keys(body).filter((k) => !fields.includes(k))
    if (unknown.length > 0) {
      throw new AdminError(
        `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}; ${key} takes ${fields.join(', ')}`,
      )
    }
    switch (key) {
      case 'GET state':
        return json(
          200,
          Object.fromEntries(
            targets(hub, body).map((m) => [m.service.name, { ...m.snapshot(), history: m.historyStats() }]),
          ),
        )
      case 'GET history': {
        const mock = serviceOf(hub, body.service)
        const instanceId = optionalId(body)
        if (instanceId === undefined) throw new AdminError('instanceId is required')
        return json(200, { instanceId, history: mock.history(instanceId) })
      }
      case 'POST seed':
        serviceOf(hub, body.service).seed((body.state ?? {}) as SeedState)
        return json(200, { ok: true })
      case 'POST reset': {
        const chosen = targets(hub, body)
        // Every service's state checked (with its limits) before any is reset: a bad state wipes nothing.
        if (body.state !== undefined) for (const mock of chosen) mock.checkState(body.state, { reset: true })
        for (const mock of chosen) mock.reset(body.state as SeedState | undefined)
        return json(200, { ok: true })
      }
      case 'POST advance': {
        const instanceId = optionalId(body)
        for (const mock of targets(hub, body)) mock.advance(instanceId)
        return json(200, { ok: true })
      }
      default: {
        // POST faults: every value checked before any is applied, so a bad one changes nothing.
        if (body.clear !== undefined && typeof body.clear !== 'boolean')
          throw new AdminError('clear must be true or false')
        if (body.failNextReset !== undefined && !Array.isArray(body.failNextReset)) {
          throw new AdminError('failNextReset must be a list of instance ids')
        }
        const chosen = targets(hub, body)
        const failing = Array.isArray(body.failNextReset) ? (body.failNextReset as unknown[]) : undefined
        // Each service's room for the ids, before anything is set on any.
        if (failing)
          for (const mock of chosen) mock.faults.checkFailNextReset(failing, { afterClear: body.clear === true })
        const steps: ((m: ServiceMock) => void)[] = []
        if (body.clear === true) steps.push((m) => m.faults.clear())
        if (failing) {
          // In slices: a spread of a whole list of ids could outgrow the stack.
          steps.push((m) => {
            for (let i = 0; i < failing.length; i += 10_000)
              m.faults.failNextReset(...(failing.slice(i, i + 10_000) as string[]))
          })
        }
        if (body.rateLimitEvery !== undefined) steps.push((m) => m.faults.rateLimit(body.rateLimitEvery as number))
        if (body.latencyMs !== undefined) steps.push((m) => m.faults.latency(body.latencyMs as number))
        if (body.edgeChallenges !== undefined) steps.push((m) => m.faults.edgeChallenge(body.edgeChallenges as number))
        // The ids were checked above; the trial checks the other values.
        const trial = createFaults({ maxFailNextReset: Number.MAX_SAFE_INTEGER }).faults
        for (const step of steps) step({ faults: trial } as ServiceMock)
        for (const mock of chosen) for (const step of steps) step(mock)
        return json(200, Object.fromEntries(chosen.map((m) => [m.service.name, m.faults.current()])))
      }
    }
  } catch (error) {
    if (error instanceof LimitError)
      return json(409, { code: 'ADMIN_LIMIT_EXCEEDED', message: `${key}: ${error.message}`.slice(0, 400) })
    const message =
      error instanceof AdminError || error instanceof RangeError
        ? error.message.slice(0, 300)
        : error instanceof StateError
          ? `${key} ${error.message}`.slice(0, 400)
          : 'the request could not be applied'
    return json(400, { code: 'ADMIN_REQUEST_INVALID', message })
  }
}
