// One vendor page into the neutral facts: the title names the action, the
// example (or the page's own address) the service, the tables the fields and
// error codes, the notes the statuses. Every fact keeps its table, row, cell
// and words.
import { createHash } from 'node:crypto'
import { echo, echoList } from '../echo.js'
import type { ErrorFact, ExclusiveFact, Fact, FactValue, FieldFacts, FieldLimit, PageSource } from '../facts.js'
import { codeLines, type Line, plainText, type Section, splitPage, type Table, tablesOf } from './markdown.js'
import { PageError } from './page-error.js'
import { readProse } from './prose.js'

/** A page's facts before it is matched to an operation. */
export interface PageFacts {
  /** The file or URL it was read from. */
  readonly page: string
  /** SHA-256 of the page's documented part (GitBook's appended agent instructions left out). */
  readonly sha256: string
  readonly action: string
  /** The services the page names, each with where: its example's request line or Host, its own address. */
  readonly services: readonly { readonly service: string; readonly from: string }[]
  readonly url: string | undefined
  readonly input: readonly FieldFacts[]
  readonly output: readonly FieldFacts[]
  readonly errors: readonly ErrorFact[]
  readonly exclusive: readonly ExclusiveFact[]
  readonly statuses: Fact<readonly string[]> | undefined
  readonly actionName: Fact<string> | undefined
  /** The API version, when the witness states one (a catalog file's sdk.version). */
  readonly version?: Fact<string> | undefined
  /** Facts the witness never states by its nature (OperationFacts.silentOn). */
  readonly silentOn?: readonly string[]
}

/** Deeper nesting than any API writes; a limit, so that `Array of ` x 10,000 is refused, not recursed into. */
const MAX_ARRAY_DEPTH = 8

/**
 * `String` -> `string`, `Array of String` -> `array of string`; another
 * capitalised name is a structure. Arrays are unwrapped in a loop, at most
 * MAX_ARRAY_DEPTH deep: recursing overflowed the stack (issue 26, item 7).
 */
