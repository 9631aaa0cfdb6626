// The built bin against zenlayer-mock over HTTP: fleets with refusals, rate
// limiting and injected failures, every exit code, dry run and confirmation,
// and no instance ever reset twice (counted on the mock).
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idsFile, type Mock, mock, PASSWORD, resetsOf, run, scratch, USER_DATA } from './helpers.js'

const ZEC = Array.from({ length: 1000 }, (_, i) => `zec-${String(i).padStart(4, '0')}`)
const RUNNING = new Set(ZEC.filter((_, i) => i % 40 === 7)) // 25 already running: refused
const FAILING = ZEC.filter((_, i) => i % 50 === 3) // 20 whose reinstall fails
const VM = Array.from({ length: 100 }, (_, i) => `vm-${i}`)
const VM_RUNNING = ['vm-why-1', 'vm-why-2'] // refused: the server says why
const ECHOES_SECRETS = fileURLToPath(new URL('./fixtures/fetch-echoes-secrets.mjs', import.meta.url))

let server: Mock
let endpoint: string

beforeAll(async () => {
  server = await mock({
    zec: {
      instances: ZEC.map((instanceId) => ({ instanceId, ...(RUNNING.has(instanceId) ? { status: 'RUNNING' } : {}) })),
    },
    vm: {
      instances: [
        ...VM.map((instanceId, i) => ({ instanceId, ...(i % 25 === 4 ? { status: 'RUNNING' } : {}) })),
        { instanceId: 'vm-why-0' },
        ...VM_RUNNING.map((instanceId) => ({ instanceId, status: 'RUNNING' })),
      ],
    },
  })
  endpoint = server.url
})
afterAll(async () => {
  await server.close()
})

const secretsAbsent = (text: string) => {
  expect(text).not.toContain(PASSWORD)
  expect(text).not.toContain(USER_DATA)
}

describe('nothing is sent', () => {
  it('by --dry-run: the plan, secrets masked, exit 0, no reset on the mock', async () => {
    const dir = scratch({ 'ids.txt': idsFile(ZEC), pw: `${PASSWORD}\n`, ud: USER_DATA })
    const ran = await run(
      [
        'zec',
        'reset-instances',
        '--instance-ids-file',
        'ids.txt',
        '--password-file',
        'pw',
        '--user-data-file',
        'ud',
        '--dry-run',
        '--endpoint',
        endpoint,
        '-o',
        'json',
      ],
      { cwd: dir },
    )
    expect(ran.code).toBe(0)
    const plan = JSON.parse(ran.stdout)
    expect(plan.batches).toHaveLength(10)
    expect(plan.batches[0].body).toMatchObject({ password: '***', userData: '***' })
    expect(plan.batches[9].ids).toEqual(ZEC.slice(900))
    secretsAbsent(ran.stdout + ran.stderr)
    expect([...resetsOf(server, 'zec', ZEC, 'DEPLOYING').values()].every((n) => n === 0)).toBe(true)
  })

  it('without a terminal and without --yes: exit 2, no reset', async () => {
    const ran = await run([
      'zec',
      'reset-instances',
      '--instance-ids',
      ZEC.slice(0, 3).join(','),
      '--endpoint',
      endpoint,
    ])
    expect(ran.code).toBe(2)
    expect(ran.stderr).toMatch(/refusing to run ResetInstances \(zec\) on 3 instances without confirmation/)
    expect(ran.stdout).toBe('')
    expect([...resetsOf(server, 'zec', ZEC.slice(0, 3), 'DEPLOYING').values()]).toEqual([0, 0, 0])
  })

  it('with the ids on stdin and no controlling terminal (a session of its own, as in CI): exit 2, naming --yes', async () => {
    const ids = ZEC.slice(3, 6)
    const ran = await run(['zec', 'reset-instances', '--instance-ids-file', '-', '--endpoint', endpoint], {
      stdin: idsFile(ids),
    })
    expect(ran.code).toBe(2)
    expect(ran.stderr).toBe(
      'zenlayer-reset: refusing to run ResetInstances (zec) on 3 instances without confirmation: no terminal to ask on (stdin is the input, and there is no controlling terminal); pass --yes to confirm. Nothing was sent.\n',
    )
    expect(ran.stdout).toBe('')
    expect([...resetsOf(server, 'zec', ids, 'DEPLOYING').values()]).toEqual([0, 0, 0])
  })

  it('on a usage or validation error (exit 2) and without credentials (exit 4)', async () => {
    const stray = await run([
      'zec',
      'reset-instances',
      '--instance-ids',
      'zec-0000',
      '--enable-agent',
      'true',
      '--yes',
      '--endpoint',
      endpoint,
    ])
    expect([stray.code, stray.stderr]).toEqual([2, expect.stringMatching(/unexpected "true" after --enable-agent/)])
    const invalid = await run([
      'zec',
      'reset-instances',
      '--instance-ids',
      'zec-0000',
      '--instance-name',
      'x',
      '--yes',
      '--endpoint',
      endpoint,
    ])
    expect([invalid.code, invalid.stderr]).toEqual([2, expect.stringMatching(/--instance-name: instanceName must/)])
    const noKey = await run(['zec', 'reset-instances', '--instance-ids', 'zec-0000', '--yes', '--endpoint', endpoint], {
      env: { ZENLAYERCLOUD_SECRET_KEY_ID: undefined, ZENLAYERCLOUD_SECRET_KEY_PASSWORD: undefined },
    })
    expect([noKey.code, noKey.stderr]).toEqual([4, expect.stringMatching(/^zenlayer-reset: no credentials/)])
    const http = await run([
      'zec',
      'reset-instances',
      '--instance-ids',
      'zec-0000',
      '--yes',
      '--endpoint',
      'http://example.com',
    ])
    expect([http.code, http.stderr]).toEqual([
      4,
      expect.stringMatching(/--endpoint uses plain http to a host that is not loopback/),
    ])
    expect(resetsOf(server, 'zec', ['zec-0000'], 'DEPLOYING').get('zec-0000')).toBe(0)
  })
})

