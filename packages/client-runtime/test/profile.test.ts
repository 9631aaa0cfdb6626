import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProfileError, profileCredentials, profileOutput } from '../src/profile.js'

const NAMES = { envAccessKeyId: 'SPEC_KEY_ID', envAccessKeySecret: 'SPEC_KEY_SECRET' }

/** A home with the vendor CLI's files, written here in its shape. */
function home(credentials?: unknown, config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'zr-profile-home-'))
  mkdirSync(join(dir, '.zenlayer'))
  if (credentials !== undefined)
    writeFileSync(
      join(dir, '.zenlayer', 'credentials.json'),
      typeof credentials === 'string' ? credentials : JSON.stringify(credentials),
    )
  if (config !== undefined) writeFileSync(join(dir, '.zenlayer', 'config.json'), JSON.stringify(config))
  return dir
}

const files = {
  default: { access_key_id: 'file-id', access_key_secret: 'file-secret' },
  ops: { token: 'file-token' },
}

const creds = (env: Record<string, string>, h: string, profile?: string) => {
  const r = profileCredentials({ env, home: h, profile }, NAMES)
  return r.found ? r.credentials : r
}

/** The message of what `f` throws: a ProfileError, never holding a secret. */
function refusal(f: () => unknown): string {
  try {
    f()
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError)
    const message = (error as Error).message
    expect(message).not.toMatch(/file-secret|file-token/)
    return message
  }
  throw new Error('did not throw')
}

describe('profileCredentials', () => {
  it("the spec's variables first, then the vendor's, then a token, then the profile", () => {
    const h = home(files)
    expect(creds({ SPEC_KEY_ID: 'a', SPEC_KEY_SECRET: 'b', ZENLAYER_TOKEN: 't' }, h)).toEqual({
      accessKeyId: 'a',
      accessKeySecret: 'b',
    })
    expect(creds({ ZENLAYER_ACCESS_KEY_ID: 'c', ZENLAYER_ACCESS_KEY_SECRET: 'd' }, h)).toEqual({
      accessKeyId: 'c',
      accessKeySecret: 'd',
    })
    // Half a pair is no pair.
    expect(creds({ SPEC_KEY_ID: 'a', ZENLAYER_TOKEN: 't' }, h)).toEqual({ token: 't' })
    expect(creds({}, h)).toEqual({ accessKeyId: 'file-id', accessKeySecret: 'file-secret' })
  })

  it("the CLI's current profile, ZENLAYER_PROFILE, or a named profile, which beats the variables", () => {
    const h = home(files, { current_profile: 'ops' })
    expect(creds({}, h)).toEqual({ token: 'file-token' })
    expect(creds({ ZENLAYER_PROFILE: 'default' }, h)).toEqual({
      accessKeyId: 'file-id',
      accessKeySecret: 'file-secret',
    })
    expect(creds({ SPEC_KEY_ID: 'a', SPEC_KEY_SECRET: 'b' }, h, 'default')).toMatchObject({ accessKeyId: 'file-id' })
  })

  it('ZENLAYER_CONFIG_DIR names another folder', () => {
    const other = join(home(files), '.zenlayer')
    expect(creds({ ZENLAYER_CONFIG_DIR: other }, '/nonexistent-home')).toMatchObject({ accessKeyId: 'file-id' })
  })

  it('says what it looked for when there is nothing, and throws nothing', () => {
    const h = home()
    expect(creds({}, h)).toEqual({
      found: false,
      file: join(h, '.zenlayer', 'credentials.json'),
      profile: 'default',
    })
    expect(creds({}, '/nonexistent-home')).toMatchObject({ found: false, profile: 'default' })
  })

  it('a missing or broken profile is one line naming the file, never a secret', () => {
    expect(refusal(() => creds({}, home(files), 'nope'))).toMatch(/^no profile "nope" in .*credentials\.json$/)
    expect(refusal(() => creds({}, home('{"default": {"access_key_secret": "file-secret"')))).toMatch(
      /credentials\.json is not valid JSON$/,
    )
    expect(refusal(() => creds({}, home({ default: { access_key_secret: 'file-secret' } })))).toMatch(
      /^profile "default" in .*credentials\.json has no access key or token$/,
    )
    // Not the prototype's: a profile is the file's own key.
    expect(refusal(() => creds({}, home(files), '__proto__'))).toMatch(/^no profile "__proto__"/)
  })

  it('refuses a file that is not a regular file, or too large', () => {
    const dir = home()
    mkdirSync(join(dir, '.zenlayer', 'credentials.json'))
    expect(refusal(() => creds({}, dir))).toMatch(/credentials\.json is not a regular file$/)
    const big = home(`{"x": "${'a'.repeat(1024 * 1024)}"}`)
    expect(refusal(() => creds({}, big))).toMatch(/credentials\.json is over 1 MiB$/)
  })
})

describe('profileOutput', () => {
  it("is the current profile's output, when the config sets one", () => {
    const h = home(files, { current_profile: 'default', profiles: { ops: { output: 'table' } } })
    expect(profileOutput({ env: {}, home: h })).toBeUndefined()
    expect(profileOutput({ env: { ZENLAYER_PROFILE: 'ops' }, home: h })).toBe('table')
    expect(profileOutput({ env: {}, home: h, profile: 'ops' })).toBe('table')
    expect(profileOutput({ env: {}, home: '/nonexistent-home' })).toBeUndefined()
  })
})
