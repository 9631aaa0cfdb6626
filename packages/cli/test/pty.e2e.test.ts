// The interactive parts in a real pseudo-terminal (util-linux `script` gives
// the bin a pty for stdin, stdout and stderr): the confirmation prompt, the
// progress line redrawn in place and erased, and Ctrl-C typed on the
// terminal (the pty's line discipline sends SIGINT, as a user's keyboard does).
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, CREDENTIALS, idsFile, type Mock, mock, resetsOf, scratch } from './helpers.js'

const hasScript = spawnSync('script', ['--version']).status === 0

interface Session {
  readonly output: () => string
  readonly type: (text: string) => void
  readonly done: Promise<number | null>
  readonly waitFor: (pattern: RegExp, ms?: number) => Promise<void>
}

/** `pipedFrom`: a file `cat` pipes to the bin's stdin; the pty stays its controlling terminal (/dev/tty). */
function inPty(args: readonly string[], cwd: string, nodeArgs: readonly string[] = [], pipedFrom?: string): Session {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`
  const quoted = [process.execPath, ...nodeArgs, BIN, ...args].map(quote).join(' ')
  const command = pipedFrom === undefined ? `exec ${quoted}` : `cat ${quote(pipedFrom)} | ${quoted}`
  const child = spawn('script', ['-q', '-e', '-c', `stty cols 200; ${command}`, '/dev/null'], {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      SHELL: '/bin/sh',
      TERM: 'xterm',
      ZENLAYER_CONFIG_DIR: `${cwd}/none`,
      ...CREDENTIALS,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  const waiters: (() => void)[] = []
  child.stdout.setEncoding('utf8').on('data', (t: string) => {
    out += t
    for (const w of waiters.splice(0)) w()
  })
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return {
    output: () => out,
    type: (text) => child.stdin.write(text),
    done,
    waitFor: async (pattern, ms = 20_000) => {
      const deadline = Date.now() + ms
      while (!pattern.test(out)) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${pattern} in ${JSON.stringify(out.slice(-500))}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
    },
  }
}

const escapeRegExp = (text: string) => text.replace(/[[\]\\^$.|?*+(){}]/g, '\\$&')

let server: Mock
const IDS = Array.from({ length: 5 }, (_, i) => `p-${i}`)
const MANY = Array.from({ length: 1000 }, (_, i) => `q-${i}`)
const HELD = Array.from({ length: 40 }, (_, i) => `h-${i}`)
const PIPED = Array.from({ length: 5 }, (_, i) => `s-${i}`)
const STOPPED_AT_QUESTION = Array.from({ length: 5 }, (_, i) => `c-${i}`)
const IGNORES_ABORT = fileURLToPath(new URL('./fixtures/fetch-ignores-abort.mjs', import.meta.url))

beforeAll(async () => {
  server = await mock({
    zec: {
      instances: [...IDS, ...MANY, ...HELD, ...PIPED, ...STOPPED_AT_QUESTION].map((instanceId) => ({ instanceId })),
    },
  })
})
afterAll(async () => {
  await server.close()
})

describe.skipIf(!hasScript)('on a terminal', () => {
  it('refuses when the typed count is wrong, sending nothing', async () => {
    const dir = scratch({ 'ids.txt': idsFile(IDS) })
    const s = inPty(['zec', 'reset-instances', '--instance-ids-file', 'ids.txt', '--endpoint', server.url], dir)
    await s.waitFor(/Type 5 to go on: /)
    expect(s.output()).toMatch(
      /ResetInstances \(zec\) reinstalls the OS of 5 instances .* as access key mock-access-key/,
    )
    s.type('y\r')
    expect(await s.done).toBe(2)
    expect(s.output()).toMatch(/not confirmed \(the answer was not 5\); nothing was sent/)
    expect([...resetsOf(server, 'zec', IDS, 'DEPLOYING').values()]).toEqual([0, 0, 0, 0, 0])
  }, 30_000)

  it('goes on when the count is typed back, with a live progress line erased before the table', async () => {
    const dir = scratch({ 'ids.txt': idsFile(IDS) })
    const s = inPty(['zec', 'reset-instances', '--instance-ids-file', 'ids.txt', '--endpoint', server.url], dir)
    await s.waitFor(/Type 5 to go on: /)
    s.type('5\r')
    expect(await s.done).toBe(0)
    const out = s.output()
    // Redrawn in place: carriage return and erase-line, never a newline per event.
    const ERASE = '\r\u001b[2K'
    expect(out).toMatch(new RegExp(`${escapeRegExp(ERASE)}sent \\d+/5 \\| accepted \\d+`))
    // Erased before the report, which is a table on a terminal.
    expect(out).toContain(`${ERASE}INSTANCE  OUTCOME  STATUS   DETAIL`)
    expect(out).toMatch(/zec ResetInstances: 5 reset/)
    expect([...resetsOf(server, 'zec', IDS, 'DEPLOYING').values()]).toEqual([1, 1, 1, 1, 1])
  }, 30_000)

  it('is 130 on Ctrl-C at the question, sending nothing', async () => {
    const dir = scratch({ 'ids.txt': idsFile(STOPPED_AT_QUESTION) })
    const s = inPty(['zec', 'reset-instances', '--instance-ids-file', 'ids.txt', '--endpoint', server.url], dir)
    await s.waitFor(/Type 5 to go on: /)
    s.type('\x03')
    expect(await s.done).toBe(130)
    expect(s.output()).toMatch(/zenlayer-reset: interrupted at the confirmation; nothing was sent/)
    expect([...resetsOf(server, 'zec', STOPPED_AT_QUESTION, 'DEPLOYING').values()]).toEqual([0, 0, 0, 0, 0])
  }, 30_000)

  describe('with the ids piped on stdin, asks on the controlling terminal (/dev/tty)', () => {
    const piped = (dir: string) =>
      inPty(
        ['zec', 'reset-instances', '--instance-ids-file', '-', '--endpoint', server.url, '-o', 'json'],
        dir,
        [],
        'ids.txt',
      )

    it('refuses a wrong count, and Ctrl-C there is 130: nothing sent', async () => {
      const dir = scratch({ 'ids.txt': idsFile(PIPED) })
      const wrong = piped(dir)
      await wrong.waitFor(/Type 5 to go on: /)
      expect(wrong.output()).toMatch(
        /ResetInstances \(zec\) reinstalls the OS of 5 instances .* as access key mock-access-key/,
      )
      wrong.type('4\r')
      expect(await wrong.done).toBe(2)
      expect(wrong.output()).toMatch(/not confirmed \(the answer was not 5\); nothing was sent/)
      const interrupted = piped(dir)
      await interrupted.waitFor(/Type 5 to go on: /)
      interrupted.type('\x03')
      expect(await interrupted.done).toBe(130)
      expect(interrupted.output()).toMatch(/interrupted at the confirmation; nothing was sent/)
      expect([...resetsOf(server, 'zec', PIPED, 'DEPLOYING').values()]).toEqual([0, 0, 0, 0, 0])
    }, 30_000)

    it('goes on when the count is typed back there, every piped id reset once', async () => {
      const dir = scratch({ 'ids.txt': idsFile(PIPED) })
      const s = piped(dir)
      await s.waitFor(/Type 5 to go on: /)
      s.type('5\r')
      expect(await s.done).toBe(0)
      const out = s.output()
      expect(JSON.parse(out.slice(out.indexOf('{'))).totals).toMatchObject({ reset: 5 })
      expect([...resetsOf(server, 'zec', PIPED, 'DEPLOYING').values()]).toEqual([1, 1, 1, 1, 1])
    }, 30_000)
  })

  it('stops on Ctrl-C typed mid-fleet and reports every id, exit 130', async () => {
    server.hub.mocks.zec?.faults.latency(1000)
    try {
      const dir = scratch({ 'ids.txt': idsFile(MANY) })
      const s = inPty(
        ['zec', 'reset-instances', '--instance-ids-file', 'ids.txt', '--yes', '--endpoint', server.url],
        dir,
      )
      await s.waitFor(/sent [1-9]\d*\/1000/)
      s.type('\x03')
      expect(await s.done).toBe(130)
      const out = s.output()
      expect(out).toMatch(/interrupted: no new sends/)
      expect(out).toMatch(/not-sent/)
      const report = out.slice(out.indexOf('INSTANCE'))
      for (const id of MANY) expect(report).toMatch(new RegExp(`\\n${id} +`))
      expect([...resetsOf(server, 'zec', MANY, 'DEPLOYING').values()].filter((n) => n > 1)).toEqual([])
    } finally {
      server.hub.mocks.zec?.faults.latency(0)
    }
  }, 30_000)

  it('exits at once on a second Ctrl-C while the report waits, one line pointing at the journal, exit 130', async () => {
    // The reset call is held by the server, and this fetch does not give up on it when Ctrl-C aborts it:
    // the report waits for that call, unless the user presses Ctrl-C again.
    server.hub.mocks.zec?.faults.latency(8000)
    try {
      const dir = scratch({ 'ids.txt': idsFile(HELD) })
      const s = inPty(
        [
          'zec',
          'reset-instances',
          '--instance-ids-file',
          'ids.txt',
          '--yes',
          '--journal',
          'run.journal',
          '--endpoint',
          server.url,
        ],
        dir,
        ['--import', IGNORES_ABORT],
      )
      await s.waitFor(/sent 40\/40/)
      s.type('\x03')
      await s.waitFor(/Ctrl-C again to exit now/)
      s.type('\x03')
      expect(await s.done).toBe(130)
      const out = s.output()
      const line = out.split(/\r?\n/).find((l) => l.includes('interrupted again')) ?? ''
      expect(line).toMatch(
        /^(\^C)?zenlayer-reset: interrupted again: exiting now, without the report; outcomes may be incomplete\. The journal .*run\.journal holds every id sent; rerun the same command with --journal .*run\.journal to resume/,
      )
      // No report: the process did not wait for the held call.
      expect(out).not.toMatch(/INSTANCE +OUTCOME/)
      // What was sent was journalled before it left.
      const journal = readFileSync(join(dir, 'run.journal'), 'utf8')
      for (const id of HELD) expect(journal).toContain(JSON.stringify(id))
      expect(journal).not.toContain('mock-access-secret')
    } finally {
      server.hub.mocks.zec?.faults.latency(0)
    }
  }, 30_000)
})
