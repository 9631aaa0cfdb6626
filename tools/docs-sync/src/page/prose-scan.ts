// The prose readers whose regular expressions backtracked: "only ... are
// allowed", "default ... is X", and the characters listed after a kind. Each
// reads what its regular expression read, in one pass over the sentence; the
// expressions scanned to the end of the sentence from every "only" or
// "default" that was never completed (issue 26, item 6). Sentences hold no
// line terminators (prose.ts `sentences` splits at them), so `.` is any character.
import { type Forward, forward } from './forward.js'

/**
 * The words between "only" and "are allowed" (or "is permitted", "supported"),
 * as `/\bonly\b(.*?)\b(?:are|is)?\s*(?:allowed|permitted|supported)\b/i`. If
 * the first "only" has no ending after it, no later one has.
 */
export function onlyPhrase(s: string): string | undefined {
  const only = /\bonly\b/i.exec(s)
  if (!only) return undefined
  const ending = /\b(?:are|is)?\s*(?:allowed|permitted|supported)\b/gi
  ending.lastIndex = only.index + 4
  const end = ending.exec(s)
  return end ? s.slice(only.index + 4, end.index) : undefined
}

const isSpace = (s: string, i: number): boolean => i >= s.length || /\s/.test(s[i] ?? '')

/**
 * The value after "is" or a colon at `at`, as `\s*`?([^\s`,;]+?)`?\.?(?:\s|$)`:
 * a word, optionally in backticks, that ends the sentence or is followed by a
 * space; a full stop right after it is not part of it. `wordEnd` finds the end
 * of the word without scanning it again for each caller.
 */
function valueAt(s: string, at: number, wordEnd: Forward): string | undefined {
  let start = at
  while (start < s.length && /\s/.test(s[start] ?? '')) start++
  if (s[start] === '`') start++
  const found = wordEnd(start)
  const end = found < 0 ? s.length : found
  if (end === start) return undefined
  if (end - 1 > start && s[end - 1] === '.' && isSpace(s, end)) return s.slice(start, end - 1)
  if (end === s.length || /\s/.test(s[end] ?? '')) return s.slice(start, end)
  const afterTick = end + 1
  if (s[end] === '`' && (isSpace(s, afterTick) || (s[afterTick] === '.' && isSpace(s, afterTick + 1))))
    return s.slice(start, end)
  return undefined
}

/**
 * The default a sentence states, as
 * `/\bdefault(?: value)?\b[^.:：]*?(?:\bis\b|[:：])\s*`?([^\s`,;]+?)`?\.?(?:\s|$)/i`:
 * after "default", up to the next full stop or colon, the first "is" (or that
 * colon) followed by a value. A "default" whose stretch holds none fails, and
 * so does every later "default" in the same stretch.
 */
export function defaultValue(s: string): string | undefined {
  const word = forward(s, /\bdefault\b/i)
  const stop = forward(s, /[.:：]/)
  const is = forward(s, /\bis\b/i)
  const wordEnd = forward(s, /[\s`,;]/)
  for (let from = 0; ; ) {
    const at = word(from)
    if (at < 0) return undefined
    const stopAt = stop(at + 7)
    const stretchEnd = stopAt < 0 ? s.length : stopAt
    for (let c = is(at + 7); c >= 0 && c < stretchEnd; c = is(c + 2)) {
      const value = valueAt(s, c + 2, wordEnd)
      if (value !== undefined) return value
    }
    if (stopAt < 0) return undefined
    if (s[stopAt] !== '.') {
      const value = valueAt(s, stopAt + 1, wordEnd)
      if (value !== undefined) return value
    }
    from = stopAt + 1
  }
}

/**
 * The characters a kind lists after its colon (`digits: 0-9`, `letters:
 * [a-zA-Z]`, `special characters: ~!@`), starting at `at`, as
 * `/^\s*[:：]\s*(\[[^\]]+\]|0-9|[^\sA-Za-z0-9,]+)/`, with where they end.
 * `closeBracket` finds the `]` without scanning again from each `[`.
 */
export function listedCharacters(
  phrase: string,
  at: number,
  closeBracket: Forward,
): { text: string; end: number } | undefined {
  const colon = /\s*[:：]\s*/y
  colon.lastIndex = at
  if (!colon.exec(phrase)) return undefined
  const p = colon.lastIndex
  if (phrase[p] === '[' && p + 1 < phrase.length && phrase[p + 1] !== ']') {
    const q = closeBracket(p + 1)
    if (q >= 0) return { text: phrase.slice(p, q + 1), end: q + 1 }
  }
  if (phrase.startsWith('0-9', p)) return { text: '0-9', end: p + 3 }
  const symbols = /[^\sA-Za-z0-9,]+/y
  symbols.lastIndex = p
  const m = symbols.exec(phrase)
  return m ? { text: m[0], end: p + m[0].length } : undefined
}

/** A listed value without its quotes, backticks and full stop, as `v.replace(/^[\s`"']+|[\s`"'.]+$/g, '')`. */
export function bareValue(v: string): string {
  let start = 0
  while (start < v.length && /[\s`"']/.test(v[start] ?? '')) start++
  let end = v.length
  while (end > start && /[\s`"'.]/.test(v[end - 1] ?? '')) end--
  return v.slice(start, end)
}
