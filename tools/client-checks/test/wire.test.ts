import { createVmClient } from '@zenlayer-reset/vm-client'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { describe, expect, it } from 'vitest'
import { envelope, fakeServer } from './fake-server.js'

// The signing vectors D1-D3 (see packages/client-runtime/test/sign.test.ts), produced
// by the generated clients end to end: the exact bytes and headers a server sees.
const credentials = { accessKeyId: 'AKID-test', accessKeySecret: 'test-key-password' }
const at1700000000 = () => 1700000000

describe('signed requests on the wire', () => {
  const cases = [
    {
      id: 'D1',
      call: async (fetch: typeof globalThis.fetch) =>
        createZecClient({ credentials, fetch, now: at1700000000 }).resetInstances({
          instanceIds: ['inst-a', 'inst-b'],
          imageId: 'ubuntu2022',
          password: 'Example+123',
          enableAgent: true,
        }),
      url: 'https://console.zenlayer.com/api/v2/zec',
      action: 'ResetInstances',
      version: '2025-09-01',
      service: 'zec',
      body: '{"instanceIds":["inst-a","inst-b"],"imageId":"ubuntu2022","password":"Example+123","enableAgent":true}',
      signature: 'f3cec698239de133bc9ab324b2d7e8cc881cc62145f8950640877b6fb6b85120',
    },
    {
      id: 'D2',
      call: async (fetch: typeof globalThis.fetch) =>
        createVmClient({ credentials, fetch, now: at1700000000 }).resetInstance({
          instanceId: 'inst-vm-1',
          imageId: 'img-xxxxxxxxx',
          password: 'Example+123',
        }),
      url: 'https://console.zenlayer.com/api/v2/vm',
      action: 'ResetInstance',
      version: '2026-04-01',
      service: 'vm',
      body: '{"instanceId":"inst-vm-1","imageId":"img-xxxxxxxxx","password":"Example+123"}',
      signature: '5e3ff8e3fc1c4c9fbbca314333d5626c027d84f09d88361b2e3747ee71442ddc',
    },
    {
      id: 'D3',
      call: async (fetch: typeof globalThis.fetch) =>
        createZecClient({
          credentials,
          fetch,
          now: at1700000000,
          baseUrl: 'http://127.0.0.1:8787',
        }).describeInstancesStatus({}),
      url: 'http://127.0.0.1:8787/api/v2/zec',
      action: 'DescribeInstancesStatus',
      version: '2025-09-01',
      service: 'zec',
      body: '{}',
      signature: 'c5f0703ddd69dedc222029c64151966dcbd9f7c90ac8cd5901b736cd2bdde003',
    },
  ]

  it.each(cases)('$id: exactly the vendor wire request', async (c) => {
    const server = fakeServer([envelope({ totalCount: 0 })])
    await c.call(server.fetch)
    expect(server.requests).toHaveLength(1)
    const [sent] = server.requests
    expect(sent).toMatchObject({ method: 'POST', url: c.url, body: c.body })
    expect(sent?.headers).toEqual({
      authorization: `ZC2-HMAC-SHA256 Credential=AKID-test, SignedHeaders=content-type;host, Signature=${c.signature}`,
      'content-type': 'application/json',
      'x-zc-action': c.action,
      'x-zc-version': c.version,
      'x-zc-service': c.service,
      'x-zc-sdk-lang': 'typescript',
      'x-zc-sdk-version': '0.0.0',
      'x-zc-signature-method': 'ZC2-HMAC-SHA256',
      'x-zc-timestamp': '1700000000',
    })
  })

  it('sends a bearer token without timestamp or signature', async () => {
    const server = fakeServer([envelope()])
    await createVmClient({
      credentials: { token: 'tok-abc' },
      fetch: server.fetch,
      requestClient: 'fleet/1.0',
    }).resetInstance({ instanceId: 'i-1' })
    const headers = server.requests[0]?.headers ?? {}
    expect(headers.authorization).toBe('Bearer tok-abc')
    expect(headers['x-zc-request-client']).toBe('fleet/1.0')
    expect(headers).not.toHaveProperty('x-zc-timestamp')
    expect(headers).not.toHaveProperty('x-zc-signature-method')
  })

  it('signs through the raw openapi-fetch client too', async () => {
    const server = fakeServer([envelope()])
    const zec = createZecClient({ credentials, fetch: server.fetch, now: at1700000000 })
    await zec.raw.POST('/api/v2/zec#DescribeInstancesStatus', {
      body: {},
      params: { header: { 'X-ZC-Action': 'DescribeInstancesStatus', 'X-ZC-Version': '2025-09-01' } },
    })
    expect(server.requests[0]?.url).toBe('https://console.zenlayer.com/api/v2/zec')
    expect(server.requests[0]?.headers.authorization).toContain('Signature=')
  })
})

describe('middleware added to the raw client', () => {
  it('applies to the generated methods, which send the same bytes and headers', async () => {
    const direct = fakeServer([envelope()])
    await createZecClient({ credentials, fetch: direct.fetch, now: at1700000000 }).resetInstances({
      instanceIds: ['inst-a'],
    })

    const through = fakeServer([envelope()])
    const zec = createZecClient({ credentials, fetch: through.fetch, now: at1700000000 })
    const seen: string[] = []
    zec.raw.use({
      onRequest({ request }) {
        seen.push(request.headers.get('x-zc-action') ?? '')
        request.headers.set('x-trace-id', 'trace-1')
        return request
      },
    })
    await zec.resetInstances({ instanceIds: ['inst-a'] })
    expect(seen).toEqual(['ResetInstances'])
    const { 'x-trace-id': trace, ...rest } = through.requests[0]?.headers ?? {}
    expect(trace).toBe('trace-1')
    expect(rest).toEqual(direct.requests[0]?.headers)
    expect(through.requests[0]?.body).toBe(direct.requests[0]?.body)
    expect(through.requests[0]?.url).toBe(direct.requests[0]?.url)
  })
})

describe('results', () => {
  it.each([
    { name: 'a failed list', reply: { instanceIds: ['b'] }, failed: ['b'], succeeded: ['a', 'c'] },
    { name: 'no failed list: none failed (Decision 7)', reply: {}, failed: [], succeeded: ['a', 'b', 'c'] },
    { name: 'an empty failed list', reply: { instanceIds: [] }, failed: [], succeeded: ['a', 'b', 'c'] },
  ])('zec resetInstances with $name', async ({ reply, failed, succeeded }) => {
    const server = fakeServer([envelope(reply)])
    const result = await createZecClient({ credentials, fetch: server.fetch }).resetInstances({
      instanceIds: ['a', 'b', 'c'],
    })
    expect(result.failedInstanceIds).toEqual(failed)
    expect(result.succeededInstanceIds).toEqual(succeeded)
    expect(result.requestId).toBe('T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9')
  })

  it('vm resetInstance returns the requestId', async () => {
    const server = fakeServer([envelope()])
    const result = await createVmClient({ credentials, fetch: server.fetch }).resetInstance({ instanceId: 'i-1' })
    expect(result).toEqual({ requestId: 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9' })
  })
})
