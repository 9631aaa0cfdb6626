import { sign } from '@zenlayer-reset/client-runtime'
import { manualClock } from '@zenlayer-reset/mock-engine'
import { type RunningServer, serve } from '@zenlayer-reset/mock-engine/node'
import { service as vmService } from '@zenlayer-reset/vm-mock'
import * as vmValidator from '@zenlayer-reset/vm-validator'
import { service as zecService } from '@zenlayer-reset/zec-mock'
import * as zecValidator from '@zenlayer-reset/zec-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHub } from '../src/start.js'
import { KEY, WORLD } from './transports.js'

// Each service's table of documented error codes and their statuses, from its spec.
const SERVICES: Record<string, { operations: Record<string, { errors: Record<string, number> }> }> = {
  zec: zecService,
  vm: vmService,
}

// What the mock answers on the wire, request by request, over real HTTP.
const clock = manualClock(Date.UTC(2026, 0, 1))
const NOW = Math.floor(clock.now() / 1000)
let running: RunningServer
let host: string

beforeAll(async () => {
  running = await serve(createHub({ clock, state: WORLD, progression: 'manual' }), { port: 0 })
  host = new URL(running.url).host
})
afterAll(() => running.close())

interface Sent {
  method?: string
  path?: string
  action?: string | null
  version?: string | null
  contentType?: string
  body?: string | Uint8Array
  auth?: 'sign' | 'none' | { bearer: string } | { key: string; secret: string; timestamp?: number; signedBody?: string }
}

async function send(
  s: Sent,
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> | undefined; text: string }> {
  const body = s.body ?? '{}'
  const contentType = s.contentType ?? 'application/json'
  const headers: Record<string, string> = { 'content-type': contentType }
  if (s.action !== null) headers['x-zc-action'] = s.action ?? 'DescribeInstancesStatus'
  const action = headers['x-zc-action'] ?? ''
  const service = (s.path ?? '/api/v2/zec').includes('/vm') ? 'vm' : 'zec'
  if (s.version !== null) headers['x-zc-version'] = s.version ?? (service === 'vm' ? '2026-04-01' : '2025-09-01')
  const auth = s.auth ?? 'sign'
  if (auth !== 'none') {
    if (typeof auth === 'object' && 'bearer' in auth) headers.authorization = `Bearer ${auth.bearer}`
    else {
      const k = auth === 'sign' ? { key: KEY.accessKeyId, secret: KEY.accessKeySecret } : auth
      const timestamp = (typeof auth === 'object' && auth.timestamp) || NOW
      const signedBody = (typeof auth === 'object' && auth.signedBody) || body
      const sig = sign({
        accessKeyId: k.key,
        accessKeySecret: k.secret,
        contentType,
        host,
        body: signedBody,
        timestamp,
      })
      Object.assign(headers, {
        authorization: sig.authorization,
        'x-zc-timestamp': String(timestamp),
        'x-zc-signature-method': 'ZC2-HMAC-SHA256',
      })
    }
  }
  const response = await fetch(`${running.url}${s.path ?? '/api/v2/zec'}`, {
    method: s.method ?? 'POST',
    headers,
    ...(s.method === 'GET' ? {} : { body }),
  })
  const text = await response.text()
  let json: Record<string, unknown> | undefined
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  // Every answer of the API is in its envelope and passes the generated schema of the action.
  const tables = { zec: zecValidator.validators, vm: vmValidator.validators }
  if (response.status === 200) {
    const actions = tables[service as keyof typeof tables]?.actions as
      | Record<string, { response: (v: unknown) => { ok: boolean } }>
      | undefined
    const check = actions?.[action]?.response
    expect(check?.(json), `reply of ${action} passes its schema`).toMatchObject({ ok: true })
  } else if (response.headers.get('content-type')?.includes('json')) {
    expect(json).toEqual({
      requestId: expect.stringMatching(/^T[0-9A-F-]{36}$/),
      code: expect.any(String),
      message: expect.any(String),
    })
    // The code is one the spec documents for the action, at that status (error bodies are read openly, so the
    // validator's error schema would accept any code: the spec's own table is the check).
    const documented = SERVICES[service as keyof typeof SERVICES]?.operations[action]?.errors
    if (documented && response.status !== 404 && response.status !== 405) {
      expect(documented[String(json?.code)], `${String(json?.code)} is a documented code of ${action}`).toBe(
        response.status,
      )
    }
  }
  return { status: response.status, headers: response.headers, json, text }
}

