// The reading itself (order, files, errors) is tested with its owner,
// @zenlayer-reset/client-runtime/profile; here, what the server makes of it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { credentialSecrets, credentialsFor } from '../src/credentials.js'
import { ToolRefusal } from '../src/errors.js'

const NAMES = { envAccessKeyId: 'SPEC_KEY_ID', envAccessKeySecret: 'SPEC_KEY_SECRET' }

/** A home with the vendor CLI's files, written here in its shape. */
function home(credentials?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'zr-mcp-home-'))
  mkdirSync(join(dir, '.zenlayer'))
  if (credentials !== undefined)
    writeFileSync(
      join(dir, '.zenlayer', 'credentials.json'),
      typeof credentials === 'string' ? credentials : JSON.stringify(credentials),
    )
  return dir
}

function refusal(f: () => unknown): ToolRefusal {
  try {
    f()
  } catch (error) {
    expect(error).toBeInstanceOf(ToolRefusal)
    expect((error as Error).message).not.toMatch(/file-secret/)
    return error as ToolRefusal
  }
  throw new Error('did not throw')
}

describe('credentials', () => {
  const files = { default: { access_key_id: 'file-id', access_key_secret: 'file-secret' } }

  it('the variables, then the profile', () => {
    const h = home(files)
    expect(
      credentialsFor({ env: { SPEC_KEY_ID: 'a', SPEC_KEY_SECRET: 'b' }, home: h, profile: undefined }, NAMES),
    ).toEqual({ accessKeyId: 'a', accessKeySecret: 'b' })
    expect(credentialsFor({ env: {}, home: h, profile: undefined }, NAMES)).toEqual({
      accessKeyId: 'file-id',
      accessKeySecret: 'file-secret',
    })
  })

  it('a missing or broken source is a NO_CREDENTIALS refusal, one line naming the file, never a secret', () => {
    const none = refusal(() => credentialsFor({ env: {}, home: home(), profile: undefined }, NAMES))
    expect([none.code, none.message]).toEqual([
      'NO_CREDENTIALS',
      expect.stringMatching(
        /^no credentials: the server's environment sets neither SPEC_KEY_ID .*credentials\.json has no profile "default"$/,
      ),
    ])
    expect(refusal(() => credentialsFor({ env: {}, home: home(files), profile: 'nope' }, NAMES)).message).toMatch(
      /no profile "nope" in .*credentials\.json/,
    )
    expect(
      refusal(() =>
        credentialsFor(
          { env: {}, home: home('{"default": {"access_key_secret": "file-secret"'), profile: undefined },
          NAMES,
        ),
      ).message,
    ).toMatch(/credentials\.json is not valid JSON$/)
    expect(
      refusal(() =>
        credentialsFor(
          { env: {}, home: home({ default: { access_key_secret: 'file-secret' } }), profile: undefined },
          NAMES,
        ),
      ).message,
    ).toMatch(/has no access key or token/)
  })

  it('names the secrets to scrub', () => {
    expect(credentialSecrets({ token: 't' })).toEqual(['t'])
    expect(credentialSecrets({ accessKeyId: 'a', accessKeySecret: 's' })).toEqual(['s'])
  })
})
