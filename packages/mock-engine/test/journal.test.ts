import { describe, expect, it } from 'vitest'
import { Journal } from '../src/journal.js'

describe('journal', () => {
  it('gives each instance its own entries, oldest first, with request ids where there were some', () => {
    const journal = new Journal()
    journal.append('a', 'STOPPED', 1)
    journal.append('b', 'RUNNING', 2)
    journal.append('a', 'DEPLOYING', 3, 'T1')
    journal.append('b', 'STOPPED', 4, 'T2')
    journal.append('a', 'RUNNING', 5, 'T1')
    expect(journal.entries('a')).toEqual([
      { at: 1, status: 'STOPPED' },
      { at: 3, status: 'DEPLOYING', requestId: 'T1' },
      { at: 5, status: 'RUNNING', requestId: 'T1' },
    ])
    expect(journal.entries('b')).toEqual([
      { at: 2, status: 'RUNNING' },
      { at: 4, status: 'STOPPED', requestId: 'T2' },
    ])
    expect(journal.entries('unknown')).toEqual([])
  })

  it('keeps every entry past its first capacity, with times that are not small integers', () => {
    const journal = new Journal()
    const start = 1_763_807_000_123.5
    for (let i = 0; i < 5000; i++) journal.append(`i-${i % 7}`, `S${i % 300}`, start + i, i % 2 ? `T${i}` : undefined)
    const entries = journal.entries('i-3')
    expect(entries).toHaveLength(Math.ceil((5000 - 3) / 7))
    entries.forEach((entry, k) => {
      const i = 3 + 7 * k
      expect(entry).toEqual(
        i % 2 ? { at: start + i, status: `S${i % 300}`, requestId: `T${i}` } : { at: start + i, status: `S${i % 300}` },
      )
    })
  })

  it('forgets everything on clear, and starts again from there', () => {
    const journal = new Journal()
    journal.append('a', 'STOPPED', 1)
    journal.clear()
    expect(journal.entries('a')).toEqual([])
    journal.append('a', 'RUNNING', 2)
    expect(journal.entries('a')).toEqual([{ at: 2, status: 'RUNNING' }])
  })
})
