// Issue 14: the admin surface is not open to any web page or any network.
// Cross-site POSTs (text/plain, a foreign Origin), a foreign Host (DNS
// rebinding) and, beyond loopback, a missing token are refused; fault values
// are refused rather than mangled, and a refused request changes nothing.
import { type RunningServer, serve } from '@zenlayer-reset/mock-engine/node'
import { afterEach, describe, expect, it } from 'vitest'
import { createHub } from '../src/start.js'

const open: RunningServer[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function start(options: Parameters<typeof serve>[1] = {}) {
  const hub = createHub({ state: { zec: { instances: [{ instanceId: 'a' }] } } })
  const running = await serve(hub, { port: 0, ...options })
  open.push(running)
  return { hub, running, port: new URL(running.url).port }
}

async function call(url: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const response = await fetch(url, init)
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

const jsonPost = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
})

describe('cross-site requests', () => {
  it('a text/plain POST (no CORS preflight) is refused 415 and changes nothing', async () => {
    const { hub, running } = await start()
    const reply = await call(`${running.url}/__admin/faults`, {
      method: 'POST',
      body: JSON.stringify({ edgeChallenges: 1e308 }),
      headers: { 'content-type': 'text/plain' },
    })
    expect(reply).toEqual({
      status: 415,
      body: { code: 'ADMIN_CONTENT_TYPE', message: 'admin requests carry Content-Type: application/json' },
    })
    expect(hub.mocks.zec?.faults.current().edgeChallenges).toBe(0)
  })

  it.each(['http://evil.example', 'null', 'http://127.0.0.1:1'])('Origin %s is refused 403', async (origin) => {
    const { hub, running } = await start()
    const reply = await call(`${running.url}/__admin/reset`, jsonPost({}, { origin }))
    expect(reply.status).toBe(403)
    expect(reply.body.code).toBe('ADMIN_ORIGIN_REFUSED')
    expect(hub.mocks.zec?.snapshot().instances).toHaveLength(1)
  })

  it("the server's own origin is accepted", async () => {
    const { running } = await start()
    expect((await call(`${running.url}/__admin/advance`, jsonPost({}, { origin: running.url }))).status).toBe(200)
  })

  it('a foreign Host (DNS rebinding) cannot read the state', async () => {
    const { running, port } = await start()
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/__admin/state', headers: { host: `rebind.evil.example:${port}` } },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
    expect((await call(`${running.url}/__admin/state`)).status).toBe(200)
  })
})

describe('beyond loopback', () => {
  it('serve refuses to start the admin surface without a token', async () => {
    const hub = createHub()
    await expect(serve(hub, { port: 0, host: '0.0.0.0' })).rejects.toThrow(/beyond loopback, needs an admin token/)
  })

  it('with a token: required on every admin route, compared in constant time, any Host', async () => {
    const { hub, port } = await start({ host: '0.0.0.0', adminToken: 'adm-secret-123' })
    const url = `http://127.0.0.1:${port}/__admin/state`
    expect(await call(url)).toMatchObject({ status: 401, body: { code: 'ADMIN_TOKEN_REQUIRED' } })
    expect((await call(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
    expect((await call(url, { headers: { authorization: 'Bearer adm-secret-123' } })).status).toBe(200)
    const seeded = await call(
      `http://127.0.0.1:${port}/__admin/seed`,
      jsonPost(
        { service: 'vm', state: { instances: [{ instanceId: 'v' }] } },
        { authorization: 'Bearer adm-secret-123' },
      ),
    )
    expect(seeded.status).toBe(200)
    expect(hub.mocks.vm?.snapshot().instances.map((i) => i.instanceId)).toEqual(['v'])
  })
})

describe('fault settings and admin bodies are refused, not mangled', () => {
  it.each([
    [{ rateLimitEvery: 0.5 }, /rateLimitEvery must be a whole number from 0 to 1000000 \(got 0\.5\)/],
    [{ latencyMs: 2 ** 31 }, /latencyMs must be a whole number from 0 to 600000/],
    [{ edgeChallenges: 1e308 }, /edgeChallenges must be a whole number/],
    [{ latencyMs: '10' }, /latencyMs must be a whole number/],
    [{ failNextReset: [5] }, /failNextReset takes instance ids/],
    [{ failNextReset: 'a' }, /failNextReset must be a list/],
    [{ clear: 'yes' }, /clear must be true or false/],
    [{ rateLimt: 2 }, /unknown field rateLimt; POST faults takes service, clear, failNextReset/],
  ])('%j', async (body, message) => {
    const { hub, running } = await start()
    const reply = await call(`${running.url}/__admin/faults`, jsonPost({ failNextReset: ['a'], ...body }))
    expect(reply.status).toBe(400)
    expect(reply.body.code).toBe('ADMIN_REQUEST_INVALID')
    expect(String(reply.body.message)).toMatch(message)
    // Nothing of the refused request was applied, not even its valid part.
    expect(hub.mocks.zec?.faults.current().failNextReset).toEqual([])
  })

  it('advance with an instanceId that is not a string is refused instead of advancing everything', async () => {
    const { running } = await start()
    const reply = await call(`${running.url}/__admin/advance`, jsonPost({ instanceId: 5 }))
    expect(reply).toEqual({
      status: 400,
      body: { code: 'ADMIN_REQUEST_INVALID', message: 'instanceId must be a non-empty string' },
    })
  })

  it('50,000 unknown keys give a short message', async () => {
    const { running } = await start()
    const body = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 1]))
    const reply = await call(`${running.url}/__admin/reset`, jsonPost(body))
    expect(reply.status).toBe(400)
    expect(String(reply.body.message).length).toBeLessThan(300)
    expect(String(reply.body.message)).toMatch(/unknown fields k0, k1, k2, k3, k4 and 49995 more/)
  })

  it('an API request with 100,000 unknown keys gets a short error report', async () => {
    const { running } = await start({})
    const body = `{${Array.from({ length: 100_000 }, (_, i) => `"${i.toString(36)}":0`).join(',')}}`
    const response = await fetch(`${running.url}/api/v2/zec`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-zc-action': 'DescribeInstancesStatus',
        'x-zc-version': '2025-09-01',
        authorization: 'Bearer mock-token',
      },
    })
    const text = await response.text()
    expect(response.status).toBe(400)
    expect(text.length).toBeLessThan(4_096)
  })
})

