// Confirmation tokens: the second step of a reset when the client cannot ask
// the person itself. A token is an HMAC, under a key drawn when this process
// started and never written anywhere, of the tool, the exact input (every
// field, secrets included, in a canonical order) and the expiry: another
// input, another tool or another server process cannot use it. It works once
// (its id is spent before anything is sent) and expires after the minutes
// the operator set.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export type Redeemed = { readonly ok: true } | { readonly ok: false; readonly reason: string }

const PREFIX = 'zrc1'

/** JSON with object keys sorted at every depth: the same input gives the same text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export class ConfirmationTokens {
  private readonly key = randomBytes(32)
  /** Spent token ids and their expiry; an expired one is forgotten (its token is refused as expired anyway). */
  private readonly spent = new Map<string, number>()

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  issue(tool: string, input: unknown): { token: string; expiresAt: number } {
    const id = randomBytes(12).toString('base64url')
    const expiresAt = this.now() + this.ttlMs
    return { token: `${PREFIX}.${id}.${expiresAt}.${this.mac(id, expiresAt, tool, input)}`, expiresAt }
  }

  /** Checks a token against the tool and input, and spends it when it is good. */
  redeem(tool: string, input: unknown, token: string): Redeemed {
    const parts = token.split('.')
    if (parts.length !== 4 || parts[0] !== PREFIX || !/^[0-9]{1,16}$/.test(parts[2] ?? ''))
      return { ok: false, reason: 'confirmationToken is not a token this server issued' }
    const [, id = '', expiry = '', mac = ''] = parts
    const expiresAt = Number(expiry)
    const expected = Buffer.from(this.mac(id, expiresAt, tool, input))
    const given = Buffer.from(mac)
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return {
        ok: false,
        reason:
          'confirmationToken does not match: it was issued for another input or tool, or by another server process; call without it to get a new plan',
      }
    this.forgetExpired()
    if (this.spent.has(id)) return { ok: false, reason: 'confirmationToken was already used: a token works once' }
    if (this.now() >= expiresAt)
      return { ok: false, reason: 'confirmationToken has expired: call without it to get a new plan' }
    this.spent.set(id, expiresAt)
    return { ok: true }
  }

  private mac(id: string, expiresAt: number, tool: string, input: unknown): string {
    return createHmac('sha256', this.key)
      .update(`${id}\n${expiresAt}\n${tool}\n${canonical(input)}`)
      .digest('base64url')
  }

  private forgetExpired(): void {
    const now = this.now()
    for (const [id, expiresAt] of this.spent) if (expiresAt <= now) this.spent.delete(id)
  }
}
