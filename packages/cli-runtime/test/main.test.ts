import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseArgv } from '../src/argv.js'
import { GLOBAL_FLAGS } from '../src/flags.js'
import { readBoundedFile } from '../src/io.js'
import { main } from '../src/main.js'
import { interruptedAgain } from '../src/run-fleet.js'
import { resolveSettings } from '../src/settings.js'
import { scriptedIo, TABLE } from './fixtures.js'

const services = { demo: async () => TABLE }
const NAMES = { envAccessKeyId: 'ZENLAYERCLOUD_SECRET_KEY_ID', envAccessKeySecret: 'ZENLAYERCLOUD_SECRET_KEY_PASSWORD' }

describe('main', () => {
  it('prints the help of every level from the tables, exit 0, and the exit codes', async () => {
    const io = scriptedIo()
    expect(await main(services, ['--help'], { io })).toBe(0)
    expect(io.out.join('')).toMatch(/demo \(Demo API, API 2026-01-01\):\n {2}wipe-things {6}Wipe several things/)
    expect(io.out.join('')).toMatch(/130 {2}interrupted/)
    const action = scriptedIo()
    expect(await main(services, ['demo', 'wipe-things', '--help'], { io: action })).toBe(0)
    expect(action.out.join('')).toMatch(/--enable-agent \/ --no-enable-agent/)
    expect(action.out.join('')).toMatch(/--password-file FILE/)
  })

  it('is a usage error, exit 2, with no command, an unknown service or action, or a stray word', async () => {
    for (const [args, message] of [
      [[], /^usage: zenlayer-reset/],
      [['nope', 'x'], /unknown service "nope"; services: demo/],
      [['demo', 'nope'], /unknown action "nope" of demo; actions: wipe-things, describe-things/],
      [['demo', 'wipe-things', '--thing-ids', 'a', '--enable-agent', 'b'], /unexpected "b" after --enable-agent/],
    ] as const) {
      const io = scriptedIo()
      expect(await main(services, [...args], { io })).toBe(2)
      expect(io.err.join('')).toMatch(message)
    }
  })

  it('prints the package`s name and version from the manifest it is given, not its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zr-cli-manifest-'))
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@zenlayer-reset/cli', version: '4.5.6' }))
    const io = scriptedIo()
    expect(await main(services, ['--version'], { io, manifest: pathToFileURL(join(dir, 'package.json')) })).toBe(0)
    expect(io.out.join('')).toBe('@zenlayer-reset/cli 4.5.6\n')
    const none = scriptedIo()
    expect(await main(services, ['--version'], { io: none })).toBe(4)
    expect(none.err.join('')).toMatch(/cannot tell its version/)
    // After a command, --version is that command's unknown flag.
    expect(await main(services, ['demo', 'wipe-things', '--version'], { io: scriptedIo() })).toBe(2)
  })

  it('names the credential variables the specs give, grouped by service when they differ', async () => {
    const io = scriptedIo()
    await main(services, ['--help'], { io })
    expect(io.out.join('')).toMatch(
      /Credentials: DEMO_KEY_ID and DEMO_KEY_SECRET, or ZENLAYER_TOKEN,\n {2}or ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_SECRET, or a profile\./,
    )
    const other = { ...TABLE, service: 'other', credentialsEnv: { accessKeyId: 'O_ID', accessKeySecret: 'O_SECRET' } }
    const two = scriptedIo()
    await main({ demo: async () => TABLE, other: async () => other }, ['--help'], { io: two })
    expect(two.out.join('')).toMatch(
      /Credentials: DEMO_KEY_ID and DEMO_KEY_SECRET \(demo\), or O_ID and O_SECRET \(other\), or ZENLAYER_TOKEN/,
    )
    const action = scriptedIo()
    await main(services, ['demo', 'wipe-things', '--help'], { io: action })
    expect(action.out.join('')).toMatch(/Credentials: DEMO_KEY_ID and DEMO_KEY_SECRET, or ZENLAYER_TOKEN/)
  })

  it('finds the service and action after common flags', async () => {
    const io = scriptedIo()
    expect(await main(services, ['--output', 'json', 'demo', 'wipe-things', '-h'], { io })).toBe(0)
    expect(io.out.join('')).toMatch(/^usage: zenlayer-reset demo wipe-things/)
  })

  it('writes completion scripts for bash, zsh and fish from the tables', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const io = scriptedIo()
      expect(await main(services, ['completion', shell], { io })).toBe(0)
      expect(io.out.join('')).toContain('wipe-things')
      expect(io.out.join('')).toMatch(shell === 'fish' ? /-l no-enable-agent\b/ : /--no-enable-agent\b/)
    }
    expect(await main(services, ['completion', 'tcsh'], { io: scriptedIo() })).toBe(2)
    // The bash script parses (bash -n), where bash is installed.
    const bash = scriptedIo()
    await main(services, ['completion', 'bash'], { io: bash })
    const check = spawnSync('bash', ['-n'], { input: bash.out.join(''), encoding: 'utf8' })
    if (!check.error) expect([check.status, check.stderr]).toEqual([0, ''])
  })
})

