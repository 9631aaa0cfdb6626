// The GitBook markdown of a vendor page, cut into what the reader needs:
// the title, the numbered sections, their pipe tables and code blocks. Knows
// the page's shape, not the meaning of any table.
import { echoList } from '../echo.js'
import { LINE_END } from './forward.js'
import { stripTags, unwrapAnchors, unwrapLinks } from './markup.js'
import { PageError } from './page-error.js'

export interface Line {
  readonly text: string
  /** 1-based. */
  readonly number: number
}

export interface Section {
  /** Lower-case, without its number: `input parameters`. */
  readonly name: string
  readonly line: number
  readonly lines: readonly Line[]
}

export interface Table {
  readonly header: readonly string[]
  readonly rows: readonly { readonly cells: readonly string[]; readonly line: number }[]
  readonly line: number
}

export interface PageText {
  readonly title: string | undefined
  readonly titleLine: number
  /** The page's own address, when the page states it (GitBook's "available as Markdown" line). */
  readonly url: string | undefined
  readonly sections: readonly Section[]
}

/**
 * GitBook appends the same agent instructions to every page after a rule and
 * a second top-level heading; they are not part of the documented API.
 */
function pageBody(lines: readonly Line[]): readonly Line[] {
  let seenTitle = false
  for (let i = 0; i < lines.length; i++) {
    if (/^# /.test(lines[i]?.text ?? '')) {
      if (seenTitle) return lines.slice(0, i)
      seenTitle = true
    }
  }
  return lines
}

/**
 * The name of a `## 2. Input Parameters` heading, without its number; undefined
 * for another line. Read by hand: `^##\s+(?:\d+\.\s*)?(.+?)\s*$` tried the
 * rest of the line from every space of a long run (issue 26, item 6).
 */
function headingName(text: string): string | undefined {
  if (!/^##\s/.test(text)) return undefined
  const rest = text.slice(2)
  const trimmed = rest.trim()
  // As the expression read them: a blank heading is named by its last space, and a name never spans a line end.
  if (trimmed === '') return [...rest.slice(1)].reverse().find((c) => !LINE_END.test(c))
  const name = trimmed.replace(/^\d+\.\s*/, '') || trimmed
  return LINE_END.test(name) ? undefined : name
}

export function splitPage(markdown: string): PageText {
  const all = markdown
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ text, number: i + 1 }))
  const lines = pageBody(all)
  const titleAt = lines.find((l) => /^# /.test(l.text))
  const url = /available as \[Markdown\]\((https?:\/\/[^)\s]+)\)/.exec(markdown)?.[1]
  const sections: Section[] = []
  let current: { name: string; line: number; lines: Line[] } | undefined
  for (const line of lines) {
    const name = headingName(line.text)
    if (name !== undefined) {
      current = { name: name.toLowerCase(), line: line.number, lines: [] }
      sections.push(current)
    } else current?.lines.push(line)
  }
  return {
    title: titleAt?.text.slice(2).trim(),
    titleLine: titleAt?.number ?? 0,
    url: url?.replace(/\.md$/, ''),
    sections,
  }
}

/** Cells of one pipe-table line; `\|` is a pipe inside a cell. */
function cellsOf(text: string): string[] {
  const inner = text.trim().replace(/^\|/, '').replace(/\|$/, '')
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]
    if (c === '\\' && inner[i + 1] === '|') {
      cell += '|'
      i++
    } else if (c === '|') {
      cells.push(cell.trim())
      cell = ''
    } else cell += c
  }
  cells.push(cell.trim())
  return cells
}

/**
 * A `| --- | :---: |` line, as `^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`
 * read cell by cell: that expression tried every split of a long run of
 * spaces between its two `\s*` (issue 26, item 6).
 */
function isSeparator(text: string): boolean {
  let inner = text.startsWith('|') ? text.slice(1) : text
  inner = inner.trimEnd()
  if (inner.endsWith('|')) inner = inner.slice(0, -1)
  return inner.split('|').every((cell) => /^\s*:?-{3,}:?\s*$/.test(cell))
}

/**
 * The pipe tables of a section, in order. A row whose cell count differs from
 * the header's, or a table without its separator line, is an error naming the
 * row: a table read wrongly would report drift that is not there, or hide it.
 */
export function tablesOf(section: Section, page: string, label: string): Table[] {
  const tables: Table[] = []
  const lines = section.lines
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]
    if (!first?.text.trim().startsWith('|')) continue
    const header = cellsOf(first.text)
    const separator = lines[i + 1]
    if (!separator || !isSeparator(separator.text)) {
      throw new PageError(
        page,
        `${label} table, line ${first.number}`,
        'the header row is not followed by a |---| line',
      )
    }
    const rows: { cells: string[]; line: number }[] = []
    let j = i + 2
    for (; j < lines.length && lines[j]?.text.trim().startsWith('|'); j++) {
      const line = lines[j] as Line
      const cells = cellsOf(line.text)
      if (cells.length !== header.length) {
        throw new PageError(
          page,
          `${label} table, row ${rows.length + 1}, line ${line.number}`,
          `the row has ${cells.length} cells; the header has ${header.length} (${echoList(header)})`,
        )
      }
      rows.push({ cells, line: line.number })
    }
    tables.push({ header, rows, line: first.number })
    i = j - 1
  }
  return tables
}

/** The lines inside the section's fenced code blocks. */
export function codeLines(section: Section): Line[] {
  const out: Line[] = []
  let inside = false
  for (const line of section.lines) {
    if (/^\s*```/.test(line.text)) inside = !inside
    else if (inside) out.push(line)
  }
  return out
}

/**
 * A cell or a line as text: HTML paragraphs become line breaks, tags and
 * links keep only their words, markdown escapes are undone. Backticks stay:
 * they mark literal values (`eth0`, `STOPPED`).
 */
export function plainText(markup: string): string {
  const paragraphs = markup.replace(/<\/p>\s*<p>|<br\s*\/?>|<\/?p>/gi, '\n')
  // Anchors, tags and links by one-pass scanners (markup.ts): the regular expressions they replace were quadratic.
  return unwrapLinks(stripTags(unwrapAnchors(paragraphs)))
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>^$@=%&])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}
