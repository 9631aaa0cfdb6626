import { sign } from '@zenlayer-reset/client-runtime'
import { createMockHub, manualClock } from '@zenlayer-reset/mock-engine'
import { type RunningServer, serve } from '@zenlayer-reset/mock-engine/node'
import { createVmMock } from '@zenlayer-reset/vm-mock'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// 10,000 random and mutated requests per service over real HTTP: headers,
// bodies and signatures. Never a 5xx, never a crash (the server still answers
// afterwards), and every answer of the API is its JSON envelope.
const PER_SERVICE = 10_000
const CONCURRENCY = 16
const clock = manualClock()
const now = () => Math.floor(clock.now() / 1000)
let running: RunningServer
let host: string

beforeAll(async () => {
  const state = {
    instances: [{ instanceId: 'inst-a' }, { instanceId: 'inst-b', status: 'RUNNING' }],
    keyPairs: ['key-1'],
  }
  running = await serve(createMockHub([createZecMock({ clock, state }), createVmMock({ clock, state })]), { port: 0 })
  host = new URL(running.url).host
})
afterAll(() => running.close())

const VALID: Record<string, { action: string; version: string; bodies: Record<string, unknown>[] }[]> = {
  zec: [
    {
      action: 'ResetInstances',
      version: '2025-09-01',
      bodies: [{ instanceIds: ['inst-a'] }, { instanceIds: ['inst-a', 'x'], password: 'Example+123' }],
    },
    { action: 'DescribeInstancesStatus', version: '2025-09-01', bodies: [{}, { pageSize: 5, pageNum: 2 }] },
  ],
  vm: [
    {
      action: 'ResetInstance',
      version: '2026-04-01',
      bodies: [{ instanceId: 'inst-a' }, { instanceId: 'inst-b', keyId: 'key-1' }],
    },
    { action: 'DescribeInstancesStatus', version: '2026-04-01', bodies: [{ instanceIds: ['inst-a'] }] },
  ],
}

interface Fuzzed {
  method: string
  path: string
  headers: Record<string, string>
  body: Uint8Array
}

const text = (s: string) => new TextEncoder().encode(s)

function requests(service: string): fc.Arbitrary<Fuzzed> {
  const op = fc.constantFrom(...(VALID[service] ?? []))
  const jsonBody = fc.oneof(
    { weight: 6, arbitrary: op.chain((o) => fc.constantFrom(...o.bodies)).map((b) => JSON.stringify(b)) },
    {
      weight: 2,
      arbitrary: op
        .chain((o) => fc.constantFrom(...o.bodies))
        .chain((b) =>
          fc
            .tuple(fc.constantFrom(...Object.keys(b).concat('extra')), fc.jsonValue())
            .map(([k, v]) => JSON.stringify({ ...b, [k]: v })),
        ),
    },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  )
  const body = fc.oneof(
    { weight: 8, arbitrary: jsonBody.map(text) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.constant(new Uint8Array()) },
  )
  const auth = fc.constantFrom(
    'signed',
    'signed-then-mutated',
    'stale',
    'garbage',
    'none',
    'bearer',
    'bad-bearer',
    'unknown-key',
  )
  return fc
    .record({
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant('POST') },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH') },
      ),
      path: fc.oneof(
        { weight: 9, arbitrary: fc.constant(`/api/v2/${service}`) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('/', '/api/v2', `/api/v2/${service}/x`, '/api/v2/box', `/api/v2/${service}?a=1`),
        },
      ),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        {
          weight: 2,
          arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', '', 'application/xml'),
        },
      ),
      op,
      action: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        {
          weight: 2,
          // Also names a plain object answers to by inheritance.
          arbitrary: fc.constantFrom(
            '',
            'resetInstance',
            'DeleteEverything',
            'ResetInstances',
            'constructor',
            '__proto__',
          ),
        },
      ),
      version: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constantFrom('', '2020-01-01', '2025-09-01', '2026-04-01') },
      ),
      body,
      auth,
      unknownKey: fc.constantFrom('nobody', 'constructor', '__proto__', 'toString', 'hasOwnProperty'),
      extraHeader: fc.option(
        fc.tuple(
          fc.stringMatching(/^x-[a-z]{1,10}$/),
          fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
        ),
      ),
    })
    .map((r) => {
      const headers: Record<string, string> = {}
      if (r.contentType) headers['content-type'] = r.contentType
      headers['x-zc-action'] = r.action ?? r.op.action
      headers['x-zc-version'] = r.version ?? r.op.version
      if (r.extraHeader) headers[r.extraHeader[0]] = r.extraHeader[1]
      const secret = r.auth === 'unknown-key' ? 'x' : 'mock-access-secret'
      const keyId = r.auth === 'unknown-key' ? r.unknownKey : 'mock-access-key'
      if (r.auth.startsWith('signed') || r.auth === 'stale' || r.auth === 'unknown-key') {
        const timestamp = r.auth === 'stale' ? now() - 3600 : now()
        const signed = sign({
          accessKeyId: keyId,
          accessKeySecret: secret,
          contentType: r.contentType,
          host,
          body: r.body,
          timestamp,
        })
        headers['x-zc-timestamp'] = String(timestamp)
        headers['x-zc-signature-method'] = 'ZC2-HMAC-SHA256'
        headers.authorization = signed.authorization
        if (r.auth === 'signed-then-mutated')
          headers.authorization = signed.authorization.replace(/.$/, (c) => (c === '0' ? '1' : '0'))
      } else if (r.auth === 'garbage') headers.authorization = 'ZC2-HMAC-SHA256 nonsense'
      else if (r.auth === 'bearer') headers.authorization = 'Bearer mock-token'
      else if (r.auth === 'bad-bearer') headers.authorization = 'Bearer nope'
      return { method: r.method, path: r.path, headers, body: r.body }
    })
}

