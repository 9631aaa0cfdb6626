import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { describe, expect, it } from 'vitest'
import { missingNodeFlags } from '../src/node-flags.js'

const bin = fileURLToPath(new URL('../bin/zenlayer-mock.js', import.meta.url))

function start(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env })
  let output = ''
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString()
  })
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 10_000)
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, url, exited, output: () => output }
}

describe('zenlayer-mock', () => {
  it('serves a seed file with given credentials, says where it listens, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zenlayer-mock-'))
    const stateFile = join(dir, 'state.json')
    writeFileSync(stateFile, JSON.stringify({ zec: { instances: [{ instanceId: 'cli-1' }] } }))
    const server = start(['--port', '0', '--state', stateFile, '--access-key', 'ci-key:ci-secret', '--seed', '7'])
    const url = await server.url
    const zec = createZecClient({ baseUrl: url, credentials: { accessKeyId: 'ci-key', accessKeySecret: 'ci-secret' } })
    const result = await zec.resetInstances({ instanceIds: ['cli-1'] })
    expect(result.succeededInstanceIds).toEqual(['cli-1'])
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.output()).toContain('stopping')
    expect(server.output()).not.toContain('ci-secret')
  })

  it('stops on SIGINT too', async () => {
    const server = start(['--port', '0', '--no-auth'])
    await server.url
    server.child.kill('SIGINT')
    expect(await server.exited).toBe(0)
  })

  it.each([
    [['--port', 'abc'], 'zenlayer-mock: --port must be a whole number from 0 to 65535, in plain decimal (got "abc")'],
    [
      ['--progression', 'sometimes'],
      'zenlayer-mock: --progression must be a whole number from 0 to 86400000, in plain decimal (got "sometimes")',
    ],
    [['--frobnicate'], 'zenlayer-mock: unknown option "--frobnicate"'],
  ])('refuses %j with one line and exit 2, no usage dump', async (args, line) => {
    const server = start(args)
    expect(await server.exited).toBe(2)
    expect(server.output()).toBe(`${line}\nRun zenlayer-mock --help for the options.\n`)
  })
})

describe('node flags of the server', () => {
  it.each([
    [[], ['--max-semi-space-size=64']],
    [['--max-semi-space-size=16'], []],
    [['--max-semi-space-size', '16'], []],
    [['--inspect'], []],
    [['--inspect-brk=9230'], []],
    [['--enable-source-maps'], ['--max-semi-space-size=64']],
  ])('a process started with %j starts the server again with %j', (execArgv, missing) => {
    expect(missingNodeFlags(execArgv)).toEqual(missing)
  })

  it('the command answers and stops as before with the server in a child process', async () => {
    const server = start(['--port', '0', '--no-auth'])
    const url = await server.url
    const flags = (await (await fetch(`${url}/__admin/state`)).json()) as Record<string, unknown>
    expect(flags).toHaveProperty('zec')
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    // One "stopping" line: the forwarded signal does not stop the server twice.
    expect(server.output().match(/stopping/g)).toHaveLength(1)
  })
})
