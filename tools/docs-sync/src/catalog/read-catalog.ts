// One file of the vendor's YAML catalog (the one its command-line tool `zeno`
// is built from: one file per action) into the same neutral facts as a page.
// The parameters by their wire name (`sdk-field`), required, type (enum values
// and the fields of item and object schemas too), the limits their
// descriptions state (read by the page's own prose reader), the statuses the
// notes (`long`) name, the action and the API version the SDK sends.
import { createHash } from 'node:crypto'
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml'
import { echo } from '../echo.js'
import type { ExclusiveFact, Fact, FactValue, FieldFacts, FieldLimit, PageSource } from '../facts.js'
import { plainText } from '../page/markdown.js'
import { PageError } from '../page/page-error.js'
import { readProse } from '../page/prose.js'
import type { PageFacts } from '../page/read-page.js'

/** The catalog's types, as the pages write them. `enum` is a string with `enum-values`. */
const TYPES: Readonly<Record<string, string>> = {
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  int: 'integer',
  long: 'integer',
  float: 'number',
  number: 'number',
  enum: 'string',
  object: 'object',
  'string-array': 'array of string',
  'integer-array': 'array of integer',
  'object-array': 'array of object',
}

/** Entries (parameters and their nested fields) one file may hold; a real file has a few dozen. */
const MAX_ENTRIES = 2_000
/** Nested item schemas deeper than this are refused; the deepest real one is 2. */
const MAX_DEPTH = 6

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `&#x26;` and `&#38;` as `&`: the catalog keeps some characters of the pages as HTML entities. */
function decodeEntities(text: string): string {
  return text.replace(/&#(x[0-9a-f]{1,6}|\d{1,7});/gi, (whole, code: string) => {
    const n = code[0] === 'x' || code[0] === 'X' ? Number.parseInt(code.slice(1), 16) : Number(code)
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole
  })
}

/**
 * The documented part of a file, hashed: its text without the command-line
 * examples (the top-level `examples:` block), line ends and trailing spaces
 * normalised. The text, not the parsed value: YAML aliases can make a small
 * file a huge value, and JSON.stringify would write every copy of it.
 */