async function send(request: Fuzzed): Promise<{ status: number; text: string; contentType: string }> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  const response = await fetch(`${running.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(hasBody ? { body: request.body } : {}),
  })
  return {
    status: response.status,
    text: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
  }
}

describe.each(['zec', 'vm'])('%s under fuzzing', (service) => {
  it(`answers ${PER_SERVICE} random and mutated requests without a 5xx, always in the envelope`, async () => {
    const samples = fc.sample(requests(service), { numRuns: PER_SERVICE, seed: service === 'zec' ? 11 : 12 })
    const statuses = new Map<number, number>()
    let next = 0
    const problems: string[] = []
    const worker = async () => {
      while (next < samples.length) {
        const request = samples[next++] as Fuzzed
        const reply = await send(request)
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1)
        if (reply.status >= 500)
          problems.push(`${reply.status} for ${request.method} ${request.path} ${JSON.stringify(request.headers)}`)
        let body: Record<string, unknown> | undefined
        try {
          body = JSON.parse(reply.text)
        } catch {
          problems.push(`not JSON (${reply.status}): ${reply.text.slice(0, 80)}`)
          continue
        }
        const ok =
          reply.status === 200
            ? typeof body?.requestId === 'string' && typeof body?.response === 'object'
            : typeof body?.requestId === 'string' && typeof body?.code === 'string' && typeof body?.message === 'string'
        if (!ok || !reply.contentType.startsWith('application/json'))
          problems.push(`not the envelope (${reply.status}): ${reply.text.slice(0, 80)}`)
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    expect(problems.slice(0, 5)).toEqual([])
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(PER_SERVICE)
    // The mix reached the action, not only the early refusals.
    expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(PER_SERVICE / 100)
    expect(statuses.get(401) ?? 0).toBeGreaterThan(PER_SERVICE / 100)
    console.log(
      `${service}: ${PER_SERVICE} requests by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    )
    // Still serving.
    expect(
      (
        await send({
          method: 'POST',
          path: `/api/v2/${service}`,
          headers: { 'content-type': 'application/json' },
          body: text('{}'),
        })
      ).status,
    ).toBe(400)
  }, 120_000)
})
