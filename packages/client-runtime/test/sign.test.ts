import { describe, expect, it } from 'vitest'
import { sign } from '../src/sign.js'

// The vendor's own example (V1, V1b) and vectors computed with the documented algorithm (D1-D3).
const vectors = [
  {
    id: 'V1',
    host: 'console.zenlayer.com',
    contentType: 'application/json; charset=utf-8',
    body: '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}',
    timestamp: 1673361177,
    secret: 'Gu5t9xGARNpq86cd98joQYCN3',
    signature: 'efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f',
  },
  {
    id: 'V1b',
    host: 'console.zenlayer.com',
    contentType: 'application/json',
    body: '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}',
    timestamp: 1673361177,
    secret: 'Gu5t9xGARNpq86cd98joQYCN3',
    signature: '9fdd5117d611874c57b6514c5265c94aee7b716f33906836f9ebda1b56cbc119',
  },
  {
    id: 'D1',
    host: 'console.zenlayer.com',
    contentType: 'application/json',
    body: '{"instanceIds":["inst-a","inst-b"],"imageId":"ubuntu2022","password":"Example+123","enableAgent":true}',
    timestamp: 1700000000,
    secret: 'test-key-password',
    signature: 'f3cec698239de133bc9ab324b2d7e8cc881cc62145f8950640877b6fb6b85120',
  },
  {
    id: 'D2',
    host: 'console.zenlayer.com',
    contentType: 'application/json',
    body: '{"instanceId":"inst-vm-1","imageId":"img-xxxxxxxxx","password":"Example+123"}',
    timestamp: 1700000000,
    secret: 'test-key-password',
    signature: '5e3ff8e3fc1c4c9fbbca314333d5626c027d84f09d88361b2e3747ee71442ddc',
  },
  {
    id: 'D3',
    host: '127.0.0.1:8787',
    contentType: 'application/json',
    body: '{}',
    timestamp: 1700000000,
    secret: 'test-key-password',
    signature: 'c5f0703ddd69dedc222029c64151966dcbd9f7c90ac8cd5901b736cd2bdde003',
  },
]

describe('sign', () => {
  it.each(vectors)('reproduces $id', async (v) => {
    const out = await sign({
      accessKeyId: '0D9UtpyKYcHxms5v',
      accessKeySecret: v.secret,
      contentType: v.contentType,
      host: v.host,
      body: v.body,
      timestamp: v.timestamp,
    })
    expect(out.signature).toBe(v.signature)
    expect(out.authorization).toBe(
      `ZC2-HMAC-SHA256 Credential=0D9UtpyKYcHxms5v, SignedHeaders=content-type;host, Signature=${v.signature}`,
    )
  })

  it('gives the intermediate values of V1', async () => {
    const v = vectors[0] as (typeof vectors)[number]
    const out = await sign({
      accessKeyId: 'k',
      accessKeySecret: v.secret,
      contentType: v.contentType,
      host: v.host,
      body: v.body,
      timestamp: v.timestamp,
    })
    expect(out.payloadHash).toBe('5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a')
    expect(out.stringToSign.split('\n')[2]).toBe('29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee')
  })

  it('signs bytes, not a re-serialisation', async () => {
    const base = { accessKeyId: 'k', accessKeySecret: 's', contentType: 'application/json', host: 'h', timestamp: 1 }
    const compact = await sign({ ...base, body: '{"a":1}' })
    const spaced = await sign({ ...base, body: '{"a": 1}' })
    expect(compact.signature).not.toBe(spaced.signature)
    expect((await sign({ ...base, body: new TextEncoder().encode('{"a":1}') })).signature).toBe(compact.signature)
  })
})
