// Issue 14, the command: each mistake with its exact message, credentials
// without the command line, the admin token beyond loopback, and the server
// stopping when the process that started it goes away.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { describe, expect, it } from 'vitest'
import { main, parseArgs } from '../src/cli.js'

const bin = fileURLToPath(new URL('../bin/zenlayer-mock.js', import.meta.url))

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const log = console.log
  const error = console.error
  console.log = (...a: unknown[]) => void out.push(a.join(' '))
  console.error = (...a: unknown[]) => void err.push(a.join(' '))
  try {
    const code = await main(args, env)
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    console.log = log
    console.error = error
  }
}

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'zenlayer-mock-cli-')), name)
  writeFileSync(path, text)
  return path
}

describe('usage mistakes: one line, exit 2', () => {
  it.each([
    [['--seed', 'x'], '--seed must be a whole number from 0 to 4294967295, in plain decimal (got "x")'],
    [['--seed=1.5'], '--seed must be a whole number from 0 to 4294967295, in plain decimal (got "1.5")'],
    [
      ['--no-auth', '--token', 't'],
      '--no-auth conflicts with --access-key, --token and their files and variables: choose one',
    ],
    [['--port'], '--port needs a value'],
    [['--port', '--seed', '2'], '--port needs a value'],
    [['--no-auth=yes'], '--no-auth takes no value'],
    [['--access-key', 'nosecret'], '--access-key takes <id>:<secret> (an entry has no id or no secret)'],
    [
      ['--host', '0.0.0.0', '--no-auth'],
      '--no-auth on 0.0.0.0 lets anyone who reaches the port reset and read the mock; add --unsafe-no-auth-on-network if that is what you want',
    ],
    [['--unsafe-no-auth-on-network'], '--unsafe-no-auth-on-network only makes sense with --no-auth'],
    [['--max-history', '2'], '--max-history must be a whole number from 4 to 10000000, in plain decimal (got "2")'],
    [['--token-file', '/nonexistent/tokens'], '--token-file /nonexistent/tokens: ENOENT'],
  ])('%j', async (args, message) => {
    expect(await run(args)).toEqual({
      code: 2,
      out: '',
      err: `zenlayer-mock: ${message}\nRun zenlayer-mock --help for the options.`,
    })
  })

  it('-h and --help print the usage to stdout and exit 0; --version prints the version', async () => {
    expect(await run(['-h'])).toMatchObject({ code: 0, out: expect.stringMatching(/^usage: zenlayer-mock/) })
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/--version/) })
    expect(await run(['--version'])).toEqual({
      code: 0,
      out: expect.stringMatching(/^zenlayer-mock \d+\.\d+\.\d+$/),
      err: '',
    })
  })

  it('--flag=value forms', () => {
    expect(parseArgs(['--port=0', '--seed=7', '--progression=manual'], {})).toMatchObject({
      port: 0,
      seed: 7,
      progression: 'manual',
    })
  })
})

describe('state files: the file and the field named, exit 2, nothing started', () => {
  it.each([
    ['{"zec":{"instances":5}}', 'state.json.zec.instances must be a list (got 5)'],
    ['[]', 'state.json must be an object keyed by service (zec, vm, bmc) (got a list)'],
    [
      '{"zec":{"instances":[{"instanceId":"a","status":"BANANA"}]}}',
      'state.json.zec.instances[0].status must be one of DEPLOYING, REBUILDING',
    ],
    [
      '{"vm":{"instances":[{"instanceId":"a","status":"REINSTALL_FAILED"}]}}',
      'state.json.vm.instances[0].status must be one of',
    ],
    [
      '{"zec":{"instances":[{"instanceId":"a","osType":"beos"}]}}',
      'state.json.zec.instances[0].osType must be one of linux, windows (got "beos")',
    ],
    [
      '{"zec":{"images":[{"imageId":"i","sizeGb":"big"}]}}',
      'state.json.zec.images[0].sizeGb must be a whole number of GB from 1 to 1000000 (got "big")',
    ],
    [
      '{"zec":{"instances":[{"instanceId":5}]}}',
      'state.json.zec.instances[0].instanceId must be a string of 1 to 64 characters (got 5)',
    ],
    [
      '{"zec":{"instances":[{"instanceId":{}}]}}',
      'state.json.zec.instances[0].instanceId must be a string of 1 to 64 characters (got an object)',
    ],
    [
      '{"zec":{"instances":[{"instanceId":"a"},{"instanceId":"a"}]}}',
      'state.json.zec.instances[1].instanceId "a" is listed twice',
    ],
    ['{"box":{}}', 'state.json: unknown service "box"; the services are zec, vm, bmc'],
    [
      '{"zec":{"instances":[{"instanceId":"a","colour":"red"}]}}',
      'state.json.zec.instances[0]: unknown field "colour"',
    ],
    ['{"zec":', 'not JSON'],
  ])('%s', async (text, message) => {
    const path = file('state.json', text)
    const result = await run(['--port', '0', '--state', path])
    expect(result.code).toBe(2)
    expect(result.out).toBe('')
    expect(result.err).toContain(message.startsWith('state.json') ? message.replace('state.json', path) : message)
    expect(result.err).not.toContain('usage:')
    expect(result.err).not.toMatch(/\n\s+at /)
  })
})