export function pageType(raw: string): string | undefined {
  let t = raw.replace(/`/g, '').trim()
  let depth = 0
  for (let array = arrayItem(t); array !== undefined; array = arrayItem(t)) {
    if (++depth > MAX_ARRAY_DEPTH) return undefined
    t = array
  }
  const item = scalarType(t)
  return item === undefined ? undefined : `${'array of '.repeat(depth)}${item}`
}

/** The item type of `Array of X` or `X[]`, trimmed; undefined for another type. */
function arrayItem(t: string): string | undefined {
  return (/^array of (.+)$/i.exec(t) ?? /^(.+)\[\]$/.exec(t))?.[1]?.trim()
}

function scalarType(t: string): string | undefined {
  const scalar: Record<string, string> = {
    string: 'string',
    boolean: 'boolean',
    bool: 'boolean',
    integer: 'integer',
    int: 'integer',
    long: 'integer',
    float: 'number',
    double: 'number',
    number: 'number',
    object: 'object',
    map: 'object',
  }
  const known = scalar[t.toLowerCase()]
  if (known) return known
  return /^[A-Z][A-Za-z0-9]*$/.test(t) ? 'object' : undefined
}

function section(sections: readonly Section[], ...names: string[]): Section | undefined {
  return sections.find((s) => names.some((n) => s.name.includes(n)))
}

/** The column whose header contains one of the words; an error when the table has none. */
function column(table: Table, page: string, label: string, ...words: string[]): number {
  const index = table.header.findIndex((h) => words.some((w) => h.toLowerCase().includes(w)))
  if (index < 0) {
    throw new PageError(
      page,
      `${label} table, line ${table.line}`,
      `no column named ${words.join(' or ')} (${echoList(table.header)})`,
    )
  }
  return index
}

function oneTable(s: Section | undefined, page: string, label: string): Table | undefined {
  if (!s) return undefined
  const tables = tablesOf(s, page, label)
  if (tables.length > 1) {
    throw new PageError(
      page,
      `${label} section, line ${tables[1]?.line}`,
      'more than one table; which one lists the parameters is unclear',
    )
  }
  return tables[0]
}

export function readPage(markdown: string, page: string): PageFacts {
  const text = splitPage(markdown)
  if (!text.title) throw new PageError(page, 'title', 'no `# <Action>` title')
  const action = text.title.replace(/`/g, '')
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(action)) {
    throw new PageError(page, `title, line ${text.titleLine}`, `"${echo(text.title)}" is not an action name`)
  }
  const sha256 = createHash('sha256').update(documentedPart(markdown)).digest('hex')
  const at = (table: string, line: number, quote: string, row?: number, cell?: string): PageSource => ({
    witness: 'page',
    page,
    table,
    row,
    cell,
    line,
    quote,
  })

  const inputSection = section(text.sections, 'input parameter', 'request parameter')
  const outputSection = section(text.sections, 'output parameter', 'response parameter')
  if (!inputSection) throw new PageError(page, 'sections', 'no "Input Parameters" section')
  if (!outputSection) throw new PageError(page, 'sections', 'no "Output Parameters" section')
  const exclusive = new Map<string, ExclusiveFact>()
  const input = fieldsOf(oneTable(inputSection, page, 'input'), page, 'input', true, at, exclusive)
  const output = fieldsOf(oneTable(outputSection, page, 'output'), page, 'output', false, at, exclusive)
  const names = new Set(input.map((f) => f.name))
  for (const [key, rule] of exclusive) if (!rule.fields.every((f) => names.has(f))) exclusive.delete(key)

  const errorSection = section(text.sections, 'error code')
  if (!errorSection) throw new PageError(page, 'sections', 'no "Error Codes" section')
  const errors = errorsOf(oneTable(errorSection, page, 'errors'), page, at)

  const notes = section(text.sections, 'description')
  const statuses = statusesOf(notes, at)
  const example = section(text.sections, 'example')
  const { services, actionName } = exampleOf(example, at)
  if (text.url) {
    const service = /\/compute\/([a-z0-9]+)\//.exec(text.url)?.[1]
    if (service) services.push({ service, from: `the page's address ${echo(text.url, 200)}` })
  }
  return {
    page,
    sha256,
    action,
    services,
    url: text.url,
    input,
    output,
    errors,
    exclusive: [...exclusive.values()],
    statuses,
    actionName,
  }
}

/** The page without GitBook's appended agent instructions, line ends normalised, for hashing. */
export function documentedPart(markdown: string): string {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/)
  const second = lines.findIndex((l, i) => /^# /.test(l) && lines.slice(0, i).some((p) => /^# /.test(p)))
  const kept = second < 0 ? lines : lines.slice(0, second)
  // trim(), not /^\s*(---)?\s*$/: that tried every split of a long run of spaces (issue 26, item 6).
  while (kept.length > 0 && ['', '---'].includes((kept[kept.length - 1] ?? '').trim())) kept.pop()
  return `${kept.map((l) => l.trimEnd()).join('\n')}\n`
}

type At = (table: string, line: number, quote: string, row?: number, cell?: string) => PageSource

function fieldsOf(
  table: Table | undefined,
  page: string,
  label: 'input' | 'output',
  withRequired: boolean,
  at: At,
  exclusive: Map<string, ExclusiveFact>,
): FieldFacts[] {
  if (!table) return []
  const nameCol = column(table, page, label, 'name', 'parameter')
  const typeCol = column(table, page, label, 'type')
  const descCol = column(table, page, label, 'description')
  const reqCol = withRequired ? column(table, page, label, 'required') : -1
  const seen = new Set<string>()
  return table.rows.map((row, i) => {
    const where = `${label} table, row ${i + 1}, line ${row.line}`
    const name = plainText(row.cells[nameCol] ?? '').replace(/`/g, '')
    if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(name))
      throw new PageError(page, where, `"${echo(name)}" is not a parameter name`)
    if (seen.has(name)) throw new PageError(page, where, `${name} is listed twice`)
    seen.add(name)
    const rawType = plainText(row.cells[typeCol] ?? '')
    const type = pageType(rawType)
    if (type === undefined)
      throw new PageError(page, where, `type "${echo(rawType)}" of ${name} is not one this check knows`)
    let required: Fact<boolean> | undefined
    if (withRequired) {
      const raw = plainText(row.cells[reqCol] ?? '')
      if (!/^(yes|no)$/i.test(raw))
        throw new PageError(page, where, `Required of ${name} is "${echo(raw)}", not Yes or No`)
      required = { value: /^yes$/i.test(raw), source: at(label, row.line, raw, i + 1, table.header[reqCol]) }
    }
    const description = plainText(row.cells[descCol] ?? '')
    const prose = readProse(description, type)
    const limits: Partial<Record<FieldLimit, Fact>> = {}
    for (const [limit, fact] of Object.entries(prose.limits) as [FieldLimit, { value: FactValue; quote: string }][]) {
      limits[limit] = { value: fact.value, source: at(label, row.line, fact.quote, i + 1, table.header[descCol]) }
    }
    for (const rule of prose.exclusive) {
      const fields = [...rule.fields].sort()
      const key = fields.join('+')
      if (!exclusive.has(key)) {
        exclusive.set(key, {
          fields,
          rule: { value: rule.rule, source: at(label, row.line, rule.quote, i + 1, table.header[descCol]) },
        })
      }
    }
    const source = at(label, row.line, name, i + 1, table.header[nameCol])
    return {
      name,
      source,
      required,
      type: { value: type, source: at(label, row.line, rawType, i + 1, table.header[typeCol]) },
      limits,
    }
  })
}

function errorsOf(table: Table | undefined, page: string, at: At): ErrorFact[] {
  if (!table) return []
  const statusCol = column(table, page, 'errors', 'status')
  const codeCol = table.header.findIndex((h, i) => i !== statusCol && /code/i.test(h))
  if (codeCol < 0)
    throw new PageError(page, `errors table, line ${table.line}`, `no Error Code column (${echoList(table.header)})`)
  return table.rows.map((row, i) => {
    const where = `errors table, row ${i + 1}, line ${row.line}`
    const rawStatus = plainText(row.cells[statusCol] ?? '')
    const code = plainText(row.cells[codeCol] ?? '').replace(/`/g, '')
    if (!/^[1-5]\d\d$/.test(rawStatus))
      throw new PageError(page, where, `HTTP status "${echo(rawStatus)}" of ${echo(code || 'a code')} is not a status`)
    if (!/^[A-Z][A-Z0-9]*(?:[._][A-Z0-9]+)*$/.test(code))
      throw new PageError(page, where, `"${echo(code)}" is not an error code`)
    const source = at('errors', row.line, `${rawStatus} ${code}`, i + 1, table.header[codeCol])
    return { code, status: { value: Number(rawStatus), source }, source, common: false }
  })
}

/** Statuses the notes name: upper-case words in backticks (`STOPPED`). */
function statusesOf(notes: Section | undefined, at: At): Fact<readonly string[]> | undefined {
  if (!notes) return undefined
  const found: { status: string; line: Line }[] = []
  for (const line of notes.lines) {
    for (const m of plainText(line.text).matchAll(/`([A-Z][A-Z_]{2,})`/g)) {
      if (m[1] && !found.some((f) => f.status === m[1])) found.push({ status: m[1], line })
    }
  }
  if (found.length === 0) return undefined
  const first = found[0] as { line: Line }
  return {
    value: found.map((f) => f.status),
    source: at('notes', first.line.number, found.map((f) => f.status).join(', ')),
  }
}

function exampleOf(
  example: Section | undefined,
  at: At,
): { services: { service: string; from: string }[]; actionName: Fact<string> | undefined } {
  const services: { service: string; from: string }[] = []
  let actionName: Fact<string> | undefined
  for (const line of example ? codeLines(example) : []) {
    const request = /^\s*(?:POST|GET)\s+(\S+)\s+HTTP/i.exec(line.text)
    const host = /^\s*Host:\s*(\S+)/i.exec(line.text)
    const path = request?.[1] ?? host?.[1]
    const service = path ? /\/api\/v2\/([a-z0-9]+)/.exec(path)?.[1] : undefined
    if (service)
      services.push({ service, from: `the example's ${request ? 'request line' : 'Host'} (line ${line.number})` })
    const action = /^\s*X-ZC-Action:\s*(\S+)/i.exec(line.text)?.[1]
    if (action && !actionName) actionName = { value: action, source: at('example', line.number, line.text.trim()) }
  }
  return { services, actionName }
}
