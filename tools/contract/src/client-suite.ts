// Client packages: each request case produces exactly that wire request; each
// response case gives that result or typed error; and the client's requests
// pass the mock (valid validation cases are not refused by it).
import type { MockOptions, ServiceMock } from '@zenlayer-reset/mock-engine'
import { describe, expect, it } from 'vitest'
import { genericValidationCodes, loadCases, methodName } from './cases.js'

type Client = Record<string, (input: unknown) => Promise<Record<string, unknown>>>
type CreateClient = (config: Record<string, unknown>) => Client

const REQUEST_ID = 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9'

/** The client method of an action; a missing one is a contract failure, not a crash. */
function callAction(client: Client, action: string, input: unknown): Promise<unknown> {
  const method = client[methodName(action)]
  if (typeof method !== 'function')
    return Promise.reject(new Error(`the client has no method ${methodName(action)} for ${action}`))
  return method(input)
}

export function clientSuite(options: {
  service: string
  casesDir: string
  /** The bundled spec: its generic validation codes (x-zc-role). */
  bundled: unknown
  createClient: CreateClient
  createMock: (options: MockOptions) => ServiceMock
}): void {
  const { requests, responses, validation, fleets } = loadCases(options.casesDir, options.service)

  describe(`contract: ${options.service} client, request cases`, () => {
    it.each(requests)('$action $id', async (c) => {
      const sent: { method: string; url: string; headers: Record<string, string>; body: string }[] = []
      const fetch = async (input: Request | string | URL, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(input, init)
        sent.push({
          method: request.method,
          url: request.url.replace(/#.*$/, ''),
          headers: Object.fromEntries([...request.headers.entries()]),
          body: await request.text(),
        })
        return new Response(JSON.stringify({ requestId: REQUEST_ID, response: { requestId: REQUEST_ID } }), {
          headers: { 'content-type': 'application/json' },
        })
      }
      const client = options.createClient({
        baseUrl: c.config.baseUrl,
        credentials: c.config.credentials,
        now: () => c.config.now,
        fetch,
        retry: false,
      })
      await callAction(client, c.action, c.input)
      expect(sent).toEqual([c.expect])
    })
  })

  describe(`contract: ${options.service} client, response cases`, () => {
    it.each(responses)('$action $id', async (c) => {
      let requests = 0
      // Every attempt gets the same reply, as it is: a 3xx is returned, not followed.
      const fetch = async () => {
        requests += 1
        return new Response(c.reply.body === '' ? null : c.reply.body, {
          status: c.reply.status,
          headers: c.reply.headers ?? {},
        })
      }
      const client = options.createClient(
        c.retry === true
          ? // The default retry policy, without waiting: no sleep, a fixed jitter.
            { credentials: { token: 'contract' }, fetch, sleep: async () => {}, random: () => 0.5 }
          : { credentials: { token: 'contract' }, fetch, retry: false },
      )
      const call = callAction(client, c.action, c.input)
      if ('result' in c.expect) {
        expect(await call).toEqual(c.expect.result)
        if (c.expect.requests !== undefined) expect(requests, 'fetch calls').toBe(c.expect.requests)
        return
      }
      const error = await call.then(
        (result: unknown) => ({ resolved: result }),
        (e: unknown) => e,
      )
      if (!(error instanceof Error)) expect.fail(`the call should fail; it gave ${JSON.stringify(error)}`)
      // Every field the case names, and the fetch count, compared at once: a failure shows them all.
      const { name, ...fields } = c.expect.error
      const seen = error as unknown as Record<string, unknown>
      expect({
        name: error.name,
        ...Object.fromEntries(Object.keys(fields).map((key) => [key, seen[key]])),
        ...(c.expect.requests === undefined ? {} : { requests }),
      }).toEqual({ name, ...fields, ...(c.expect.requests === undefined ? {} : { requests: c.expect.requests }) })
    })
  })

  describe(`contract: ${options.service} client requests pass the mock`, () => {
    const codes = new Set([
      ...genericValidationCodes(options.bundled),
      ...validation.flatMap((c) => (c.code ? [c.code] : [])),
    ])
    it.each(validation.filter((c) => c.valid))('$action $id', async (c) => {
      const mock = options.createMock({})
      const client = options.createClient({
        credentials: { accessKeyId: 'mock-access-key', accessKeySecret: 'mock-access-secret' },
        fetch: mock.fetch,
        retry: false,
      })
      const outcome = await callAction(client, c.action, c.input).then(
        () => undefined,
        (e: unknown) => e as { code?: string; status?: number },
      )
      if (outcome !== undefined) {
        expect(codes.has(String(outcome.code)), `the mock refused the client's request: ${String(outcome.code)}`).toBe(
          false,
        )
        expect(outcome.status).not.toBe(401)
      }
    })
  })

  // Only services whose spec names a fleet method have fleet cases (an empty suite is a failure).
  describe.runIf(fleets.length > 0)(`contract: ${options.service} client, fleet cases against the mock`, () => {
    it.each(fleets)('$action $id', async (c) => {
      const mock = options.createMock({
        progression: c.progression ?? 'immediate',
        state: c.state as MockOptions['state'] & object,
      })
      if (c.faults?.failNextReset) mock.faults.failNextReset(...c.faults.failNextReset)
      if (c.faults?.rateLimitEvery) mock.faults.rateLimit(c.faults.rateLimitEvery)
      // Every reset the mock answered 200, by id: an id accepted once is never sent again.
      const accepted = new Map<string, number>()
      let limited = 0
      const fetch = async (input: Request | string | URL, init?: RequestInit) => {
        const response = await mock.fetch(input as string, init)
        if (new Headers(init?.headers).get('x-zc-action') === c.action) {
          if (response.status === 429) limited++
          if (response.status === 200) {
            const body = JSON.parse(String(init?.body)) as Record<string, unknown>
            const named = Object.values(body).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : []))
            for (const id of c.input.instanceIds) if (named.includes(id)) accepted.set(id, (accepted.get(id) ?? 0) + 1)
          }
        }
        return response
      }
      let now = 1_000_000
      const client = options.createClient({
        credentials: { token: 'mock-token' },
        fetch,
        clock: () => now,
        sleep: async (ms: number) => {
          now += ms
        },
      })
      const fleetMethod = mock.service.operations[c.action]?.transition?.fleet
      const run = fleetMethod ? client[fleetMethod] : undefined
      if (typeof run !== 'function') throw new Error(`the client has no fleet method for ${c.action}`)
      const result = (await (run as (i: unknown, o: unknown) => Promise<unknown>)(c.input, c.options)) as {
        totals: Record<string, number>
        outcomes: Record<string, unknown>
      }
      expect(Object.fromEntries(Object.entries(result.totals).filter(([, n]) => n > 0))).toEqual(c.expect.totals)
      for (const [id, outcome] of Object.entries(c.expect.outcomes ?? {}))
        expect(result.outcomes[id]).toMatchObject(outcome)
      expect(Math.max(0, ...accepted.values())).toBeLessThanOrEqual(1)
      if (c.expect.rateLimited !== undefined) expect(limited > 0).toBe(c.expect.rateLimited)
    })
  })
}
