// The record of reconciled pages (specs/vendor-pages.json): per operation, the
// hash of the page version last reconciled with the spec, the hash of the
// spec's facts then, and the page's facts (values only, no prose). A run on an
// unchanged page against an unchanged spec needs no comparison; a changed
// page is diffed against those facts to say what changed.
import { createHash } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { FileProblem, readBoundedFile } from './bounded-file.js'
import { echo } from './echo.js'
import type { FactValue, OperationFacts } from './facts.js'
import { bareFacts, canonical } from './facts.js'

export interface PageRecord {
  readonly url: string
  readonly pageSha256: string
  readonly specSha256: string
  readonly facts: Readonly<Record<string, FactValue>>
}

export interface Record_ {
  readonly pages: Readonly<Record<string, PageRecord>>
}

export const RECORD_NOTE =
  'Written by `npm run docs:check -- --record`: the vendor page versions last reconciled with the specs. Do not edit by hand.'

export function recordKey(service: string, action: string): string {
  return `${service} ${action}`
}

/** A record file that cannot be used, in one line naming it, what is wrong, and what to do. */
export class RecordError extends Error {
  override readonly name = 'RecordError'
  constructor(file: string, problem: string) {
    super(
      `${file}: ${problem}; restore it from git, or delete it and run zr-docs --full --record <pages> to write it again`,
    )
  }
}

/** The record is a few kilobytes per page; this is room for thousands. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** What is wrong with one entry, or undefined when it is a PageRecord. */
function entryProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'is not an object'
  const missing = ['url', 'pageSha256', 'specSha256'].filter((k) => typeof value[k] !== 'string')
  if (!isObject(value.facts)) missing.push('facts')
  return missing.length > 0 ? `lacks ${missing.join(', ')}` : undefined
}

/**
 * The record, checked: a truncated file, or an entry that is null or lacks
 * its hashes, is a RecordError, not a crash further on (issue 26, item 9).
 */
export function readRecord(file: string): Record_ {
  if (!existsSync(file)) return { pages: {} }
  let parsed: unknown
  try {
    parsed = JSON.parse(readBoundedFile(file, MAX_RECORD_BYTES))
  } catch (error) {
    if (error instanceof FileProblem) throw new RecordError(file, error.message)
    throw new RecordError(file, `is not JSON (${echo((error as Error).message)})`)
  }
  if (!isObject(parsed)) throw new RecordError(file, 'is not an object with "pages"')
  const pages = parsed.pages ?? {}
  if (!isObject(pages)) throw new RecordError(file, '"pages" is not an object')
  for (const [key, value] of Object.entries(pages)) {
    const problem = entryProblem(value)
    if (problem)
      throw new RecordError(
        file,
        `pages[${echo(JSON.stringify(key))}] ${problem === 'is not an object' ? problem : `is not an object with url, pageSha256, specSha256 and facts: it ${problem}`}`,
      )
  }
  return { pages: pages as Record<string, PageRecord> }
}

export function writeRecord(file: string, record: Record_): void {
  const pages = Object.fromEntries(Object.entries(record.pages).sort(([a], [b]) => (a < b ? -1 : 1)))
  writeFileSync(file, `${JSON.stringify({ note: RECORD_NOTE, pages }, null, 2)}\n`)
}

/** The spec's side of one operation, hashed: a change in any fact or decision changes it. */
export function specHash(spec: OperationFacts): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex')
}

export interface FactChange {
  readonly key: string
  readonly before: FactValue | undefined
  readonly after: FactValue | undefined
}

/** What changed in a page's facts since the recorded version. */
export function factChanges(before: Readonly<Record<string, FactValue>>, page: OperationFacts): FactChange[] {
  const after = bareFacts(page)
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return keys
    .filter((k) => canonical(before[k]) !== canonical(after[k]))
    .map((key) => ({ key, before: before[key], after: after[key] }))
}