describe('starting and stopping', () => {
  it('a port in use: one line that suggests --port 0, exit 1', async () => {
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()))
    const port = (blocker.address() as { port: number }).port
    try {
      const result = await run(['--port', String(port)])
      expect(result).toEqual({
        code: 1,
        out: '',
        err: `zenlayer-mock: port ${port} on 127.0.0.1 is in use; choose another with --port <n>, or --port 0 for a free one`,
      })
    } finally {
      blocker.close()
    }
  })

  it('an address this machine does not have: one line, exit 1', async () => {
    const result = await run(['--port', '0', '--host', '203.0.113.7', '--admin-token', 'made-up-admin-token-1'], {
      ZENLAYER_MOCK_TOKENS: 'made-up-network-token',
    })
    expect(result.code).toBe(1)
    expect(result.err).toMatch(
      /^zenlayer-mock: cannot listen on 203\.0\.113\.7: no such address on this machine \(EADDRNOTAVAIL\); try --host 127\.0\.0\.1$/,
    )
  })

  it('credentials from the environment, none on the command line', async () => {
    const child = spawn(process.execPath, [bin, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ZENLAYER_MOCK_TOKENS: 'env-token-1', ZENLAYER_MOCK_ACCESS_KEYS: 'env-key:env-secret' },
    })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/\S+)/.exec(output)
        if (m?.[1]) resolve(m[1])
      })
    })
    const zec = createZecClient({
      baseUrl: url,
      credentials: { accessKeyId: 'env-key', accessKeySecret: 'env-secret' },
    })
    await expect(zec.describeInstancesStatus({})).resolves.toMatchObject({ totalCount: 0 })
    const byToken = createZecClient({ baseUrl: url, credentials: { token: 'env-token-1' } })
    await expect(byToken.describeInstancesStatus({})).resolves.toMatchObject({ totalCount: 0 })
    expect(output).not.toContain('env-secret')
    child.kill('SIGTERM')
    await new Promise((r) => child.on('exit', r))
  })

  it('beyond loopback: an admin token is generated, printed, and required', async () => {
    // Credentials of its own: beyond loopback the published defaults are refused (below).
    const child = spawn(process.execPath, [bin, '--port', '0', '--host', '0.0.0.0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ZENLAYER_MOCK_TOKENS: 'made-up-network-token' },
    })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/\S+)/.exec(output)
        if (m?.[1]) resolve(m[1])
      })
    })
    const token = /admin token \(required on \/__admin\/\): (\S+)/.exec(output)?.[1]
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(output).toContain('WARNING: listening on 0.0.0.0, beyond this machine')
    const port = new URL(url).port
    expect((await fetch(`http://127.0.0.1:${port}/__admin/state`)).status).toBe(401)
    expect(
      (await fetch(`http://127.0.0.1:${port}/__admin/state`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200)
    child.kill('SIGTERM')
    await new Promise((r) => child.on('exit', r))
  })

  it('killing the command (SIGKILL) stops the server it started', async () => {
    const child = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/\S+)/.exec(output)
        if (m?.[1]) resolve(m[1])
      })
    })
    expect((await fetch(`${url}/__admin/state`)).status).toBe(200)
    child.kill('SIGKILL')
    const deadline = Date.now() + 10_000
    let answering = true
    while (answering && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
      answering = await fetch(`${url}/__admin/state`).then(
        () => true,
        () => false,
      )
    }
    expect(answering).toBe(false)
  }, 20_000)
})