describe('a fleet of 1,000 zec instances with refusals, rate limiting and failures', () => {
  it('resets each once, reports every id, exit 1; a rerun resets none again', async () => {
    const zec = server.hub.mocks.zec
    zec?.faults.failNextReset(...FAILING)
    zec?.faults.rateLimit(4)
    const dir = scratch({ 'ids.txt': idsFile(ZEC), pw: `${PASSWORD}\n` })
    const args = [
      'zec',
      'reset-instances',
      '--instance-ids-file',
      'ids.txt',
      '--password-file',
      'pw',
      '--yes',
      '--endpoint',
      endpoint,
      '-o',
      'json',
    ]
    const ran = await run(args, { cwd: dir })
    expect(ran.code).toBe(1)
    const report = JSON.parse(ran.stdout)
    expect(Object.keys(report.outcomes)).toHaveLength(1000)
    expect(report.totals).toMatchObject({
      reset: 1000 - RUNNING.size - FAILING.length,
      refused: RUNNING.size,
      failed: FAILING.length,
      unknown: 0,
    })
    for (const id of RUNNING) expect(report.outcomes[id].outcome).toBe('refused')
    for (const id of FAILING) expect(report.outcomes[id]).toEqual({ outcome: 'failed', status: 'REINSTALL_FAILED' })
    // Progress: one JSON event a line on stderr, rate limiting among them.
    const events = ran.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(events.some((e) => e.type === 'rate-limited')).toBe(true)
    // A rate-limited call is sent again (the server proved it did nothing): the set of ids sent is the fleet.
    expect([...new Set(events.filter((e) => e.type === 'sent').flatMap((e) => e.ids))].sort()).toEqual([...ZEC].sort())
    secretsAbsent(ran.stdout + ran.stderr)
    const once = resetsOf(server, 'zec', ZEC, 'DEPLOYING')
    for (const id of ZEC) expect(once.get(id), id).toBe(RUNNING.has(id) ? 0 : 1)

    zec?.faults.clear()
    const again = await run(args, { cwd: dir })
    expect(again.code).toBe(1)
    expect(JSON.parse(again.stdout).totals).toMatchObject({ refused: 1000, reset: 0 })
    const twice = resetsOf(server, 'zec', ZEC, 'DEPLOYING')
    expect([...twice.values()].filter((n) => n > 1)).toEqual([])
  }, 120_000)
})

