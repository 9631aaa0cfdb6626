// The record of reconciled witnesses (specs/vendor-pages.json): per operation
// and witness (the pages under "pages", the catalog files under "catalog"),
// the hash of the version last reconciled with the spec, the hash of the
// spec's facts then, and the witness's facts (values only, no prose). A run on
// an unchanged witness against an unchanged spec needs no comparison; a
// changed one is diffed against those facts to say what changed. Kept by
// hand beside them, and kept by --record: "uncovered", the actions a witness
// documents that the specs knowingly do not cover yet, and "notRead", vendor
// sources of a fact that no reader of this check reads.
import { createHash } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { FileProblem, readBoundedFile } from './bounded-file.js'
import { echo } from './echo.js'
import type { FactValue, OperationFacts, WitnessKind } from './facts.js'
import { bareFacts, canonical } from './facts.js'

export interface PageRecord {
  readonly url: string
  readonly pageSha256: string
  readonly specSha256: string
  readonly facts: Readonly<Record<string, FactValue>>
}

/** A vendor source of a fact that no reader of the check reads (the Go SDK's model comments). */
export interface NotRead {
  readonly source: string
  /** `zec ResetInstances`. */
  readonly operation: string
  /** The fact's key, as in `facts` (`exclusive.keyId+password`). */
  readonly fact: string
  /** What that source states, as a value. */
  readonly states: string
  /** The decision of specs/DECISIONS.md that names it. */
  readonly decision: number
}

export interface Record_ {
  readonly pages: Readonly<Record<string, PageRecord>>
  readonly catalog?: Readonly<Record<string, PageRecord>>
  /** `bmc ReinstallInstance` -> why it is not covered yet. */
  readonly uncovered?: Readonly<Record<string, string>>
  readonly notRead?: readonly NotRead[]
}

export const RECORD_NOTE =
  'Written by `npm run docs:check -- --record`: the vendor page and catalog versions last reconciled with the specs ("pages", "catalog"; do not edit those by hand). "uncovered" and "notRead" are kept by hand and kept by --record.'

/** The entries of one witness. */
export function recordsOf(record: Record_, witness: WitnessKind): Readonly<Record<string, PageRecord>> {
  return (witness === 'catalog' ? record.catalog : record.pages) ?? {}
}

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
  const sections: Record<string, Record<string, PageRecord>> = {}
  for (const section of ['pages', 'catalog'] as const) {
    const entries = parsed[section] ?? {}
    if (!isObject(entries)) throw new RecordError(file, `"${section}" is not an object`)
    for (const [key, value] of Object.entries(entries)) {
      const problem = entryProblem(value)
      if (problem)
        throw new RecordError(
          file,
          `${section}[${echo(JSON.stringify(key))}] ${problem === 'is not an object' ? problem : `is not an object with url, pageSha256, specSha256 and facts: it ${problem}`}`,
        )
    }
    sections[section] = entries as Record<string, PageRecord>
  }
  const uncovered = parsed.uncovered ?? {}
  if (!isObject(uncovered) || !Object.values(uncovered).every((v) => typeof v === 'string'))
    throw new RecordError(file, '"uncovered" is not an object of "<service> <action>": "<why>" strings')
  const notRead = parsed.notRead ?? []
  if (!Array.isArray(notRead) || !notRead.every(isObject))
    throw new RecordError(file, '"notRead" is not a list of objects')
  return {
    pages: sections.pages ?? {},
    catalog: sections.catalog ?? {},
    uncovered: uncovered as Record<string, string>,
    notRead: notRead as unknown as NotRead[],
  }
}

const sorted = <T>(entries: Readonly<Record<string, T>> | undefined): Record<string, T> =>
  Object.fromEntries(Object.entries(entries ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))

export function writeRecord(file: string, record: Record_): void {
  const out: Record<string, unknown> = {
    note: RECORD_NOTE,
    pages: sorted(record.pages),
    catalog: sorted(record.catalog),
  }
  if (record.uncovered && Object.keys(record.uncovered).length > 0) out.uncovered = sorted(record.uncovered)
  if (record.notRead && record.notRead.length > 0) out.notRead = record.notRead
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
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