describe('credentials and profiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zr-cli-profile-'))
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'credentials.json'),
    JSON.stringify({
      default: { access_key_id: 'AK-default', access_key_secret: 'SK-default' },
      prod: { token: 'TOKEN-prod' },
    }),
  )
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ current_profile: 'default', profiles: { prod: { output: 'table' } } }),
  )
  const io = (env: Record<string, string>) => ({
    ...scriptedIo({ env: { ZENLAYER_CONFIG_DIR: dir, ...env } }),
    readFile: readBoundedFile,
  })
  const settings = (args: string[], env: Record<string, string> = {}) =>
    resolveSettings(parseArgv(args, GLOBAL_FLAGS), io(env), NAMES)

  it('takes the spec`s variables first, then the vendor CLI`s profile files', () => {
    expect(
      settings([], { ZENLAYERCLOUD_SECRET_KEY_ID: 'AK-env', ZENLAYERCLOUD_SECRET_KEY_PASSWORD: 'SK-env' }).account,
    ).toBe('access key AK-env')
    expect(settings([]).credentials).toEqual({ accessKeyId: 'AK-default', accessKeySecret: 'SK-default' })
    expect(settings([], { ZENLAYER_PROFILE: 'prod' }).credentials).toEqual({ token: 'TOKEN-prod' })
  })

  it('lets --profile win over the variables, and takes its output format', () => {
    const s = settings(['--profile', 'prod'], {
      ZENLAYERCLOUD_SECRET_KEY_ID: 'AK-env',
      ZENLAYERCLOUD_SECRET_KEY_PASSWORD: 'SK-env',
    })
    expect([s.credentials, s.account, s.output]).toEqual([{ token: 'TOKEN-prod' }, 'a bearer token', 'table'])
    // Without it, the current profile's (which sets none): JSON, with no terminal.
    expect(settings([]).output).toBe('json')
  })

  it('is exit 4, naming the profile and never a secret, when credentials are missing', () => {
    for (const [args, message] of [[['--profile', 'nope'], /no profile "nope" in .*credentials\.json/]] as const) {
      try {
        settings([...args])
        throw new Error('resolved')
      } catch (error) {
        expect((error as { exitCode: number }).exitCode).toBe(4)
        expect((error as Error).message).toMatch(message)
        expect((error as Error).message).not.toMatch(/SK-default|TOKEN-prod/)
      }
    }
    const empty = mkdtempSync(join(tmpdir(), 'zr-cli-empty-'))
    try {
      resolveSettings(
        parseArgv([], GLOBAL_FLAGS),
        { ...scriptedIo({ env: { ZENLAYER_CONFIG_DIR: empty } }), readFile: readBoundedFile },
        NAMES,
      )
      throw new Error('resolved')
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(4)
      expect((error as Error).message).toMatch(/^no credentials: set ZENLAYERCLOUD_SECRET_KEY_ID/)
    }
  })
})

describe('a second Ctrl-C', () => {
  it('says in one line that outcomes may be incomplete, and points at --journal', () => {
    expect(interruptedAgain(undefined)).toBe(
      'zenlayer-reset: interrupted again: exiting now, without the report; outcomes may be incomplete. With --journal FILE, a rerun resumes and sends no reset twice',
    )
    expect(interruptedAgain('/tmp/j')).toMatch(
      /The journal \/tmp\/j holds every id sent; rerun the same command with --journal \/tmp\/j/,
    )
    expect(interruptedAgain('/tmp/j')).not.toContain('\n')
  })
})
