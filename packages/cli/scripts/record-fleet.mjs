#!/usr/bin/env node
// Records the README's terminal session: a fleet reinstall from a file of ids,
// run by the built bin in a real pseudo-terminal (util-linux `script
// --log-timing`) against zenlayer-mock in this process, the count typed back
// at the prompt; then converts the recording to asciicast v2
// (docs/fleet-reinstall.cast, played by asciinema). Re-run after a change to
// what the command prints: `npm run build`, then `node scripts/record-fleet.mjs`.
//
// The fleet: 300 instances, 3 already running (refused), one whose reinstall
// fails. The password is read from a file and never shown; the recording is
// checked for it, and for the mock's access key secret, before it is written.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMockServer } from '@zenlayer-reset/mock-server'

const BIN = fileURLToPath(new URL('../bin/zenlayer-reset.js', import.meta.url))
const OUT = fileURLToPath(new URL('../docs/fleet-reinstall.cast', import.meta.url))
const WIDTH = 110
const HEIGHT = 32
const PASSWORD = 'Rec0rd-pw~7Kq2'
const KEY = { id: 'mock-access-key', secret: 'mock-access-secret' }

const ids = Array.from({ length: 300 }, (_, i) => `web-${String(i).padStart(3, '0')}`)
const running = new Set(['web-042', 'web-137', 'web-251'])
const failing = 'web-007'

const dir = mkdtempSync(join(tmpdir(), 'zr-record-'))
mkdirSync(join(dir, 'bin'))
// As an installed bin: the command the operator types.
writeFileSync(join(dir, 'bin', 'zenlayer-reset'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, {
  mode: 0o755,
})
writeFileSync(join(dir, 'fleet.txt'), `# web tier, rebuilt from ubuntu\n${ids.join('\n')}\n`)
writeFileSync(join(dir, 'pw.txt'), `${PASSWORD}\n`)

// Each transitional status lasts a moment, so that the live line has something to show.
const mock = await startMockServer({
  port: 0,
  progression: 400,
  state: {
    zec: {
      instances: ids.map((instanceId) => ({ instanceId, ...(running.has(instanceId) ? { status: 'RUNNING' } : {}) })),
    },
  },
})
mock.hub.mocks.zec?.faults.failNextReset(failing)

const command = `zenlayer-reset zec reset-instances --instance-ids-file fleet.txt --password-file pw.txt --endpoint ${mock.url}`
const session = [
  `stty cols ${WIDTH} rows ${HEIGHT}`,
  `printf '$ %s\\n' '${command}'`,
  command,
  'code=$?',
  `printf '$ echo $?\\n%s\\n' "$code"`,
].join('; ')

const timing = join(dir, 'timing.log')
const typescript = join(dir, 'session.log')
const child = spawn('script', ['-q', '-e', '--log-timing', timing, '--log-out', typescript, '-c', session], {
  cwd: dir,
  env: {
    PATH: `${join(dir, 'bin')}:/usr/bin:/bin`,
    HOME: dir,
    SHELL: '/bin/sh',
    TERM: 'xterm-256color',
    ZENLAYER_CONFIG_DIR: join(dir, 'no-profile'),
    ZENLAYERCLOUD_SECRET_KEY_ID: KEY.id,
    ZENLAYERCLOUD_SECRET_KEY_PASSWORD: KEY.secret,
  },
  stdio: ['pipe', 'pipe', 'inherit'],
})
let seen = ''
let typed = false
child.stdout.setEncoding('utf8').on('data', (text) => {
  seen += text
  if (process.env.RECORD_DEBUG) process.stderr.write(text)
  // The operator reads the question, then types the count back.
  if (!typed && seen.includes('Type 300 to go on: ')) {
    typed = true
    setTimeout(() => child.stdin.write('300\r'), 1200)
  }
})
const code = await new Promise((resolve) => child.on('close', resolve))
await mock.close()
if (!typed) throw new Error(`no confirmation prompt was shown:\n${seen}`)

writeFileSync(OUT, toAsciicast(readFileSync(timing, 'utf8'), readFileSync(typescript)))
const cast = readFileSync(OUT, 'utf8')
for (const secret of [PASSWORD, KEY.secret])
  if (cast.includes(secret)) throw new Error(`the recording shows a secret; ${OUT} must not be committed`)
console.log(`${OUT}: ${cast.split('\n').length - 2} events; the run ended with script exit ${code}`)

/**
 * asciicast v2 from `script`'s timing (one "<delay> <bytes>" line per chunk of
 * output, or "O <delay> <bytes>" in its multi-stream format) and its log,
 * whose header line ("Script started on ...") and footer the timing does not
 * count. Delays are rounded to the millisecond; a UTF-8 character split across
 * two chunks is decoded whole.
 */
function toAsciicast(timingText, log) {
  const start = log.indexOf(0x0a) + 1
  const decoder = new TextDecoder('utf-8')
  const lines = [
    JSON.stringify({ version: 2, width: WIDTH, height: HEIGHT, env: { SHELL: '/bin/sh', TERM: 'xterm-256color' } }),
  ]
  let offset = start
  let clock = 0
  for (const line of timingText.split('\n')) {
    const fields = line.trim().split(/\s+/)
    if (fields.length < 2 || fields[0] === '') continue
    const [type, delay, bytes] = /^[0-9.]+$/.test(fields[0]) ? ['O', fields[0], fields[1]] : fields
    if (type !== 'O') continue
    clock += Number(delay)
    const chunk = log.subarray(offset, offset + Number(bytes))
    offset += Number(bytes)
    const text = decoder.decode(chunk, { stream: true })
    if (text !== '') lines.push(JSON.stringify([Math.round(clock * 1000) / 1000, 'o', text]))
  }
  return `${lines.join('\n')}\n`
}
