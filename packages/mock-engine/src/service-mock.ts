// One service's mock: its state, its clock and faults, and the protocol every
// request goes through. Every answer is the API's envelope (or, for an
// injected edge challenge, the edge's HTML); no input produces a 5xx.
import { type ActionOutcome, describe, reset } from './actions.js'
import { checkAuth, DEFAULT_CREDENTIALS, defaultSigner, type MockCredentials, type Signer } from './auth.js'
import { type Clock, systemClock } from './clock.js'
import type { MockCodeRole } from './code-roles.js'
import type { MockOperation, MockService, RequestValidator, ValidatorTable } from './descriptor.js'
import { createFaults, type Faults } from './faults.js'
import { type StateLimits, stateLimits } from './limits.js'
import { type InFlight, type Progression, type ProgressionOption, toProgression } from './progression.js'
import { requestIdFrom, seededRandom } from './random.js'
import { checkSeedState } from './seed-check.js'
import { Store } from './store.js'
import type { HistoryEntry, Instance, SeedState, StateSnapshot } from './types.js'
import { errorReply, inProcessFetch, json, MAX_BODY_BYTES, type WireRequest, type WireResponse } from './wire.js'

export interface MockOptions {
  /** Seeds request ids (and anything else random): same seed, same run. Default 1. */
  readonly seed?: number
  /** The mock's time: signature skew and timed transitions read it. Default: the system clock. */
  readonly clock?: Clock
  /** Access keys and tokens it accepts. Default: mock-access-key / mock-access-secret and mock-token. */
  readonly credentials?: MockCredentials
  /** Set false to accept any request without credentials (quick local use). */
  readonly auth?: boolean
  /** 'immediate' (default), 'manual', or a delay in ms per transitional state. */
  readonly progression?: ProgressionOption
  /** The state to start from. */
  readonly state?: SeedState
  /** How injected latency waits; injectable so that tests never sleep. */
  readonly sleep?: (ms: number) => Promise<void>
  /**
   * Signature implementation (see Signer). Default: client-runtime's
   * defaultSigner(), node:crypto's on Node, the portable one in browsers.
   */
  readonly signer?: Signer
  /** History entries kept (all instances together); the oldest are dropped past it. Default 100,000. */
  readonly maxHistoryEntries?: number
  /** Instances kept at most; a seed that would hold more is refused (LimitError). Default 100,000. */
  readonly maxInstances?: number
  /** Images kept at most, listed or brought by an instance. Default 200,000. */
  readonly maxImages?: number
  /** Key pairs kept at most. Default 100,000. */
  readonly maxKeyPairs?: number
  /** Instance ids pending an injected reset failure at most (`faults.failNextReset`). Default 100,000. */
  readonly maxFailNextReset?: number
}

export interface ServiceMock {
  readonly service: MockService
  /** Answers one request as the API would. */
  handle(request: WireRequest): Promise<WireResponse>
  /** The same, without a promise unless latency is injected (what the HTTP server calls). */
  respond(request: WireRequest): WireResponse | Promise<WireResponse>
  /** The same, as a fetch function: pass it to a client (`fetch: mock.fetch`). */
  readonly fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<Response>
  /** Adds `state`: checked whole first, refused whole (StateError; LimitError past a limit). */
  seed(state: SeedState): void
  /** Forgets every instance, image, key pair, in-flight transition and fault; then seeds `state`. */
  reset(state?: SeedState): void
  /** Throws what `seed(state)` (or `reset(state)`, with `reset: true`) would throw; changes nothing. */
  checkState(state: unknown, options?: { readonly reset?: boolean }): SeedState
  /** How much state it keeps at most (MockOptions' maxInstances, maxImages, maxKeyPairs, maxFailNextReset). */
  readonly limits: StateLimits
  snapshot(): StateSnapshot
  instance(instanceId: string): Instance | undefined
  /** Every status the instance took, with the mock's time (the oldest may have been dropped: historyStats). */
  history(instanceId: string): readonly HistoryEntry[]
  /** How full the bounded history is, and how many entries it dropped. */
  historyStats(): { readonly entries: number; readonly maxEntries: number; readonly dropped: number }
  /** Moves every instance in flight to its end (manual progression), or one instance. */
  advance(instanceId?: string): void
  readonly faults: Faults
  readonly progression: Progression
}