describe('authentication', () => {
  it.each([
    { name: 'a signed request', sent: {}, status: 200 },
    {
      name: 'a body with spaces and a charset, signed as sent (the Python and Java SDKs)',
      sent: { body: '{"instanceIds": ["z-1"], "pageSize": 10}', contentType: 'application/json; charset=utf-8' },
      status: 200,
    },
    { name: 'no credentials', sent: { auth: 'none' as const }, status: 401, code: 'AUTH_FAILURE_CREDENTIALS_MISSING' },
    {
      name: 'a signature over a re-serialised body',
      sent: {
        body: '{"pageSize": 10}',
        auth: { key: KEY.accessKeyId, secret: KEY.accessKeySecret, signedBody: '{"pageSize":10}' },
      },
      status: 401,
      code: 'AUTH_FAILURE_SIGNATURE_MISMATCH',
    },
    {
      name: 'a wrong secret',
      sent: { auth: { key: KEY.accessKeyId, secret: 'wrong' } },
      status: 401,
      code: 'AUTH_FAILURE_SIGNATURE_MISMATCH',
    },
    {
      name: 'an unknown access key',
      sent: { auth: { key: 'nobody', secret: 'x' } },
      status: 401,
      code: 'AUTH_FAILURE_ACCESS_KEY_NOT_FOUND',
    },
    // Names an object literal answers to by inheritance: a lookup of them must find no key, not crash into a 500.
    ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((key) => ({
      name: `an access key named ${key}`,
      sent: { auth: { key, secret: 'x' } },
      status: 401,
      code: 'AUTH_FAILURE_ACCESS_KEY_NOT_FOUND',
    })),
    {
      name: 'a timestamp 300 s old',
      sent: { auth: { ...{ key: KEY.accessKeyId, secret: KEY.accessKeySecret }, timestamp: NOW - 300 } },
      status: 200,
    },
    {
      name: 'a timestamp 301 s old',
      sent: { auth: { key: KEY.accessKeyId, secret: KEY.accessKeySecret, timestamp: NOW - 301 } },
      status: 401,
      code: 'AUTH_FAILURE_TIMESTAMP_EXPIRED',
    },
    {
      name: 'a timestamp 301 s ahead',
      sent: { auth: { key: KEY.accessKeyId, secret: KEY.accessKeySecret, timestamp: NOW + 301 } },
      status: 401,
      code: 'AUTH_FAILURE_TIMESTAMP_EXPIRED',
    },
    { name: 'the default bearer token', sent: { auth: { bearer: 'mock-token' } }, status: 200 },
    {
      name: 'a wrong bearer token',
      sent: { auth: { bearer: 'nope' } },
      status: 401,
      code: 'AUTH_FAILURE_TOKEN_INVALID',
    },
  ])('$name: $status', async ({ sent, status, code }) => {
    const reply = await send(sent)
    expect(reply.status).toBe(status)
    if (code) expect(reply.json?.code).toBe(code)
  })

  it('a malformed Authorization header: 401', async () => {
    const response = await fetch(`${running.url}/api/v2/zec`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zc-action': 'DescribeInstancesStatus',
        'x-zc-version': '2025-09-01',
        authorization: 'ZC2-HMAC-SHA256 garbage',
      },
      body: '{}',
    })
    expect(response.status).toBe(401)
    expect(((await response.json()) as { code: string }).code).toBe('AUTH_FAILURE_AUTHORIZATION_MALFORMED')
  })

  it('with auth off, anything goes in', async () => {
    const open = await serve(createHub({ clock, auth: false }), { port: 0 })
    const response = await fetch(`${open.url}/api/v2/vm`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zc-action': 'DescribeInstancesStatus',
        'x-zc-version': '2026-04-01',
      },
      body: '{}',
    })
    expect(response.status).toBe(200)
    await open.close()
  })
})

