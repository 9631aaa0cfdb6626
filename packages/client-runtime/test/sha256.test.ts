import { createHash, createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hmacSha256, sha256, toHex } from '../src/sha256.js'

const text = (s: string) => new TextEncoder().encode(s)

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes %j as NIST says', (input, want) => {
    expect(toHex(sha256(text(input)))).toBe(want)
  })

  it('agrees with node:crypto on every length around the block boundaries and on random data', () => {
    const lengths = [...Array.from({ length: 130 }, (_, i) => i), 1000, 33_000]
    for (const n of lengths) {
      const data = randomBytes(n)
      expect(toHex(sha256(data)), `length ${n}`).toBe(createHash('sha256').update(data).digest('hex'))
    }
  })
})

describe('hmacSha256', () => {
  it('agrees with node:crypto for short, block-sized and long keys', () => {
    for (const keyLength of [0, 1, 25, 63, 64, 65, 200]) {
      const key = randomBytes(keyLength)
      const message = randomBytes(97)
      expect(toHex(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('hex'))
    }
  })
})
