// The changeset gate reads the front matter of every pending changeset, which
// a pull request can write as it likes: reading it takes time linear in its
// size (issue 26, item 13), and reads the lines changesets really hold as before.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pendingChangesets } from '../src/diff/changeset.js'

/** A scratch repository root whose .changeset holds one file with this text. */
function withChangeset(text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'zr-changeset-'))
  mkdirSync(join(root, '.changeset'))
  writeFileSync(join(root, '.changeset', 'pending.md'), text)
  return root
}

function bumpsOf(front: string): Record<string, string> {
  const [pending] = pendingChangesets(withChangeset(`---\n${front}\n---\n\nWhat changed.\n`))
  return Object.fromEntries(pending?.bumps ?? [])
}

describe('front matter built to make the gate backtrack', () => {
  // These took over 30 s each (nested quantifiers over one line); 5 s is a guard with a wide margin, not a speed test.
  it.each([
    ['a line of 8,000 spaces', ' '.repeat(8_000)],
    ['8,000 spaces, then a colon', `${' '.repeat(8_000)}:`],
    ['8,000 spaces around a name, then a bad bump', `${' '.repeat(4_000)}a${' '.repeat(4_000)}: majorx`],
  ])(
    '%s',
    (_name, line) => {
      expect(bumpsOf(`"@zenlayer-reset/zec-client": minor\n${line}\n"@zenlayer-reset/vm-client": patch`)).toEqual({
        '@zenlayer-reset/zec-client': 'minor',
        '@zenlayer-reset/vm-client': 'patch',
      })
    },
    5_000,
  )
})

describe('the lines a changeset holds', () => {
  it.each([
    ['"@zenlayer-reset/zec-client": major', { '@zenlayer-reset/zec-client': 'major' }],
    ["'@zenlayer-reset/zec-client': minor", { '@zenlayer-reset/zec-client': 'minor' }],
    ['@zenlayer-reset/zec-client: patch', { '@zenlayer-reset/zec-client': 'patch' }],
    ['  "@zenlayer-reset/zec-client"  :  major  ', { '@zenlayer-reset/zec-client': 'major' }],
    ['"@zenlayer-reset/zec-client": major\r', { '@zenlayer-reset/zec-client': 'major' }],
    ['"@zenlayer-reset/zec-client": huge', {}],
    ['"@zenlayer-reset/zec-client": major minor', {}],
    ['"@zenlayer-reset/zec-client" major', {}],
    ['"@zenlayer-reset/zec"client": major', {}],
    [`"${' '.repeat(8_000)}"x": major`, {}],
    ['": major', {}],
    ['# a comment: major', { '# a comment': 'major' }],
  ])('%j', (line, expected) => {
    expect(bumpsOf(line)).toEqual(expected)
  })

  it('a file without front matter gives no bumps', () => {
    expect(pendingChangesets(withChangeset('No front matter here.\n'))[0]?.bumps.size).toBe(0)
  })
})
