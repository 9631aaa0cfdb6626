import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { credentialsFor } from '../src/credentials.js'

const NAMES = { envAccessKeyId: 'SPEC_KEY_ID', envAccessKeySecret: 'SPEC_KEY_SECRET' }

/** A home with the vendor CLI's files, written here in its shape. */
function home(credentials?: unknown, config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'zr-mcp-home-'))
  mkdirSync(join(dir, '.zenlayer'))
  if (credentials !== undefined)
    writeFileSync(
      join(dir, '.zenlayer', 'credentials.json'),
      typeof credentials === 'string' ? credentials : JSON.stringify(credentials),
    )
  if (config !== undefined) writeFileSync(join(dir, '.zenlayer', 'config.json'), JSON.stringify(config))
  return dir
}

describe('credentials', () => {
  const files = {
    default: { access_key_id: 'file-id', access_key_secret: 'file-secret' },
    ops: { token: 'file-token' },
  }

  it("the spec's variables first, then the vendor's, then a token, then the profile", () => {
    const h = home(files)
    expect(
      credentialsFor(
        { env: { SPEC_KEY_ID: 'a', SPEC_KEY_SECRET: 'b', ZENLAYER_TOKEN: 't' }, home: h, profile: undefined },
        NAMES,
      ),
    ).toEqual({
      accessKeyId: 'a',
      accessKeySecret: 'b',
    })
    expect(
      credentialsFor(
        { env: { ZENLAYER_ACCESS_KEY_ID: 'c', ZENLAYER_ACCESS_KEY_SECRET: 'd' }, home: h, profile: undefined },
        NAMES,
      ),
    ).toEqual({
      accessKeyId: 'c',
      accessKeySecret: 'd',
    })
    expect(credentialsFor({ env: { ZENLAYER_TOKEN: 't' }, home: h, profile: undefined }, NAMES)).toEqual({ token: 't' })
    expect(credentialsFor({ env: {}, home: h, profile: undefined }, NAMES)).toEqual({
      accessKeyId: 'file-id',
      accessKeySecret: 'file-secret',
    })
  })

  it("the CLI's current profile, ZENLAYER_PROFILE, or --profile, which beats the variables", () => {
    const h = home(files, { current_profile: 'ops' })
    expect(credentialsFor({ env: {}, home: h, profile: undefined }, NAMES)).toEqual({ token: 'file-token' })
    expect(credentialsFor({ env: { ZENLAYER_PROFILE: 'default' }, home: h, profile: undefined }, NAMES)).toEqual({
      accessKeyId: 'file-id',
      accessKeySecret: 'file-secret',
    })
    expect(
      credentialsFor({ env: { SPEC_KEY_ID: 'a', SPEC_KEY_SECRET: 'b' }, home: h, profile: 'default' }, NAMES),
    ).toMatchObject({
      accessKeyId: 'file-id',
    })
  })

  it('a missing or broken source is one line naming the file, never a secret', () => {
    expect(() => credentialsFor({ env: {}, home: home(), profile: undefined }, NAMES)).toThrow(
      /^no credentials: .*SPEC_KEY_ID/,
    )
    expect(() => credentialsFor({ env: {}, home: home(files), profile: 'nope' }, NAMES)).toThrow(
      /no profile "nope" in .*credentials\.json/,
    )
    expect(() =>
      credentialsFor(
        { env: {}, home: home('{"default": {"access_key_secret": "file-secret"'), profile: undefined },
        NAMES,
      ),
    ).toThrow(/credentials\.json is not valid JSON$/)
    try {
      credentialsFor(
        { env: {}, home: home({ default: { access_key_secret: 'file-secret' } }), profile: undefined },
        NAMES,
      )
    } catch (error) {
      expect((error as Error).message).toMatch(/has no access key or token/)
      expect((error as Error).message).not.toContain('file-secret')
    }
  })
})