const JSON_TYPE = /^application\/json\s*(;.*)?$/i
/** Refuses bytes that are not UTF-8 rather than replacing them. */
const UTF8 = new TextDecoder('utf-8', { fatal: true })

export function createServiceMock(service: MockService, table: ValidatorTable, options: MockOptions = {}): ServiceMock {
  if (table.service !== service.name)
    throw new Error(`the ${table.service} validators cannot check ${service.name} requests`)
  const validators = new Map<string, RequestValidator>()
  for (const op of Object.values(service.operations)) {
    const validate = table.actions[op.action]?.request
    if (typeof validate !== 'function') throw new Error(`no request validator for ${service.name} ${op.action}`)
    validators.set(op.action, validate)
    if (!op.transition && !op.pagination)
      throw new Error(`${service.name} ${op.action} is neither a reset nor a status query`)
  }
  const clock = options.clock ?? systemClock
  // The service name is mixed into the seed, so that two services of one seed never share request ids.
  const random = seededRandom((options.seed ?? 1) ^ nameHash(service.name))
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS
  const authOn = options.auth !== false
  const progression = toProgression(options.progression)
  const signer = options.signer ?? defaultSigner()
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  // An instance seeded without a status is where a reset starts: the first transition's first `from` status.
  const startStatus = Object.values(service.operations).find((op) => op.transition)?.transition?.from[0]
  const limits = stateLimits(options)
  const store = new Store(options.maxHistoryEntries, startStatus, limits, service.name)
  const inFlight = new Map<string, InFlight>()
  const { faults, settings } = createFaults({ service: service.name, maxFailNextReset: limits.maxFailNextReset })
  const statusOf = statusTable(service)
  const codes = service.codes
  // A Map, not the object: an action header such as `constructor` must find nothing.
  const operations = new Map(Object.entries(service.operations))
  let calls = 0

  const complete = (id: string): void => {
    const flight = inFlight.get(id)
    const instance = store.instances.get(id)
    inFlight.delete(id)
    if (!flight || !instance) return
    instance.status = flight.finalStatus
    if (flight.succeeded) land(instance, flight.imageId, flight.carried)
    store.record(id, flight.finalStatus, clock.now(), flight.requestId)
  }
  /** What a successful reset leaves on the instance: its image and the fields it carries. */
  const land = (instance: Instance, imageId: string | undefined, carried: Readonly<Record<string, unknown>>): void => {
    if (imageId) instance.imageId = imageId
    if (Object.keys(carried).length > 0) instance.attributes = { ...instance.attributes, ...carried }
  }
  /** Applies the transitions whose time has come (timed progression). */
  const settle = (): void => {
    if (inFlight.size === 0) return
    const now = clock.now()
    for (const [id, flight] of inFlight)
      if ((flight.dueAt !== undefined && flight.dueAt <= now) || (flight.untilSeen && flight.seen)) complete(id)
  }

  const start = (
    op: MockOperation,
    accepted: readonly Instance[],
    requestId: string,
    input: Record<string, unknown>,
  ): void => {
    const t = op.transition
    if (!t) return
    const now = clock.now()
    const asked = op.image === null ? undefined : input[op.image]
    const imageId = typeof asked === 'string' ? asked : undefined
    const carried: Record<string, unknown> = {}
    for (const { field, default: fallback } of op.carries) {
      const value = input[field] ?? fallback
      if (value !== undefined && value !== null) carried[field] = value
    }
    for (const instance of accepted) {
      const fails = settings.failNextReset.size > 0 && settings.failNextReset.delete(instance.instanceId)
      // Without a failure status (vm), a failed reset leaves the instance where it started (the transition's from).
      const finalStatus = fails ? (t.failure ?? t.from[0] ?? instance.status) : t.to
      instance.status = t.via
      store.record(instance.instanceId, t.via, now, requestId)
      // An end (`to` or `failure`) that is also a start (bmc: RUNNING, INSTALL_FAILED) must be seen to be left: `via`
      // stays until a status query shows it. A reset without a failure status that falls back to its start (vm) is not
      // an end a waiter could take for success, and goes straight back as before.
      const untilSeen =
        progression.mode === 'immediate' &&
        t.from.includes(finalStatus) &&
        (finalStatus === t.to || finalStatus === t.failure)
      if (progression.mode === 'immediate' && !untilSeen) {
        // Straight to the end, both statuses in the history; nothing stays in flight.
        instance.status = finalStatus
        if (!fails) land(instance, imageId, carried)
        store.record(instance.instanceId, finalStatus, now, requestId)
        continue
      }
      inFlight.set(instance.instanceId, {
        finalStatus,
        succeeded: !fails,
        dueAt: progression.mode === 'timed' ? now + progression.delayMs : undefined,
        requestId,
        imageId,
        carried,
        untilSeen,
        seen: false,
      })
    }
  }

  const failed = (requestId: string, error: unknown): WireResponse =>
    // Only a bug of the mock itself can get here; say so rather than crash.
    errorReply(500, requestId, service.codes.internalError, `The mock failed: ${(error as Error).name}.`)

  function respond(request: WireRequest): WireResponse | Promise<WireResponse> {
    const requestId = requestIdFrom(random)
    try {
      const reply = answer(request, requestId)
      return reply instanceof Promise ? reply.catch((error: unknown) => failed(requestId, error)) : reply
    } catch (error) {
      return failed(requestId, error)
    }
  }

  const fail = (requestId: string, code: string, message: string, headers?: Record<string, string>) =>
    errorReply(statusOf(code), requestId, code, message, headers)

  // Synchronous unless latency is injected: a server answers without a promise per request.
  function answer(request: WireRequest, requestId: string): WireResponse | Promise<WireResponse> {
    const protocol = checkProtocol(service, request)
    if (protocol) return fail(requestId, codes[protocol.role], protocol.message, protocol.headers)
    const actionName = request.headers['x-zc-action']
    if (!actionName) return fail(requestId, codes.parameterMissing, 'The X-ZC-Action header is required.')
    const op = operations.get(actionName)
    if (!op)
      return fail(
        requestId,
        codes.actionUnknown,
        `${service.name} has no action named ${actionName.slice(0, 64)} (action names are case-sensitive).`,
      )
    if (authOn) {
      const denied = checkAuth(request, credentials, clock.now(), service.signing, signer)
      if (denied) return fail(requestId, codes[denied.role], denied.message)
    }
    calls += 1
    if (settings.edgeChallenges > 0) {
      settings.edgeChallenges -= 1
      return {
        status: 403,
        headers: { 'content-type': 'text/html', 'cf-mitigated': 'challenge' },
        body: '<!doctype html><title>Just a moment...</title>',
      }
    }
    if (settings.rateLimitEvery > 0 && calls % settings.rateLimitEvery === 0) {
      return fail(requestId, codes.rateLimited, 'Request limit exceeded; retry later.', { 'retry-after': '1' })
    }
    const version = request.headers['x-zc-version']
    if (!version) return fail(requestId, codes.parameterMissing, 'The X-ZC-Version header is required.')
    if (version !== op.version)
      return fail(
        requestId,
        codes.versionUnsupported,
        `${op.action} is served in version ${op.version}, not ${version.slice(0, 32)}.`,
      )
    let input: unknown
    try {
      input = JSON.parse(UTF8.decode(request.body))
    } catch {
      return fail(requestId, codes.bodyMalformed, 'The body is not valid JSON in UTF-8.')
    }
    const checked = (validators.get(op.action) as RequestValidator)(input)
    if (!checked.ok) return fail(requestId, checked.code, issueReport(checked.issues))
    const body = input as Record<string, unknown>
    if (settings.latencyMs > 0) return sleep(settings.latencyMs).then(() => act(op, body, requestId))
    return act(op, body, requestId)
  }

  /** The action itself, on a valid and authentic request. */
  function act(op: MockOperation, body: Record<string, unknown>, requestId: string): WireResponse {
    settle()
    const outcome: ActionOutcome = op.transition ? reset(op, store, inFlight, body) : describe(op, store, body)
    if (outcome.kind === 'error') return fail(requestId, outcome.code, outcome.message)
    if (op.pagination)
      for (const shown of outcome.shown) {
        const flight = inFlight.get(shown)
        if (flight?.untilSeen) flight.seen = true
      }
    start(op, outcome.accepted, requestId, body)
    return json(200, { requestId, response: { ...outcome.response, requestId } })
  }

  // Promise.resolve hands a promise back as it is.
  const handle = (request: WireRequest): Promise<WireResponse> => Promise.resolve(respond(request))

  const mock: ServiceMock = {
    service,
    handle,
    respond,
    fetch: inProcessFetch(respond),
    // Checked whole before anything changes: a bad state leaves the mock as it was.
    seed: (state) => store.seed(checkSeedState(service, state, 'state'), clock.now()),
    reset: (state) => {
      if (state !== undefined) store.checkRoom(checkSeedState(service, state, 'state'), true)
      store.clear()
      inFlight.clear()
      faults.clear()
      calls = 0
      if (state) store.seed(state, clock.now())
    },
    snapshot: () => {
      settle()
      return store.snapshot()
    },
    instance: (id) => {
      settle()
      const found = store.instances.get(id)
      return found ? { ...found } : undefined
    },
    history: (id) => {
      settle()
      return store.history.entries(id)
    },
    historyStats: () => ({
      entries: store.history.size,
      maxEntries: store.history.maxEntries,
      dropped: store.history.dropped,
    }),
    advance: (id) => {
      if (id !== undefined) complete(id)
      else for (const key of [...inFlight.keys()]) complete(key)
    },
    checkState: (state, check = {}) => {
      const checked = checkSeedState(service, state, 'state')
      store.checkRoom(checked, check.reset === true)
      return checked
    },
    limits,
    faults,
    progression,
  }
  if (options.state) mock.seed(options.state)
  return mock
}