describe('protocol errors, each in the envelope with a 4xx', () => {
  it.each([
    { name: 'a GET', sent: { method: 'GET' }, status: 405, code: 'REQUEST_METHOD_NOT_ALLOWED' },
    { name: 'an unknown service', sent: { path: '/api/v2/box' }, status: 404, code: 'INVALID_SERVICE_NOT_FOUND' },
    {
      name: 'a path below the service',
      sent: { path: '/api/v2/zec/ResetInstances' },
      status: 404,
      code: 'INVALID_SERVICE_NOT_FOUND',
    },
    { name: 'a text body', sent: { contentType: 'text/plain' }, status: 415, code: 'REQUEST_CONTENT_TYPE_UNSUPPORTED' },
    { name: 'no X-ZC-Action', sent: { action: null }, status: 400, code: 'INVALID_PARAMETER_MISSING' },
    {
      name: "the vm page's lower-case resetInstance (Decision 1)",
      sent: { path: '/api/v2/vm', action: 'resetInstance' },
      status: 404,
      code: 'INVALID_ACTION_NOT_FOUND',
    },
    ...['__proto__', 'constructor', 'toString', 'valueOf'].map((action) => ({
      name: `an action named ${action}`,
      sent: { action },
      status: 404,
      code: 'INVALID_ACTION_NOT_FOUND',
    })),
    { name: 'no X-ZC-Version', sent: { version: null }, status: 400, code: 'INVALID_PARAMETER_MISSING' },
    { name: 'another version', sent: { version: '2020-01-01' }, status: 400, code: 'INVALID_API_VERSION_NOT_SUPPORT' },
    {
      name: 'a body that is not JSON',
      sent: { body: '{"instanceIds": [' },
      status: 400,
      code: 'INVALID_REQUEST_BODY_MALFORMED',
    },
    {
      name: 'a body that is not UTF-8',
      sent: { body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]) },
      status: 400,
      code: 'INVALID_REQUEST_BODY_MALFORMED',
    },
    { name: 'a JSON array', sent: { body: '[]' }, status: 400, code: 'INVALID_REQUEST_BODY_MALFORMED' },
    { name: 'an unknown field', sent: { body: '{"bogus":1}' }, status: 400, code: 'INVALID_PARAMETER_UNKNOWN' },
    {
      name: 'a body over 1 MiB',
      sent: { body: `{"pad":"${'x'.repeat(1024 * 1024)}"}` },
      status: 413,
      code: 'REQUEST_BODY_TOO_LARGE',
    },
  ])('$name: $status $code', async ({ sent, status, code }) => {
    const reply = await send(sent)
    expect(reply.status).toBe(status)
    expect(reply.json?.code).toBe(code)
  })
})

describe('concurrency', () => {
  it('of 25 simultaneous resets of one vm instance, exactly one is accepted', async () => {
    const open = await serve(createHub({ clock, state: WORLD, progression: 'manual' }), { port: 0 })
    const openHost = new URL(open.url).host
    const body = '{"instanceId":"v-1"}'
    const sig = sign({
      accessKeyId: KEY.accessKeyId,
      accessKeySecret: KEY.accessKeySecret,
      contentType: 'application/json',
      host: openHost,
      body,
      timestamp: NOW,
    })
    const statuses = await Promise.all(
      Array.from({ length: 25 }, () =>
        fetch(`${open.url}/api/v2/vm`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-zc-action': 'ResetInstance',
            'x-zc-version': '2026-04-01',
            'x-zc-timestamp': String(NOW),
            'x-zc-signature-method': 'ZC2-HMAC-SHA256',
            authorization: sig.authorization,
          },
          body,
        }).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 403)).toHaveLength(24)
    await open.close()
  })
})

describe('admin surface', () => {
  const admin = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${running.url}/__admin/${route}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    })
    return { status: response.status, json: (await response.json()) as Record<string, unknown> }
  }

  it('seeds, inspects, injects faults, advances and resets', async () => {
    expect(
      (await admin('POST', 'seed', { service: 'zec', state: { instances: [{ instanceId: 'adm-1' }] } })).status,
    ).toBe(200)
    const state = (await admin('GET', 'state?service=zec')).json.zec as { instances: { instanceId: string }[] }
    expect(state.instances.map((i) => i.instanceId)).toContain('adm-1')
    expect(
      (await admin('POST', 'faults', { service: 'zec', failNextReset: ['adm-1'], rateLimitEvery: 0 })).json,
    ).toMatchObject({ zec: { failNextReset: ['adm-1'] } })
    expect((await send({ action: 'ResetInstances', body: '{"instanceIds":["adm-1"]}' })).status).toBe(200)
    await admin('POST', 'advance', { service: 'zec' })
    const history = (await admin('GET', 'history?service=zec&instanceId=adm-1')).json.history as { status: string }[]
    expect(history.map((e) => e.status)).toEqual(['STOPPED', 'DEPLOYING', 'REINSTALL_FAILED'])
    await admin('POST', 'reset', { service: 'zec', state: WORLD.zec })
    expect(((await admin('GET', 'state?service=zec')).json.zec as { instances: unknown[] }).instances).toHaveLength(4)
  })

  it.each([
    ['POST', 'seed', { service: 'nope' }],
    ['POST', 'faults', { service: 'zec', latencyMs: -1 }],
    ['GET', 'history?service=zec', undefined],
    ['POST', 'teleport', {}],
    ['POST', 'seed', { service: 'constructor' }],
    ['GET', 'history?service=toString&instanceId=x', undefined],
  ])('refuses %s %s with a clear 4xx', async (method, route, body) => {
    const reply = await admin(method as string, route as string, body)
    expect([400, 404]).toContain(reply.status)
    expect(reply.json.message).toEqual(expect.any(String))
    // An unknown service is named as such, whatever the name (also one an object inherits).
    const service =
      (body as { service?: string } | undefined)?.service ?? new URLSearchParams(route.split('?')[1]).get('service')
    if (service && service !== 'zec' && service !== 'vm') expect(reply.json.message).toMatch(/^service must be one of/)
  })
})
