import { describe, expect, it } from 'vitest'
import { Journal } from '../src/journal.js'
import { requestIdFrom, requestIdFromWords, requestIdToWords, seededRandom } from '../src/random.js'

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

  it("keeps the mock's own request ids as numbers and gives them back exactly", () => {
    const random = seededRandom(7)
    const journal = new Journal()
    const ids = Array.from({ length: 2000 }, () => requestIdFrom(random))
    for (const [i, id] of ids.entries()) journal.append('a', 'RUNNING', i, id)
    expect(journal.entries('a').map((e) => e.requestId)).toEqual(ids)
  })
})

describe('request ids as words', () => {
  it('round-trip every id requestIdFrom makes', () => {
    const random = seededRandom(99)
    const words = new Uint32Array(8)
    for (let i = 0; i < 10_000; i++) {
      const id = requestIdFrom(random)
      expect(requestIdToWords(id, words, 4)).toBe(true)
      expect(requestIdFromWords(words, 4)).toBe(id)
    }
  })

  it('parse ids other than the one just made (the fast path knows only that one)', () => {
    const random = seededRandom(7)
    const ids = Array.from({ length: 1000 }, () => requestIdFrom(random))
    const words = new Uint32Array(4)
    for (const id of ids) {
      // A fresh copy of the text, not the string requestIdFrom returned.
      const copy = id.split('').join('')
      expect(requestIdToWords(copy, words, 0)).toBe(true)
      expect(requestIdFromWords(words, 0)).toBe(id)
      expect(requestIdToWords(id, words, 0)).toBe(true)
      expect(requestIdFromWords(words, 0)).toBe(id)
    }
  })

  it.each([
    ['lower-case hex', 'T0a1b2c3d-4E5F-4061-8293-A4B5C6D7E8F9'],
    ['no T', 'X0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9'],
    ['a dash moved', 'T0A1B2C3D4-E5F-4061-8293-A4B5C6D7E8F9'],
    ['one digit short', 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F'],
    ['not hex', 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8FG'],
    ['empty', ''],
  ])('refuse a string of another shape (%s), writing nothing', (_name, id) => {
    const words = new Uint32Array(4).fill(7)
    expect(requestIdToWords(id, words, 0)).toBe(false)
    expect([...words]).toEqual([7, 7, 7, 7])
  })
})

describe('the bounded journal', () => {
  it('keeps at most maxEntries, drops the oldest quarter at a time, and counts what it dropped', () => {
    const journal = new Journal(8)
    const rng = seededRandom(3)
    const ids: string[] = []
    for (let i = 0; i < 20; i++) {
      const id = requestIdFrom(rng)
      ids.push(id)
      journal.append(i % 2 ? 'odd' : 'even', `S${i}`, i, id)
    }
    expect(journal.size).toBeLessThanOrEqual(8)
    expect(journal.dropped + journal.size).toBe(20)
    const odd = journal.entries('odd')
    const even = journal.entries('even')
    // What is kept is the newest, each instance's entries still linked, oldest first, request ids intact.
    const kept = [...odd, ...even].sort((a, b) => a.at - b.at)
    expect(kept.map((e) => e.at)).toEqual(Array.from({ length: journal.size }, (_, k) => 20 - journal.size + k))
    for (const e of kept) expect(e.requestId).toBe(ids[e.at])
    expect(odd.every((e, k) => k === 0 || e.at > (odd[k - 1]?.at ?? -1))).toBe(true)
  })

  it('an instance whose every entry was dropped has no history, and a later append starts it again', () => {
    const journal = new Journal(4)
    journal.append('old', 'STOPPED', 0)
    for (let i = 1; i <= 8; i++) journal.append('busy', `S${i}`, i)
    expect(journal.entries('old')).toEqual([])
    journal.append('old', 'RUNNING', 9)
    expect(journal.entries('old')).toEqual([{ at: 9, status: 'RUNNING' }])
  })

  it('50,000 resets stay within the bound', () => {
    const journal = new Journal(1000)
    for (let i = 0; i < 50_000; i++) {
      journal.append(`i-${i % 100}`, 'DEPLOYING', i, 'TABCDEF01-2345-4678-9ABC-DEF012345678')
      journal.append(`i-${i % 100}`, 'RUNNING', i, 'TABCDEF01-2345-4678-9ABC-DEF012345678')
    }
    expect(journal.size).toBeLessThanOrEqual(1000)
    expect(journal.dropped).toBe(100_000 - journal.size)
    expect(journal.entries('i-7').length).toBeGreaterThan(0)
  })

  it('refuses a bound it cannot keep', () => {
    expect(() => new Journal(0)).toThrow(RangeError)
    expect(() => new Journal(2.5)).toThrow(RangeError)
  })
})