/** At most this many issues are spelled out in an error message; the rest are counted. */
export const MAX_REPORTED_ISSUES = 5

/** A validation failure as one message: the first few issues, then how many more (a body can break thousands of rules). */
function issueReport(issues: readonly { message: string }[]): string {
  const shown = issues
    .slice(0, MAX_REPORTED_ISSUES)
    .map((i) => (i.message.length > 300 ? `${i.message.slice(0, 297)}...` : i.message))
  const more = issues.length - shown.length
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more issue${more === 1 ? '' : 's'}` : ''}`
}

/** The HTTP status of an error code: from the spec's tables, 400 for anything they do not list. */
function statusTable(service: MockService): (code: string) => number {
  const table = new Map<string, number>(Object.entries(service.protocolErrors))
  for (const op of Object.values(service.operations))
    for (const [code, status] of Object.entries(op.errors)) table.set(code, status)
  return (code) => table.get(code) ?? 400
}

/** Method, path, size and content type: what is wrong before any action is looked at. */
export function checkProtocol(
  service: { readonly path: string },
  request: WireRequest,
):
  | {
      role: Extract<MockCodeRole, 'methodNotAllowed' | 'serviceUnknown' | 'bodyTooLarge' | 'contentTypeUnsupported'>
      message: string
      headers?: Record<string, string>
    }
  | undefined {
  if (request.method !== 'POST') {
    return {
      role: 'methodNotAllowed',
      message: `Every action is a POST; got ${request.method.slice(0, 16)}.`,
      headers: { allow: 'POST' },
    }
  }
  const query = request.path.indexOf('?')
  const path = query === -1 ? request.path : request.path.slice(0, query)
  if (path !== service.path) return { role: 'serviceUnknown', message: `No service at ${path.slice(0, 100)}.` }
  if (request.body.length > MAX_BODY_BYTES) {
    return { role: 'bodyTooLarge', message: `The body is over ${MAX_BODY_BYTES} bytes.` }
  }
  const type = request.headers['content-type'] ?? ''
  if (type !== 'application/json' && !JSON_TYPE.test(type)) {
    return {
      role: 'contentTypeUnsupported',
      message: `Content-Type must be application/json, got ${type.slice(0, 64) || 'none'}.`,
    }
  }
  return undefined
}

function nameHash(name: string): number {
  let h = 2166136261
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619)
  return h >>> 0
}
