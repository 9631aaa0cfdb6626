// Text from elsewhere (a server's sentence, a status) made safe to show on a
// terminal in one line: control characters (ESC starts a terminal's escape
// sequences) and the bidirectional overrides (which reorder what is shown)
// become spaces. The fleet's refusal reasons and the command line's cells.

/** C0 and C1 controls, and the bidirectional marks, embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** One line: each control character a space, runs of spaces one, no space at either end. */
export function oneLine(text: string): string {
  return text.replace(HIDDEN, ' ').replace(/\s+/g, ' ').trim()
}

/** At most `max` characters (never a surrogate pair cut in two), `...` marking a cut. */
export function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, Math.max(max - 3, 1)).join('')}...` : text
}