describe('admin seeds are checked whole and applied all at once', () => {
  it.each([
    [
      { service: 'zec', state: { instances: [{ instanceId: 'ok' }, { instanceId: 'b', status: 'BANANA' }] } },
      /POST seed state\.instances\[1\]\.status must be one of DEPLOYING/,
    ],
    [{ service: 'zec', state: { instances: 5 } }, /POST seed state\.instances must be a list \(got 5\)/],
    [{ service: 'zec', state: [] }, /POST seed state must be an object/],
  ])('seed %j', async (body, message) => {
    const { hub, running } = await start()
    const reply = await call(`${running.url}/__admin/seed`, jsonPost(body))
    expect(reply.status).toBe(400)
    expect(String(reply.body.message)).toMatch(message)
    expect(hub.mocks.zec?.snapshot().instances.map((i) => i.instanceId)).toEqual(['a'])
  })

  it('a reset with a bad state wipes nothing', async () => {
    const { hub, running } = await start()
    const reply = await call(
      `${running.url}/__admin/reset`,
      jsonPost({ state: { instances: [{ instanceId: 'x', osType: 'beos' }] } }),
    )
    expect(reply.status).toBe(400)
    expect(String(reply.body.message)).toMatch(
      /POST reset state\.instances\[0\]\.osType must be one of linux, windows \(got "beos"\)/,
    )
    expect(hub.mocks.zec?.snapshot().instances.map((i) => i.instanceId)).toEqual(['a'])
  })

  it('a 50,000-deep value is refused by name, and DescribeInstancesStatus still answers 200', async () => {
    const { running } = await start()
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`
    const reply = await fetch(`${running.url}/__admin/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"service":"zec","state":{"instances":[{"instanceId":"d","zoneId":${deep}}]}}`,
    })
    expect(reply.status).toBe(400)
    const describe = await fetch(`${running.url}/api/v2/zec`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zc-action': 'DescribeInstancesStatus',
        'x-zc-version': '2025-09-01',
        authorization: 'Bearer mock-token',
      },
      body: '{}',
    })
    expect(describe.status).toBe(200)
  })

  it('the state shows how full the bounded history is', async () => {
    const hub = createHub({
      maxHistoryEntries: 8,
      state: { zec: { instances: Array.from({ length: 20 }, (_, i) => ({ instanceId: `i${i}` })) } },
    })
    const running = await serve(hub, { port: 0 })
    open.push(running)
    const state = (await call(`${running.url}/__admin/state?service=zec`)).body.zec as {
      history: Record<string, number>
    }
    expect(state.history).toMatchObject({ maxEntries: 8, dropped: expect.any(Number) })
    expect(state.history.dropped).toBeGreaterThan(0)
    expect(state.history.entries).toBeLessThanOrEqual(8)
  })
})
