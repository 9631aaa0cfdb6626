import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CliError } from '../src/exit-codes.js'
import { Journal, readJournal } from '../src/journal.js'

const file = (text?: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'zr-journal-')), 'j.jsonl')
  if (text !== undefined) writeFileSync(path, text)
  return path
}

describe('the journal', () => {
  it('is empty when there is none yet', () => {
    const state = readJournal(file(), 'zec', 'ResetInstances')
    expect([state.touched.size, state.final.size]).toEqual([0, 0])
  })

  it('records each send before anything else, and what became of it; a rerun reads it back', () => {
    const path = file()
    const j = new Journal(path, 'RUNNING')
    j.append({ journal: 1, service: 'zec', action: 'ResetInstances' })
    j.record({ type: 'sent', ids: ['a', 'b', 'c', 'd'] })
    j.record({ type: 'accepted', ids: ['a', 'b'] })
    j.record({ type: 'refused', ids: ['c'], code: null })
    j.record({ type: 'running', ids: ['a'] })
    j.record({ type: 'rate-limited', delayMs: 5 })
    j.close()
    expect(readFileSync(path, 'utf8').split('\n')[1]).toBe('{"sent":["a","b","c","d"]}')
    const state = readJournal(path, 'zec', 'ResetInstances')
    expect([...state.touched].sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(Object.fromEntries(state.final)).toEqual({
      a: { outcome: 'reset', status: 'RUNNING' },
      c: { outcome: 'refused', code: null },
    })
  })

  it('skips a last line cut short by a crash, and marks it so that later runs skip it too', () => {
    const path = file('{"journal":1,"service":"zec","action":"ResetInstances"}\n{"sent":["a"]}\n{"sent":["b","c')
    expect([...readJournal(path, 'zec', 'ResetInstances').touched]).toEqual(['a'])
    const j = new Journal(path, 'RUNNING')
    j.record({ type: 'sent', ids: ['d'] })
    j.close()
    expect([...readJournal(path, 'zec', 'ResetInstances').touched]).toEqual(['a', 'd'])
  })

  it('refuses a damaged line that is not the last, and the journal of another action (exit 2)', () => {
    for (const [text, message] of [
      ['{"sent":["a"]}\nnot json\n{"sent":["b"]}\n', /line 2 of .* is unreadable/],
      [
        '{"journal":1,"service":"vm","action":"ResetInstance"}\n',
        /is the journal of vm ResetInstance, not zec ResetInstances/,
      ],
    ] as const) {
      try {
        readJournal(file(text), 'zec', 'ResetInstances')
        throw new Error('read')
      } catch (error) {
        expect(error).toBeInstanceOf(CliError)
        expect((error as CliError).exitCode).toBe(2)
        expect((error as Error).message).toMatch(message)
      }
    }
  })
})
