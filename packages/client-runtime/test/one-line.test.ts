// A server's sentence shown on a terminal (a refused id's reason, a table cell): one line, nothing that could
// drive the terminal or reorder what it shows, clipped without cutting a character in two.
import { describe, expect, it } from 'vitest'
import { clip, oneLine } from '../src/one-line.js'

describe('oneLine', () => {
  it.each([
    ['line one\nline two\tend', 'line one line two end'],
    ['\u001b[31mred\u001b[0m', '[31mred [0m'],
    ['a\u009bb', 'a b'],
    ['evil\u202ecod.exe', 'evil cod.exe'],
    ['\u2066x\u2069 \u200ey\u200f', 'x y'],
    ['  spaced   out  ', 'spaced out'],
    ['clé 😀', 'clé 😀'],
  ])('%j -> %j', (text, line) => {
    expect(oneLine(text)).toBe(line)
  })
})

describe('clip', () => {
  it('keeps what fits, marks a cut with ..., and never cuts a surrogate pair', () => {
    expect(clip('short', 10)).toBe('short')
    expect(clip('x'.repeat(20), 10)).toBe(`${'x'.repeat(7)}...`)
    expect(clip('😀'.repeat(20), 10)).toBe(`${'😀'.repeat(7)}...`)
  })
})
