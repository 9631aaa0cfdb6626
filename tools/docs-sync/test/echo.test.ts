// What the command echoes from a page is clipped and escaped: a table of
// thousands of columns, a value of thousands of words, or a title holding
// terminal escape sequences cannot flood or drive the terminal (issue 26,
// item 11).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run, workspace } from './cli-run.js'
import { renderPage, vmParts } from './page-builder.js'

afterEach(() => vi.restoreAllMocks())

/** C0 controls but the newline that separates lines, DEL, and C1 controls (U+009B is a CSI). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/

const MAX_LINE = 1_000

function expectTame(text: string): void {
  expect(text).not.toMatch(CONTROLS)
  for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(MAX_LINE)
}

/** A pipe table line of `n` cells. */
const tableLine = (cells: string[]) => `| ${cells.join(' | ')} |`

describe('clipped', () => {
  it('a 5,000-column header in an error line', async () => {
    const dir = workspace()
    const names = Array.from({ length: 5_000 }, (_, i) => `Column ${i}`)
    const wide = [tableLine(names), tableLine(names.map(() => '---')), tableLine(['a', 'b'])].join('\n')
    const page = renderPage(vmParts()).replace(
      /## 3\. Output Parameters\n\n[^#]*/,
      `## 3. Output Parameters\n\n${wide}\n\n`,
    )
    writeFileSync(join(dir, 'pages/vm.md'), page)
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(2)
    expect(out).toMatch(
      /^ERROR .*output table, row 1, line \d+\): the row has 2 cells; the header has 5000 \(Column 0, /m,
    )
    expectTame(out + err)
  })

  it('a 5,000-column table without the columns the check needs', async () => {
    const dir = workspace()
    const names = Array.from({ length: 5_000 }, (_, i) => `Column ${i}`)
    const wide = [tableLine(names), tableLine(names.map(() => '---'))].join('\n')
    const page = renderPage(vmParts()).replace(
      /## 3\. Output Parameters\n\n[^#]*/,
      `## 3. Output Parameters\n\n${wide}\n\n`,
    )
    writeFileSync(join(dir, 'pages/vm.md'), page)
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(2)
    expect(out).toMatch(/^ERROR .*output table, line \d+\): no column named name or parameter \(Column 0, /m)
    expectTame(out + err)
  })

  it('a drift line quoting 20,000 values', async () => {
    const dir = workspace()
    const parts = vmParts()
    const wan = parts.input.find((r) => r.name === 'wanName')
    if (wan) wan.description = `Valid values: ${Array.from({ length: 20_000 }, (_, i) => `eth${i}`).join(', ')}.`
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(parts))
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(1)
    expect(out).toMatch(/^ {2}DRIFT {4}vm ResetInstance input wanName enum: page eth0, eth1, /m)
    expectTame(out + err)
  })
})

describe('escaped', () => {
  it('terminal escape sequences in a title', async () => {
    const dir = workspace()
    const parts = vmParts()
    parts.title = '\u001b]0;owned\u0007\u001b[2J\u009b31mResetInstance'
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(parts))
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(2)
    expect(out).toMatch(/^ERROR .*\(title, line \d+\): ".*\\u001b\[2J.*ResetInstance" is not an action name$/m)
    expectTame(out + err)
  })

  it('the same title in the JSON report: no raw control character', async () => {
    const dir = workspace()
    const parts = vmParts()
    parts.title = '\u009b31m\u001b[2JReset'
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(parts))
    const { code, out } = await run(['--root', dir, '--json', join(dir, 'pages')])
    expect(code).toBe(2)
    expect(out).not.toMatch(CONTROLS)
    expect(JSON.parse(out).failures[0].problem).toMatch(/is not an action name$/)
  })

  it('a page file whose name holds an escape sequence', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'pages/\u001b[2Jvm.md'), 'no title here\n')
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(2)
    expect(out).toMatch(/\\u001b\[2Jvm\.md/)
    expectTame(out + err)
  })
})