// Issue 26, items 15 and 16. Each refusal below is checked on parseArgs first:
// a refused command line never reaches main's listen, so no server starts (and
// none beyond loopback).
async function refused(args: string[], env: NodeJS.ProcessEnv = {}) {
  let thrown: unknown
  try {
    parseArgs(args, env)
  } catch (error) {
    thrown = error
  }
  expect(thrown, `parseArgs accepted ${args.length} arguments; main would start a server`).toBeInstanceOf(Error)
  return run(args, env)
}

const usage = (message: string) => ({
  code: 2,
  out: '',
  err: `zenlayer-mock: ${message}\nRun zenlayer-mock --help for the options.`,
})

const OWN = { ZENLAYER_MOCK_TOKENS: 'made-up-network-token' }
const DEFAULTS_REFUSED = (host: string) =>
  `--host ${host} is beyond loopback, where the published default credentials (mock-access-key, mock-token) are refused: give your own with --access-key or --token, their files or variables`

describe('beyond loopback, the published default credentials are refused like --no-auth', () => {
  it.each([
    [['--host', '0.0.0.0', '--port', '0'], {}, '0.0.0.0'],
    [['--host', '::', '--port', '0'], {}, '::'],
    [['--host', '0.0.0.0', '--token', 'mock-token'], {}, '0.0.0.0'],
    [['--host', '0.0.0.0', '--access-key', 'mine:mock-access-secret'], {}, '0.0.0.0'],
    [['--host', '0.0.0.0'], { ZENLAYER_MOCK_TOKENS: 'mock-token' }, '0.0.0.0'],
  ])('%j %j', async (args, env, host) => {
    expect(await refused(args, env)).toEqual(usage(DEFAULTS_REFUSED(host)))
  })

  it('credentials of your own, or --no-auth with --unsafe-no-auth-on-network, are accepted', () => {
    expect(parseArgs(['--host', '0.0.0.0'], OWN)).toMatchObject({
      credentials: { accessKeys: {}, tokens: ['made-up-network-token'] },
      adminTokenGenerated: true,
    })
    expect(parseArgs(['--host', '0.0.0.0', '--no-auth', '--unsafe-no-auth-on-network'], {})).toMatchObject({
      auth: false,
    })
    // On loopback the defaults stay the defaults.
    expect(parseArgs([], {})).toMatchObject({ credentials: { tokens: ['mock-token'] } })
  })
})

describe('a credential given empty is a mistake, not the defaults', () => {
  it.each([
    [{ ZENLAYER_MOCK_ACCESS_KEYS: '' }, 'ZENLAYER_MOCK_ACCESS_KEYS is set but empty: give id:secret,... or unset it'],
    [
      { ZENLAYER_MOCK_ACCESS_KEYS: ' , ' },
      'ZENLAYER_MOCK_ACCESS_KEYS is set but empty: give id:secret,... or unset it',
    ],
    [{ ZENLAYER_MOCK_TOKENS: '' }, 'ZENLAYER_MOCK_TOKENS is set but empty: give token,... or unset it'],
    [{ ZENLAYER_MOCK_ADMIN_TOKEN: '' }, 'ZENLAYER_MOCK_ADMIN_TOKEN is set but empty: give a token or unset it'],
  ])('%j', async (env, message) => {
    expect(await refused([], env)).toEqual(usage(message))
  })

  it('empty flags and files', async () => {
    expect(await refused(['--token='])).toEqual(usage('--token must not be empty'))
    expect(await refused(['--admin-token='])).toEqual(usage('--admin-token must not be empty'))
    const tokens = file('tokens', '# none yet\n\n')
    expect(await refused(['--token-file', tokens])).toEqual(usage(`--token-file ${tokens} has no tokens`))
    const keys = file('keys', '\n')
    expect(await refused(['--access-key-file', keys])).toEqual(usage(`--access-key-file ${keys} has no access keys`))
  })

  it('--admin-token= beyond loopback names the flag, not a library option', async () => {
    const result = await refused(['--host', '0.0.0.0', '--admin-token='], OWN)
    expect(result).toEqual(usage('--admin-token must not be empty'))
  })
})

