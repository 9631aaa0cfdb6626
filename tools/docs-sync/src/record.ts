// The record of reconciled pages (specs/vendor-pages.json): per operation, the
// hash of the page version last reconciled with the spec, the hash of the
// spec's facts then, and the page's facts (values only, no prose). A run on an
// unchanged page against an unchanged spec needs no comparison; a changed
// page is diffed against those facts to say what changed.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
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
  'Written by `pnpm docs:check --record`: the vendor page versions last reconciled with the specs. Do not edit by hand.'

export function recordKey(service: string, action: string): string {
  return `${service} ${action}`
}

export function readRecord(file: string): Record_ {
  if (!existsSync(file)) return { pages: {} }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pages?: Record<string, PageRecord> }
  return { pages: parsed.pages ?? {} }
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
