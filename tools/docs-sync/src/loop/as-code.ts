// Page text into GitHub markdown only as code (issue 26, item 12). Outside
// code a page's `@octocat` notifies that user, and its links, images and HTML
// render in the issue as if the project wrote them; inside a code span or a
// fenced block they are shown as written. The fence is always longer than any
// run of backticks in the text, so nothing in the text can close it.
import { clip, escapeControls } from '../echo.js'

function longestBacktickRun(text: string): number {
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return longest
}

/** Text as one code span on one line: newlines and other controls shown escaped, at most `max` characters. */
export function inlineCode(text: string, max = 1_000): string {
  const shown = escapeControls(clip(text, max))
  const fence = '`'.repeat(longestBacktickRun(shown) + 1)
  // A space keeps a backtick at either end from joining the fence; CommonMark strips one space each side.
  const pad = /^[` ]|[` ]$/.test(shown) || shown === '' ? ' ' : ''
  return `${fence}${pad}${shown}${pad}${fence}`
}

/** A word of the report (a service, an action) as it is when it is plainly one, as code otherwise. */
export function label(text: string): string {
  return /^[A-Za-z0-9 .-]{1,100}$/.test(text) ? text : inlineCode(text, 100)
}

/** Lines as a fenced block that no line inside can close; each line escaped and clipped. */
export function codeBlock(lines: readonly string[], max = 1_000): string[] {
  const shown = lines.map((l) => escapeControls(clip(l, max)))
  const fence = '`'.repeat(shown.reduce((n, l) => Math.max(n, longestBacktickRun(l)), 2) + 1)
  return [`${fence}text`, ...shown, fence]
}

/**
 * Whole lines up to `max` characters. A cut inside a fenced block closes the
 * block, so that the note after the cut, and nothing from the page, is
 * outside code.
 */
export function clipLines(lines: readonly string[], max: number, note: string): string {
  const kept: string[] = []
  let length = 0
  let open: string | undefined
  for (const line of lines) {
    if (length + line.length + 1 > max) {
      if (open) kept.push(open)
      kept.push('', note)
      return kept.join('\n')
    }
    kept.push(line)
    length += line.length + 1
    const fence = /^(`{3,})(text)?$/.exec(line)
    if (fence?.[1] && open === fence[1] && !fence[2]) open = undefined
    else if (fence?.[1] && !open && fence[2]) open = fence[1]
  }
  return kept.join('\n')
}
