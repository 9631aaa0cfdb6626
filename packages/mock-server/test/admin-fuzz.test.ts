// Issue 14: the admin surface, state files and fault settings under fuzzing.
// Random routes, methods, headers and JSON bodies (seeds with random field
// values, fault settings of every type): never a 5xx, every answer a JSON
// object with a code when refused, and the server still answers after.
import { checkHubState, StateError } from '@zenlayer-reset/mock-engine'
import { type RunningServer, serve } from '@zenlayer-reset/mock-engine/node'
import { service as vmService } from '@zenlayer-reset/vm-mock'
import { service as zecService } from '@zenlayer-reset/zec-mock'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHub } from '../src/start.js'

const RUNS = 1_500
let running: RunningServer

beforeAll(async () => {
  running = await serve(createHub({ state: { zec: { instances: [{ instanceId: 'a' }] } } }), { port: 0 })
})
afterAll(() => running.close())

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(1e308, -1, 0.5, 2 ** 31, Number.MAX_SAFE_INTEGER, '', 'BANANA', 'beos', 'big', null, [], {}),
)
const instance = fc.dictionary(
  fc.constantFrom(
    'instanceId',
    'status',
    'osType',
    'imageId',
    'bootDiskGb',
    'zoneId',
    'zoneSupportsScript',
    'recycled',
    'extra',
  ),
  anyValue,
  { maxKeys: 5 },
)
const state = fc.oneof(
  anyValue,
  fc.record(
    { instances: fc.oneof(anyValue, fc.array(instance, { maxLength: 4 })), images: anyValue, keyPairs: anyValue },
    { requiredKeys: [] },
  ),
)
const body = fc.oneof(
  fc.record({ service: fc.constantFrom('zec', 'vm', 'bmc', 'constructor', 5), state }, { requiredKeys: [] }),
  fc.record(
    {
      service: fc.constantFrom('zec', 'vm'),
      clear: anyValue,
      failNextReset: anyValue,
      rateLimitEvery: anyValue,
      latencyMs: anyValue,
      edgeChallenges: anyValue,
      instanceId: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
)
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  route: fc.constantFrom(
    'state',
    'history',
    'seed',
    'reset',
    'advance',
    'faults',
    'nope',
    'state?service=zec',
    'history?service=vm&instanceId=a',
  ),
  type: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', ''),
  origin: fc.constantFrom(undefined, undefined, undefined, undefined, 'http://evil.example'),
  body,
})

describe('admin surface under fuzzing', () => {
  it(`answers ${RUNS} random admin requests without a 5xx, in JSON, and keeps answering`, async () => {
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {}
        if (r.type) headers['content-type'] = r.type
        if (r.origin) headers.origin = r.origin
        const response = await fetch(`${running.url}/__admin/${r.route}`, {
          method: r.method,
          headers,
          ...(r.method === 'GET' ? {} : { body: JSON.stringify(r.body) ?? '' }),
        })
        const text = await response.text()
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        expect(response.status).toBeLessThan(500)
        const parsed = JSON.parse(text) as Record<string, unknown>
        expect(typeof parsed).toBe('object')
        if (response.status >= 400) expect(parsed.code).toEqual(expect.stringMatching(/^ADMIN_/))
      }),
      { numRuns: RUNS, seed: 14 },
    )
    console.log(`admin fuzz: ${RUNS} requests by status: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`)
    expect((await fetch(`${running.url}/__admin/state`)).status).toBe(200)
    expect(statuses.get(200)).toBeGreaterThan(0)
  }, 120_000)

  it('state files: any JSON is either accepted whole or refused with a StateError naming the field', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ zec: state, vm: state }, { requiredKeys: [] }), anyValue), (value) => {
        try {
          const checked = checkHubState([zecService, vmService], value, 'state.json')
          // Accepted: a hub seeded with it answers.
          createHub({ state: checked })
        } catch (error) {
          expect(error).toBeInstanceOf(StateError)
          expect((error as Error).message).toMatch(/^state\.json/)
        }
      }),
      { numRuns: 3_000, seed: 14 },
    )
  })
})