describe('a fleet of 100 vm instances with refusals and rate limiting', () => {
  it('is sent one id a call, each reset once, followed to RUNNING, exit 1, a table on request', async () => {
    const vm = server.hub.mocks.vm
    const running = VM.filter((_, i) => i % 25 === 4)
    // No injected failure here: a vm whose reset fails goes back to STOPPED, which the waiter can tell from a
    // reset never started only after its grace (two minutes); the zec fleet above covers failures.
    vm?.faults.rateLimit(25)
    try {
      const dir = scratch({ 'ids.txt': idsFile(VM) })
      const ran = await run(
        ['vm', 'reset-instance', '--instance-ids-file', 'ids.txt', '--yes', '--endpoint', endpoint, '-o', 'table'],
        { cwd: dir },
      )
      expect(ran.code).toBe(1)
      expect(ran.stdout).toMatch(/^INSTANCE {2}OUTCOME {2}STATUS {3}DETAIL\nvm-0 {6}reset {4}RUNNING\n/)
      // The server's sentence between the code and the request id.
      expect(ran.stdout).toMatch(
        /\nvm-4 {6}refused {11}OPERATION_DENIED_INSTANCE_NOT_STOPPED; ResetInstance refused for instance vm-4: .{20,}; [\w-]+\n/,
      )
      expect(ran.stdout).toMatch(/vm ResetInstance: 4 refused, 96 reset; \d+ reset calls/)
      expect(ran.stderr).toMatch(/"type":"rate-limited"/)
      const counts = resetsOf(server, 'vm', VM, 'REBUILDING')
      for (const id of VM) expect(counts.get(id), id).toBe(running.includes(id) ? 0 : 1)
    } finally {
      vm?.faults.clear()
    }
  }, 60_000)

  it("gives a refused id's reason, the server's sentence, in the JSON and the table, secrets masked even when the server quotes them", async () => {
    const dir = scratch({ 'ids.txt': idsFile(['vm-why-0', ...VM_RUNNING]), pw: `${PASSWORD}\n` })
    const args = [
      'vm',
      'reset-instance',
      '--instance-ids-file',
      'ids.txt',
      '--password-file',
      'pw',
      '--yes',
      '--no-wait',
    ]
    const options = { cwd: dir, nodeArgs: ['--import', ECHOES_SECRETS] }
    const json = await run([...args, '--endpoint', endpoint, '-o', 'json'], options)
    expect(json.code).toBe(1)
    const { outcomes } = JSON.parse(json.stdout)
    expect(outcomes['vm-why-0']).toEqual({ outcome: 'accepted' })
    for (const id of VM_RUNNING)
      expect(outcomes[id]).toEqual({
        outcome: 'refused',
        code: 'OPERATION_DENIED_INSTANCE_NOT_STOPPED',
        requestId: expect.any(String),
        reason: expect.stringMatching(
          new RegExp(
            `^ResetInstance refused for instance ${id}: .*\\(you sent password \\*\\*\\*, key secret \\*\\*\\*\\)$`,
          ),
        ),
      })
    secretsAbsent(json.stdout + json.stderr)
    expect(json.stdout + json.stderr).not.toContain('mock-access-secret')
    // The table: the sentence clipped to a sane width, the request id whole.
    const table = await run([...args, '--endpoint', endpoint, '-o', 'table'], options)
    const row = table.stdout.split('\n').find((line) => line.startsWith('vm-why-1 ')) ?? ''
    expect(row).toMatch(
      /^vm-why-1 +refused +OPERATION_DENIED_INSTANCE_NOT_STOPPED; ResetInstance refused for instance vm-why-1: .{20,}\.\.\.; [\w-]{8,}$/,
    )
    secretsAbsent(table.stdout + table.stderr)
    expect(table.stdout + table.stderr).not.toContain('mock-access-secret')
  }, 30_000)

  it('never prints a secret with --debug (requests and responses on stderr, masked)', async () => {
    const dir = scratch({ pw: `${PASSWORD}\n` })
    const ran = await run(
      [
        'vm',
        'reset-instance',
        '--instance-id',
        'vm-4',
        '--password-file',
        'pw',
        '--yes',
        '--no-wait',
        '--debug',
        '--endpoint',
        endpoint,
      ],
      { cwd: dir },
    )
    expect(ran.stderr).toMatch(/^debug: \{"type":"request","service":"vm","action":"ResetInstance"/m)
    expect(ran.stderr).toContain('"password":"***"')
    secretsAbsent(ran.stdout + ran.stderr)
  }, 30_000)
})

describe('waiting', () => {
  it('is exit 3 when an instance is still in flight at --max-wait; --no-wait is exit 0 once accepted', async () => {
    const slow = await mock({ zec: { instances: [{ instanceId: 'a' }, { instanceId: 'b' }] } }, 'manual')
    try {
      const waited = await run([
        'zec',
        'reset-instances',
        '--instance-ids',
        'a',
        '--yes',
        '--max-wait',
        '1',
        '--endpoint',
        slow.url,
        '-o',
        'json',
      ])
      expect(waited.code).toBe(3)
      expect(JSON.parse(waited.stdout).outcomes.a).toMatchObject({ outcome: 'pending', status: 'DEPLOYING' })
      const accepted = await run([
        'zec',
        'reset-instances',
        '--instance-ids',
        'b',
        '--yes',
        '--no-wait',
        '--endpoint',
        slow.url,
        '-o',
        'json',
      ])
      expect(accepted.code).toBe(0)
      expect(JSON.parse(accepted.stdout).outcomes.b).toEqual({ outcome: 'accepted' })
    } finally {
      await slow.close()
    }
  }, 60_000)
})

describe('Ctrl-C mid-fleet', () => {
  it('stops new sends at once, reports every id (not-sent included), exit 130, no reset twice', async () => {
    const ids = Array.from({ length: 600 }, (_, i) => `c-${i}`)
    const slow = await mock({ zec: { instances: ids.map((instanceId) => ({ instanceId })) } })
    slow.hub.mocks.zec?.faults.latency(400)
    try {
      const dir = scratch({ 'ids.txt': idsFile(ids) })
      let sent = false
      const ran = await run(
        ['zec', 'reset-instances', '--instance-ids-file', 'ids.txt', '--yes', '--endpoint', slow.url, '-o', 'json'],
        {
          cwd: dir,
          onStderr: (text, kill) => {
            if (!sent && text.includes('"type":"sent"')) {
              sent = true
              kill('SIGINT')
            }
          },
        },
      )
      expect(ran.code).toBe(130)
      const report = JSON.parse(ran.stdout)
      expect(report.interrupted).toBe(true)
      expect(Object.keys(report.outcomes).sort()).toEqual([...ids].sort())
      expect(report.totals['not-sent']).toBeGreaterThan(0)
      expect(ran.stderr).toMatch(/interrupted: no new sends/)
      const counts = resetsOf(slow, 'zec', ids, 'DEPLOYING')
      expect([...counts.values()].filter((n) => n > 1)).toEqual([])
      // Every id reported not-sent was indeed never reset.
      for (const [id, o] of Object.entries(report.outcomes) as [string, { outcome: string }][])
        if (o.outcome === 'not-sent') expect(counts.get(id), id).toBe(0)
    } finally {
      await slow.close()
    }
  }, 60_000)
})

describe('other actions', () => {
  it('lists every page with --page-all', async () => {
    const ran = await run([
      'zec',
      'describe-instances-status',
      '--page-all',
      '--page-size',
      '300',
      '--endpoint',
      endpoint,
      '-o',
      'json',
    ])
    expect(ran.code).toBe(0)
    const reply = JSON.parse(ran.stdout)
    expect(reply.totalCount).toBe(1000)
    expect(reply.dataSet).toHaveLength(1000)
  }, 30_000)
})
