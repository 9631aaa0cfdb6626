// Issue 14, the command: each mistake with its exact message, credentials
// without the command line, the admin token beyond loopback, and the server
// stopping when the process that started it goes away.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
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
    [['--seed', 'x'], '--seed must be a whole number from 0 to 4294967295 (got "x")'],
    [['--seed=1.5'], '--seed must be a whole number from 0 to 4294967295 (got "1.5")'],
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
    [['--max-history', '2'], '--max-history must be a whole number from 4 to 10000000 (got "2")'],
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
    ['[]', 'state.json must be an object keyed by service (zec, vm) (got a list)'],
    [
      '{"zec":{"instances":[{"instanceId":"a","status":"BANANA"}]}}',
      'state.json.zec.instances[0].status must be one of PENDING, DEPLOYING',
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
    ['{"bmc":{}}', 'state.json: unknown service "bmc"; the services are zec, vm'],
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
    const result = await run(['--port', '0', '--host', '203.0.113.7', '--admin-token', 'x'])
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
    const child = spawn(process.execPath, [bin, '--port', '0', '--host', '0.0.0.0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
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
