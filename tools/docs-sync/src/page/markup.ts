// HTML tags and markdown links taken out of a cell, keeping their words. Each
// does what one `replace` with a regular expression did, with the same
// matches, but in one pass: the regular expressions scanned to the end of the
// cell from every `<` or `[` that was never closed (issue 26, item 6).
import { forward, LINE_END } from './forward.js'

/** `<a href=...>words</a>` -> `words`, as `replace(/<a\s[^>]*>(.*?)<\/a>/gi, '$1')`. */
export function unwrapAnchors(text: string): string {
  const open = forward(text, /<a\s/i)
  const tagEnd = forward(text, />/)
  const close = forward(text, /<\/a>/i)
  const lineEnd = forward(text, LINE_END)
  let out = ''
  let copied = 0
  let from = 0
  for (;;) {
    const start = open(from)
    if (start < 0) break
    const gt = tagEnd(start + 3)
    // No `>` after this start: none after any later start either.
    if (gt < 0) break
    const end = close(gt + 1)
    const eol = lineEnd(gt + 1)
    if (end >= 0 && (eol < 0 || end < eol)) {
      out += text.slice(copied, start) + text.slice(gt + 1, end)
      copied = end + 4
      from = copied
    } else {
      // Every start up to `gt` ends its tag at `gt` too, and fails the same way.
      from = gt + 1
    }
  }
  return out + text.slice(copied)
}

/** Every `<...>` removed, as `replace(/<[^>]+>/g, '')`. */
export function stripTags(text: string): string {
  const lt = forward(text, /</)
  const gtAt = forward(text, />/)
  let out = ''
  let copied = 0
  let from = 0
  for (;;) {
    const start = lt(from)
    if (start < 0) break
    if (text[start + 1] === '>') {
      from = start + 1 // `<>` holds no character, so it is not a tag
      continue
    }
    const end = gtAt(start + 1)
    if (end < 0) break
    out += text.slice(copied, start)
    copied = end + 1
    from = copied
  }
  return out + text.slice(copied)
}

/** `[words](address)` -> `words`, as `replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')`. */
export function unwrapLinks(text: string): string {
  const open = forward(text, /\[/)
  const closeBracket = forward(text, /\]/)
  const closeParen = forward(text, /\)/)
  let out = ''
  let copied = 0
  let from = 0
  for (;;) {
    const start = open(from)
    if (start < 0) break
    const bracket = closeBracket(start + 1)
    if (bracket < 0) break
    if (text[bracket + 1] !== '(') {
      from = bracket + 1 // every `[` before this `]` closes at it, and fails the same way
      continue
    }
    const paren = closeParen(bracket + 2)
    if (paren < 0) break
    out += text.slice(copied, start) + text.slice(start + 1, bracket)
    copied = paren + 1
    from = copied
  }
  return out + text.slice(copied)
}
