import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { EXIT_AFTER_MS, main } from '../src/main.js'

function io() {
  const stdout = new PassThrough()
  let out = ''
  stdout.setEncoding('utf8').on('data', (t: string) => {
    out += t
  })
  const err: string[] = []
  return {
    io: { env: {}, home: '/nonexistent', stdin: new PassThrough(), stdout, stderr: (line: string) => err.push(line) },
    out: () => out,
    err,
  }
}

describe('--version', () => {
  it('prints the name and version of the package.json it is given (the generated package), on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zr-mcp-manifest-'))
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@zenlayer-reset/mcp', version: '7.8.9' }))
    const t = io()
    expect(await main({}, ['--version'], { io: t.io, manifest: pathToFileURL(join(dir, 'package.json')) })).toBe(0)
    await new Promise((resolve) => setImmediate(resolve))
    expect(t.out()).toBe('@zenlayer-reset/mcp 7.8.9\n')
    expect(t.err).toEqual([])
  })

  it('is exit 1, one line, with no manifest to read', async () => {
    const t = io()
    expect(await main({}, ['--version'], { io: t.io })).toBe(1)
    expect(t.err).toEqual(['zenlayer-reset-mcp: cannot tell its version: its package.json is unreadable'])
  })
})

describe('a client that goes away', () => {
  it('ends the server with one line when writing to it fails (EPIPE), never an unhandled error', async () => {
    const t = io()
    const index = {}
    const running = main(index, [], { io: t.io })
    await new Promise((resolve) => setTimeout(resolve, 50))
    t.io.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
    expect(await running).toBe(0)
    expect(t.err.at(-1)).toBe('zenlayer-reset-mcp: the client closed the connection (EPIPE); stopping')
  })
})

describe('a client that goes away, told in one line', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const started = () => new Promise((resolve) => setTimeout(resolve, 50))
  const gone = (err: readonly string[]) => err.filter((line) => line.includes('closed the connection'))

  it('stdin closed (the client ended it): one line, exit 0', async () => {
    const t = io()
    const running = main({}, [], { io: t.io })
    await started()
    t.io.stdin.end()
    expect(await running).toBe(0)
    expect(t.err.at(-1)).toBe('zenlayer-reset-mcp: the client closed the connection (stdin closed); stopping')
  })

  it('several signs of the same loss (EPIPE, then stdin ending): still one line, the first reason', async () => {
    const t = io()
    const running = main({}, [], { io: t.io })
    await started()
    t.io.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
    t.io.stdout.emit('error', Object.assign(new Error('write after end'), { code: 'ERR_STREAM_DESTROYED' }))
    t.io.stdin.end()
    expect(await running).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(gone(t.err)).toEqual(['zenlayer-reset-mcp: the client closed the connection (EPIPE); stopping'])
  })

  it('a failed read of stdin is the client gone too, never an unhandled error', async () => {
    const t = io()
    const running = main({}, [], { io: t.io })
    await started()
    t.io.stdin.emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))
    expect(await running).toBe(0)
    expect(gone(t.err)).toEqual(['zenlayer-reset-mcp: the client closed the connection (stdin: ECONNRESET); stopping'])
  })

  it('then the process is ended if it does not end by itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const t = io()
    const exits: number[] = []
    const running = main({}, [], { io: { ...t.io, exit: (code) => exits.push(code) } })
    await vi.advanceTimersByTimeAsync(50)
    t.io.stdin.end()
    expect(await running).toBe(0)
    expect(exits).toEqual([])
    await vi.advanceTimersByTimeAsync(EXIT_AFTER_MS)
    expect(exits).toEqual([0])
  })
})
