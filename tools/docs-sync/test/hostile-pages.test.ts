// Pages built to make the reader slow or crash: about 1 MB of one phrase in a
// cell, a heading or a line, and types nested past any real depth. Each must
// be read in time linear in its size (the 5 s limit is a guard against
// backtracking, which took minutes on these inputs, not a measure of speed)
// and end in a verdict or a one-line failure, never an exception.
import { describe, expect, it } from 'vitest'
import { exitCode } from '../src/run.js'
import { check } from './helpers.js'
import { type PageParts, renderPage, vmParts } from './page-builder.js'

const LIMIT = { timeout: 5_000 }

type Cell = 'name' | 'type' | 'description'

/**
 * The vm page with one cell of its wanName row replaced. Replaced after
 * rendering: the builder pads every row to the widest cell, which would make
 * every row as long as the hostile one.
 */
function vmWith(cell: Cell, text: string): string {
  const parts = vmParts()
  const wan = parts.input.find((r) => r.name === 'wanName') as PageParts['input'][number]
  wan[cell] = 'HOSTILE-CELL'
  return renderPage(parts).replace('HOSTILE-CELL', () => text)
}

/** Reads the page and says whether it ended as a verdict or a failure, with the failure's text. */
function outcome(markdown: string): { code: number; problems: string[] } {
  const run = check(markdown)
  expect(run.results.length + run.failures.length).toBe(1)
  return { code: exitCode(run), problems: run.failures.map((f) => f.problem) }
}

describe('about 1 MB in a description cell is read in linear time (issue 26, item 6)', () => {
  it.each([
    ['"only " x 200k', 'only '.repeat(200_000)],
    ['"<a " x 300k', '<a '.repeat(300_000)],
    ['"default " x 120k', 'default '.repeat(120_000)],
    ['"[a](" x 200k', '[a]('.repeat(200_000)],
    ['"<br" x 300k', '<br'.repeat(300_000)],
    ['"\\<a " x 300k', '\\<a '.repeat(300_000)],
    ['"Only numbers " x 80k', 'Only numbers '.repeat(80_000)],
    ['"default:" x 100k, then a comma', `${'default:'.repeat(100_000)},`],
    ['"default is ," x 80k', 'default is ,'.repeat(80_000)],
    ['"letters: [a" x 100k in an "only" phrase', `Only ${'letters: [a'.repeat(100_000)}] are allowed`],
    ['"letters: [" x 100k in an "only" phrase', `Only ${'letters: ['.repeat(100_000)}!] are allowed`],
    ['a 1M-digit number before a limit', `${'1'.repeat(1_000_000)} at most 5 characters, and more words after it`],
    ['valid values padded with 300k quotes', `Valid values: a${" '".repeat(300_000)}x`],
  ])(
    '%s',
    (_name, description) => {
      const { code } = outcome(vmWith('description', description))
      expect([0, 1, 2]).toContain(code)
    },
    LIMIT.timeout,
  )

  it('a parameter name of 300k "<a "', LIMIT, () => {
    expect(outcome(vmWith('name', '<a '.repeat(300_000))).code).toBe(2)
  })
})

describe('about 1 MB in a line of the page is read in linear time (issue 26, item 6)', () => {
  const page = renderPage(vmParts())

  it('a heading with 200k spaces inside', LIMIT, () => {
    const hostile = page.replace('## 5. Developer Resources', `## 5. Developer${' '.repeat(200_000)}Resources`)
    expect(outcome(hostile).code).toBe(0)
  })

  it('a table separator line with 200k spaces inside', LIMIT, () => {
    const hostile = page.replace(/\| -+ \| -+ \| -+ \|\n\| requestId/, `| ---${' '.repeat(200_000)}x |\n| requestId`)
    expect(outcome(hostile).problems[0]).toMatch(
      /output table, line \d+\): the header row is not followed by a \|---\| line/,
    )
  })

  it('a last documented line of 200k spaces and a letter', LIMIT, () => {
    const hostile = page.replace(
      '\n---\n\n# Agent Instructions',
      `\n${' '.repeat(200_000)}x\n---\n\n# Agent Instructions`,
    )
    expect(outcome(hostile).code).toBe(0)
  })

  it('a note of 300k "<a "', LIMIT, () => {
    const parts = vmParts()
    parts.notes.push('<a '.repeat(300_000))
    expect(outcome(renderPage(parts)).code).toBe(0)
  })
})

describe('types nested past any real depth are a one-line failure (issue 26, item 7)', () => {
  it.each([
    ['"Array of " x 10,000', `${'Array of '.repeat(10_000)}String`],
    ['"[]" x 100,000', `String${'[]'.repeat(100_000)}`],
  ])(
    '%s',
    (_name, type) => {
      const { code, problems } = outcome(vmWith('type', type))
      expect(code).toBe(2)
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatch(/input table, row 6, line \d+\): type ".*" of wanName/)
      expect(problems[0]?.length).toBeLessThan(400)
    },
    LIMIT.timeout,
  )

  it('arrays nested a few levels deep are still read', () => {
    const { code, problems } = outcome(vmWith('type', 'Array of Array of String'))
    expect(problems).toEqual([])
    // The spec says string, so the page's nested array is drift, not a failure.
    expect(code).toBe(1)
  })
})
