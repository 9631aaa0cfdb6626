// Text from a page, a file name or a record, as it may be printed: a page can
// hold a title of escape sequences that would drive the terminal, or a table
// of thousands of columns that would fill it (issue 26, item 11). What is
// echoed is escaped, and clipped to what a reader needs to find the place.

// C0 controls (the newline and tab too: an echoed piece stays on its line),
// DEL, C1 controls (U+009B is a CSI to some terminals), the line and
// paragraph separators, and the bidirectional overrides that reorder text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** Control characters as `\n`, `\t` or `\u001b`, so that they show instead of acting. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\t') return '\\t'
    if (c === '\r') return '\\r'
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

/** At most `max` characters, the cut marked with `…`. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** A piece of page text inside a message: escaped and clipped. */
export function echo(text: string, max = 120): string {
  return clip(escapeControls(clip(text, max)), max)
}

/** A list inside a message (a table's header): the first items, then how many more. */
export function echoList(items: readonly string[], max = 200): string {
  const shown: string[] = []
  let length = 0
  for (const item of items) {
    const piece = echo(item, 60)
    if (shown.length > 0 && length + piece.length + 2 > max) break
    shown.push(piece)
    length += piece.length + 2
  }
  const more = items.length - shown.length
  return more > 0 ? `${shown.join(', ')}, … ${more} more` : shown.join(', ')
}
