// Which signer signs (the client) and checks (the mock): node:crypto's on
// Node, the portable one in a browser bundle, and never one that signs
// differently from the portable one.
import { Buffer } from 'node:buffer'
import * as crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkedCryptoSigner, cryptoSigner } from '../src/crypto-signer.js'
import { defaultSigner as browserSigner } from '../src/default-signer.js'
import { portableSigner } from '../src/sign.js'
import { defaultSigner } from '../src/signer.js'

const inputs = ['', 'k', 'a'.repeat(63), 'b'.repeat(64), 'c'.repeat(65), 'clé-secrète-😀'].flatMap((secret) =>
  ['{}', '{"a": 1}', 'é€😀'.repeat(40), 'x'.repeat(1000)].flatMap((body) =>
    [1, 1673361177, 999999999999].map((timestamp) => ({
      accessKeyId: 'k',
      accessKeySecret: secret,
      contentType: 'application/json',
      host: 'console.zenlayer.com',
      body: timestamp === 1 ? body : new TextEncoder().encode(body),
      timestamp,
    })),
  ),
)

describe('the default signer', () => {
  it("is node:crypto's on Node, chosen once, and signs as the portable one does", () => {
    const signer = defaultSigner()
    expect(signer).not.toBe(portableSigner)
    expect(defaultSigner()).toBe(signer)
    // Twice each: the padded key is reused, and must keep nothing of the previous message.
    for (const input of inputs) {
      expect(signer(input)).toBe(portableSigner(input))
      expect(signer(input)).toBe(portableSigner(input))
    }
  })

  it('is the portable one where package.json "imports" gives the non-Node module (browsers)', () => {
    expect(browserSigner()).toBe(portableSigner)
  })

  it('node:crypto and the portable implementation agree with a secret of every length around a block', () => {
    const signer = cryptoSigner({ hash: crypto.hash, Buffer })
    for (const input of inputs) expect(signer(input)).toBe(portableSigner(input))
  })
})

describe('checkedCryptoSigner', () => {
  it.each([
    ['no hash (a node:crypto before 20.12)', { Buffer }],
    ['no Buffer', { hash: crypto.hash }],
    ['a hash that throws', { hash: () => crypto.hash('no-such-algorithm', ''), Buffer }],
  ])('is the portable one with %s', (_name, functions) => {
    expect(checkedCryptoSigner(functions as never)).toBe(portableSigner)
  })

  it('is the portable one when the platform hashes wrongly', () => {
    const wrong = ((...args: Parameters<typeof crypto.hash>) =>
      `0${crypto.hash(...args)}`.slice(0, 64)) as typeof crypto.hash
    expect(checkedCryptoSigner({ hash: wrong, Buffer })).toBe(portableSigner)
  })

  it("is node:crypto's when it signs as the portable one does", () => {
    expect(checkedCryptoSigner({ hash: crypto.hash, Buffer })).not.toBe(portableSigner)
  })
})
