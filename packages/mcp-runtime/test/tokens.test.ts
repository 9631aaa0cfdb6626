import { describe, expect, it } from 'vitest'
import { ConfirmationTokens, canonical } from '../src/tokens.js'

describe('confirmation tokens', () => {
  const input = { instanceIds: ['a', 'b'], password: 'Pw+12345', enableAgent: true }

  it('works once, for the tool and the exact input it was issued for', () => {
    const tokens = new ConfirmationTokens(60_000, () => 1_000)
    const { token, expiresAt } = tokens.issue('zec_reset_instances', input)
    expect(expiresAt).toBe(61_000)
    // Key order does not matter; values do.
    expect(tokens.redeem('zec_reset_instances', { ...input, instanceIds: ['b', 'a'] }, token).ok).toBe(false)
    expect(tokens.redeem('zec_reset_instances', { ...input, password: 'Pw+12346' }, token).ok).toBe(false)
    expect(tokens.redeem('vm_reset_instance', input, token).ok).toBe(false)
    expect(
      tokens.redeem('zec_reset_instances', { enableAgent: true, password: 'Pw+12345', instanceIds: ['a', 'b'] }, token),
    ).toEqual({
      ok: true,
    })
    const again = tokens.redeem('zec_reset_instances', input, token)
    expect(again).toEqual({ ok: false, reason: expect.stringMatching(/already used/) })
  })

  it('expires after its minutes', () => {
    let now = 0
    const tokens = new ConfirmationTokens(10 * 60_000, () => now)
    const { token } = tokens.issue('t', input)
    now = 10 * 60_000 - 1
    const early = tokens.issue('t', input)
    now = 10 * 60_000
    expect(tokens.redeem('t', input, token)).toEqual({ ok: false, reason: expect.stringMatching(/expired/) })
    expect(tokens.redeem('t', input, early.token).ok).toBe(true)
  })

  it('is useless to another instance (another server process) and refuses forged or edited tokens', () => {
    const a = new ConfirmationTokens(60_000, () => 0)
    const b = new ConfirmationTokens(60_000, () => 0)
    const { token } = a.issue('t', input)
    expect(b.redeem('t', input, token).ok).toBe(false)
    // A later expiry written into the token breaks its MAC.
    const [p, id, , mac] = token.split('.')
    expect(a.redeem('t', input, `${p}.${id}.99999999999.${mac}`).ok).toBe(false)
    for (const bad of ['', 'x', 'zrc1.a.b.c', `${token}x`]) expect(a.redeem('t', input, bad).ok).toBe(false)
    expect(a.redeem('t', input, token).ok).toBe(true)
  })

  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonical({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}')
  })
})
