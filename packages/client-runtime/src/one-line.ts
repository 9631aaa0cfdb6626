// Text from elsewhere (a server's sentence, a status) made safe to show on a
// terminal in one line: control characters (ESC starts a terminal's escape
// sequences) and the bidirectional overrides (which reorder what is shown)
// become spaces. The fleet's refusal reasons and the command line's cells.

/** C0 and C1 controls, and the bidirectional marks and overrides. */
function hidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

/** One line: each control character a space, runs of spaces one, no space at either end. */
export function oneLine(text: string): string {
  let out = ''
  for (const char of text) out += hidden(char.codePointAt(0) as number) ? ' ' : char
  return out.replace(/\s+/g, ' ').trim()
}

/** At most `max` characters (never a surrogate pair cut in two), `...` marking a cut. */
export function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, Math.max(max - 3, 1)).join('')}...` : text
}