function documentedHash(source: string): string {
  const kept: string[] = []
  let inExamples = false
  for (const line of source.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (/^\S/.test(line)) inExamples = /^examples\s*:/.test(line)
    if (!inExamples) kept.push(line.trimEnd())
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop()
  return createHash('sha256')
    .update(`${kept.join('\n')}\n`)
    .digest('hex')
}

function parse(text: string, file: string): Record<string, unknown> {
  let doc: unknown
  try {
    // The core schema keeps `2025-09-01` a string; js-yaml builds no objects but plain ones from it.
    doc = load(text, { schema: CORE_SCHEMA, filename: file, json: false })
  } catch (error) {
    // A stack overflow on thousands of nested brackets is a file this check cannot read, like bad YAML.
    if (error instanceof RangeError) throw new PageError(file, 'parsing', 'nested too deeply to read')
    if (!(error instanceof YAMLException)) throw error
    const where = error.mark ? `line ${error.mark.line + 1}` : 'parsing'
    throw new PageError(file, where, `not valid YAML (${echo(error.reason ?? 'unreadable')})`)
  }
  if (!isObject(doc))
    throw new PageError(file, 'top level', 'not a catalog file: expected a mapping with name, product, sdk')
  return doc
}

function text(doc: Record<string, unknown>, key: string, file: string, where: string, pattern?: RegExp): string {
  const value = doc[key]
  if (typeof value !== 'string' || (pattern && !pattern.test(value)))
    throw new PageError(
      file,
      where,
      `${key} is ${value === undefined ? 'missing' : `"${echo(String(value))}"`}, not ${pattern ? 'a valid value' : 'a string'}`,
    )
  return value
}

/**
 * Finds the line of each entry's `- name: x`, in the order the entries are
 * read (document order). The lines of every name are indexed in one pass, so
 * that a file of many lines and many entries is not scanned once per entry.
 */
function lineFinder(source: string): (name: string) => number {
  const byName = new Map<string, number[]>()
  source.split(/\r?\n/).forEach((line, i) => {
    const m = /^\s*-?\s*name:\s*['"]?([^'"\s]+)/.exec(line)
    if (!m?.[1]) return
    const lines = byName.get(m[1]) ?? []
    if (lines.length === 0) byName.set(m[1], lines)
    if (lines.length < 1_000) lines.push(i + 1)
  })
  let cursor = 0
  return (name) => {
    const lines = byName.get(name) ?? []
    const line = lines.find((l) => l > cursor) ?? lines[0]
    if (line === undefined) return 1
    cursor = line
    return line
  }
}

export function readCatalog(source: string, file: string): PageFacts {
  const doc = parse(source, file)
  const action = text(doc, 'name', file, 'name', /^[A-Za-z][A-Za-z0-9]*$/)
  const product = text(doc, 'product', file, 'product', /^[a-z][a-z0-9]*$/)
  const sdk = doc.sdk
  if (!isObject(sdk)) throw new PageError(file, 'sdk', 'no sdk mapping (service, version, action)')
  const sdkService = text(sdk, 'service', file, 'sdk', /^[a-z][a-z0-9]*$/)
  const sdkAction = text(sdk, 'action', file, 'sdk', /^[A-Za-z][A-Za-z0-9]*$/)
  const sdkVersion = text(sdk, 'version', file, 'sdk', /^\d{4}-\d{2}-\d{2}$/)
  const lineOf = lineFinder(source)
  const sdkLine = source.split(/\r?\n/).findIndex((l) => /^sdk:/.test(l)) + 1 || 1
  const at = (table: string, line: number, quote: string, row?: number, cell?: string): PageSource => ({
    witness: 'catalog',
    page: file,
    table,
    row,
    cell,
    line,
    quote,
  })
  const exclusive = new Map<string, ExclusiveFact>()
  let entries = 0
  const fieldsOf = (list: unknown, table: 'parameters' | 'response', prefix: string, depth: number): FieldFacts[] => {
    if (list === undefined || list === null) return []
    if (!Array.isArray(list)) throw new PageError(file, table, `${prefix || table} is not a list`)
    const out: FieldFacts[] = []
    const seen = new Set<string>()
    list.forEach((entry, i) => {
      if (++entries > MAX_ENTRIES) throw new PageError(file, table, `more than ${MAX_ENTRIES} entries`)
      const where = `${table} ${prefix}#${i + 1}`
      if (!isObject(entry)) throw new PageError(file, where, 'an entry is not a mapping')
      const top = table === 'parameters' && prefix === ''
      // Top-level parameters go on the wire under `sdk-field` (`name` is the flag); nested fields under `name`.
      const wire = top ? entry['sdk-field'] : entry.name
      if (typeof wire !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(wire))
        throw new PageError(
          file,
          where,
          `${top ? 'sdk-field' : 'name'} "${echo(String(wire))}" is not a parameter name`,
        )
      const name = `${prefix}${wire}`
      if (seen.has(name)) throw new PageError(file, where, `${name} is listed twice`)
      seen.add(name)
      const line = lineOf(typeof entry.name === 'string' ? entry.name : wire)
      const rawType = entry.type
      const type = typeof rawType === 'string' ? TYPES[rawType] : undefined
      if (type === undefined)
        throw new PageError(
          file,
          `${where}, line ${line}`,
          `type "${echo(String(rawType))}" of ${name} is not one this check knows`,
        )
      let required: Fact<boolean> | undefined
      if (top) {
        if (typeof entry.required !== 'boolean')
          throw new PageError(file, `${where}, line ${line}`, `required of ${name} is not true or false`)
        required = { value: entry.required, source: at(table, line, String(entry.required), i + 1, 'required') }
      }
      const description = typeof entry.description === 'string' ? plainText(decodeEntities(entry.description)) : ''
      const prose = readProse(description, type)
      const limits: Partial<Record<FieldLimit, Fact>> = {}
      for (const [limit, fact] of Object.entries(prose.limits) as [FieldLimit, { value: FactValue; quote: string }][])
        limits[limit] = { value: fact.value, source: at(table, line, fact.quote, i + 1, 'description') }
      if (rawType === 'enum') {
        const values = entry['enum-values']
        if (!Array.isArray(values) || values.length === 0)
          throw new PageError(file, `${where}, line ${line}`, `enum ${name} has no enum-values`)
        const list = values.map((v) => (isObject(v) ? v.value : v))
        if (!list.every((v) => typeof v === 'string' || typeof v === 'number'))
          throw new PageError(file, `${where}, line ${line}`, `an enum value of ${name} is not a string or a number`)
        limits.enum = { value: list.map(String), source: at(table, line, list.join(', '), i + 1, 'enum-values') }
      }
      if (table === 'parameters') {
        for (const rule of prose.exclusive) {
          const fields = [...rule.fields].sort()
          const key = fields.join('+')
          if (!exclusive.has(key))
            exclusive.set(key, {
              fields,
              rule: { value: rule.rule, source: at(table, line, rule.quote, i + 1, 'description') },
            })
        }
      }
      out.push({
        name,
        source: at(table, line, name, i + 1, top ? 'sdk-field' : 'name'),
        required,
        type: { value: type, source: at(table, line, String(rawType), i + 1, 'type') },
        limits,
      })
      const nested = entry['item-schema'] ?? entry['object-schema']
      if (nested !== undefined) {
        if (depth >= MAX_DEPTH) throw new PageError(file, where, `item schemas nested more than ${MAX_DEPTH} deep`)
        const inner = type.startsWith('array') ? `${name}[].` : `${name}.`
        out.push(...fieldsOf(nested, table, inner, depth + 1))
      }
    })
    return out
  }
  const input = fieldsOf(doc.parameters, 'parameters', '', 0)
  const output = fieldsOf(doc.response, 'response', '', 0)
  const names = new Set(input.map((f) => f.name))
  for (const [key, rule] of exclusive) if (!rule.fields.every((f) => names.has(f))) exclusive.delete(key)
  const services = [
    { service: product, from: 'its product' },
    { service: sdkService, from: 'its sdk.service' },
  ]
  return {
    page: file,
    sha256: documentedHash(source),
    action,
    services,
    url: undefined,
    input,
    output,
    errors: [],
    exclusive: [...exclusive.values()],
    statuses: statusesOf(doc.long, source, at),
    actionName: { value: sdkAction, source: at('sdk', sdkLine, `action: ${sdkAction}`) },
    version: { value: sdkVersion, source: at('sdk', sdkLine, `version: ${sdkVersion}`) },
    // A catalog file lists the reply's own fields, not the envelope's requestId, and no error codes.
    silentOn: ['output.requestId', 'errors'],
  }
}

/** Statuses the notes name, as on a page: upper-case words in backticks. */
function statusesOf(
  long: unknown,
  source: string,
  at: (table: string, line: number, quote: string) => PageSource,
): Fact<readonly string[]> | undefined {
  if (typeof long !== 'string') return undefined
  const found: string[] = []
  for (const line of decodeEntities(long).split(/\r?\n/)) {
    for (const m of plainText(line).matchAll(/`([A-Z][A-Z_]{2,})`/g))
      if (m[1] && !found.includes(m[1])) found.push(m[1])
  }
  if (found.length === 0) return undefined
  const first = source.split(/\r?\n/).findIndex((l) => l.includes(`\`${found[0]}\``)) + 1
  return { value: found, source: at('long', first || 1, found.join(', ')) }
}
