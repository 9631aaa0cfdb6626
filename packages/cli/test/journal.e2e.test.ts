// kill -9 mid-fleet, then the same command with the same journal: no
// instance is reset twice (counted on the mock), every id's report is the
// truth, and the journal holds no secret.
import { appendFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idsFile, type Mock, mock, PASSWORD, resetsOf, run, scratch } from './helpers.js'

const IDS = Array.from({ length: 1000 }, (_, i) => `j-${i}`)
let server: Mock

beforeAll(async () => {
  server = await mock({ zec: { instances: IDS.map((instanceId) => ({ instanceId })) } })
})
afterAll(async () => {
  await server.close()
})

describe('a journal that survives a crash', () => {
  it('resumes after kill -9: ids that may have been sent are followed, not re-sent; the others are sent once', async () => {
    const zec = server.hub.mocks.zec
    zec?.faults.latency(400)
    const dir = scratch({ 'ids.txt': idsFile(IDS), pw: `${PASSWORD}\n` })
    const args = [
      'zec',
      'reset-instances',
      '--instance-ids-file',
      'ids.txt',
      '--password-file',
      'pw',
      '--journal',
      'fleet.journal',
      '--yes',
      '--max-wait',
      '4',
      '--endpoint',
      server.url,
      '-o',
      'json',
    ]
    let killed = false
    const first = await run(args, {
      cwd: dir,
      onStderr: (text, kill) => {
        if (!killed && (text.match(/"type":"sent"/g) ?? []).length >= 3) {
          killed = true
          kill('SIGKILL')
        }
      },
    })
    expect(first.signal).toBe('SIGKILL')
    expect(first.stdout).toBe('')
    const journal = join(dir, 'fleet.journal')
    const before = readFileSync(journal, 'utf8')
    expect(before).toMatch(/^\{"journal":1,"service":"zec","action":"ResetInstances"/)
    expect(before).toContain('"sent":["j-0"')
    // A crash mid-write leaves a line cut short: the rerun must cope.
    appendFileSync(journal, '{"sent":["j-99')
    const afterKill = resetsOf(server, 'zec', IDS, 'DEPLOYING')
    const resetByFirst = IDS.filter((id) => afterKill.get(id) === 1)
    expect(resetByFirst.length).toBeGreaterThan(0)
    expect(resetByFirst.length).toBeLessThan(IDS.length)

    zec?.faults.latency(0)
    const second = await run(args, { cwd: dir })
    const report = JSON.parse(second.stdout)
    const counts = resetsOf(server, 'zec', IDS, 'DEPLOYING')
    // Never twice.
    expect([...counts.values()].filter((n) => n > 1)).toEqual([])
    // The truth for every id: reset where the mock reset it. An id the first run sent (journaled) whose call the
    // mock never applied (killed in flight) is not sent again: it stays stopped and is reported unknown, never reset.
    const neverApplied = IDS.filter((id) => counts.get(id) === 0)
    expect(neverApplied.length).toBeLessThanOrEqual(200)
    for (const id of IDS) {
      if (counts.get(id) === 1)
        expect(report.outcomes[id].outcome, JSON.stringify([id, report.outcomes[id]])).toBe('reset')
      else
        expect(report.outcomes[id], id).toMatchObject({
          outcome: 'unknown',
          reason: expect.stringMatching(/never applied, not sent again/),
        })
    }
    for (const id of neverApplied) expect(before, id).toContain(`"${id}"`)
    expect(report.totals).toMatchObject({ reset: 1000 - neverApplied.length, unknown: neverApplied.length, refused: 0 })
    expect(second.code).toBe(neverApplied.length > 0 ? 3 : 0)
    // Only the ids the first run never sent went out: fewer calls than a whole fleet.
    expect(report.requests.resets).toBeLessThan(10)
    const text = readFileSync(journal, 'utf8')
    expect(text).not.toContain(PASSWORD)
    expect(text.trim().split('\n').at(-1)).toMatch(/^\{"outcomes":\{"j-0":\{"outcome":"reset"/)

    // A third run with the same journal sends nothing again.
    const third = await run(args, { cwd: dir })
    expect(third.stderr).toBe('')
    expect(JSON.parse(third.stdout).requests.resets).toBe(0)
    expect([...resetsOf(server, 'zec', IDS, 'DEPLOYING').values()]).toEqual([...counts.values()])
  }, 120_000)

  it('refuses a damaged journal (a line that is not the last) and sends nothing', async () => {
    const dir = scratch({
      'fleet.journal': '{"journal":1,"service":"zec","action":"ResetInstances"}\n{"sent":["x\n{"accepted":[]}\n',
    })
    const ran = await run(
      [
        'zec',
        'reset-instances',
        '--instance-ids',
        'j-1',
        '--journal',
        'fleet.journal',
        '--yes',
        '--endpoint',
        server.url,
      ],
      { cwd: dir },
    )
    expect(ran.code).toBe(2)
    expect(ran.stderr).toMatch(/--journal: line 2 of .* is unreadable; it may have recorded a send, so nothing is sent/)
  })

  it('refuses the journal of another action', async () => {
    const dir = scratch({ 'fleet.journal': '{"journal":1,"service":"vm","action":"ResetInstance"}\n' })
    const ran = await run(
      [
        'zec',
        'reset-instances',
        '--instance-ids',
        'j-1',
        '--journal',
        'fleet.journal',
        '--yes',
        '--endpoint',
        server.url,
      ],
      { cwd: dir },
    )
    expect([ran.code, ran.stderr]).toEqual([
      2,
      expect.stringMatching(/is the journal of vm ResetInstance, not zec ResetInstances/),
    ])
  })
})