describe('flags that could carry a secret are never echoed', () => {
  it.each([
    [['--acess-key=ak:SECRET-VALUE-123'], 'unknown option "--acess-key" (did you mean --access-key?)'],
    [['--acess-key', 'ak:SECRET-VALUE-123'], 'unknown option "--acess-key" (did you mean --access-key?)'],
    [['--admin-tokn=SECRET-VALUE-123'], 'unknown option "--admin-tokn" (did you mean --admin-token?)'],
    [['--frobnicate=SECRET-VALUE-123'], 'unknown option "--frobnicate"'],
    [['--ak:SECRET-VALUE-123'], 'unknown option (argument 1)'],
    [['--port', '0', 'ak:SECRET-VALUE-123'], 'unexpected argument 3: options start with --'],
  ])('%j', async (args, message) => {
    const result = await refused(args)
    expect(result).toEqual(usage(message))
    expect(result.err).not.toContain('SECRET')
  })
})

describe('numbers are plain decimal', () => {
  it.each(['0x1F90', '0o17', '0b11', '1e3', ' 80', '80 ', '+80', '080', '8080.0', '-1', '65536', '', '٨٠'])(
    '--port %j is refused',
    async (value) => {
      expect(await refused(['--port', value])).toEqual(
        usage(`--port must be a whole number from 0 to 65535, in plain decimal (got ${JSON.stringify(value)})`),
      )
    },
  )

  it('0, 8080 and 65535 are ports', () => {
    for (const port of [0, 8080, 65535]) expect(parseArgs(['--port', String(port)], {}).port).toBe(port)
  })
})

describe('the admin token beyond loopback', () => {
  const host = ['--host', '0.0.0.0', '--port', '0']
  it('one shorter than 16 characters is refused, from the flag, its file or its variable', async () => {
    const rule = 'must be at least 16 characters beyond loopback (on 0.0.0.0); leave it out and one is generated'
    expect(await refused([...host, '--admin-token', 'x'], OWN)).toEqual(usage(`--admin-token ${rule}`))
    expect(await refused(host, { ...OWN, ZENLAYER_MOCK_ADMIN_TOKEN: 'fifteen-chars-x' })).toEqual(
      usage(`ZENLAYER_MOCK_ADMIN_TOKEN ${rule}`),
    )
    const path = file('admin-token', 'short\n')
    expect(await refused([...host, '--admin-token-file', path], OWN)).toEqual(
      usage(`the token in --admin-token-file ${path} ${rule}`),
    )
  })

  it('16 characters beyond loopback, and any length on loopback, are accepted', () => {
    expect(parseArgs([...host, '--admin-token', 'sixteen-chars-xx'], OWN).adminToken).toBe('sixteen-chars-xx')
    expect(parseArgs(['--admin-token', 'x'], {}).adminToken).toBe('x')
  })
})

describe('files are read only when regular, and only so far', () => {
  it.each(['--access-key-file', '--token-file', '--admin-token-file'])('%s /dev/null and a folder', async (flag) => {
    expect(await refused([flag, '/dev/null'])).toEqual(usage(`${flag} /dev/null: not a regular file`))
    const folder = join(mkdtempSync(join(tmpdir(), 'zenlayer-mock-cli-')), 'folder')
    mkdirSync(folder)
    expect(await refused([flag, folder])).toEqual(usage(`${flag} ${folder}: not a regular file`))
  })

  it.each(['--access-key-file', '--token-file', '--admin-token-file'])('%s over 1 MiB', async (flag) => {
    const path = file('big', `${'made-up-id:made-up-secret-of-a-line\n'.repeat(30_000)}`)
    expect(await refused([flag, path])).toEqual(usage(`${flag} ${path}: over 1048576 bytes`))
  })

  it.each(['--access-key-file', '--token-file', '--admin-token-file', '--state'])(
    '%s /dev/zero and a FIFO are refused at once, unread',
    async (flag) => {
      const fifo = join(mkdtempSync(join(tmpdir(), 'zenlayer-mock-cli-')), 'fifo')
      execFileSync('mkfifo', [fifo])
      for (const path of ['/dev/zero', fifo]) {
        const started = performance.now()
        const result = await refused([flag, path])
        expect(result.code).toBe(2)
        expect(result.err.split('\n')[0]).toBe(`zenlayer-mock: ${flag} ${path}: not a regular file`)
        expect(performance.now() - started).toBeLessThan(5_000)
      }
    },
  )

  it('--state /dev/null: not a regular file, exit 2', async () => {
    expect(await refused(['--state', '/dev/null'])).toEqual({
      code: 2,
      out: '',
      err: 'zenlayer-mock: --state /dev/null: not a regular file',
    })
  })
})
