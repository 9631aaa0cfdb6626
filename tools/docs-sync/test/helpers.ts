import { join, resolve } from 'node:path'
import { buildService, findServices, type OperationModel } from '@zenlayer-reset/codegen'
import type { Finding } from '../src/compare.js'
import type { Record_ } from '../src/record.js'
import { type CheckRun, checkPages } from '../src/run.js'

export const ROOT = resolve(import.meta.dirname, '../../..')

let operations: OperationModel[] | undefined
/** The operations of the real specs, built once per test file. */
export function realOperations(): OperationModel[] {
  operations ??= findServices(ROOT).flatMap(
    (s) => buildService(join(ROOT, 'specs', s, 'openapi.yaml'), ROOT).operations,
  )
  return operations
}

export function check(markdown: string, options: { record?: Record_; full?: boolean; name?: string } = {}): CheckRun {
  return checkPages([{ name: options.name ?? 'test-page.md', markdown }], {
    operations: realOperations(),
    root: ROOT,
    record: options.record ?? { pages: {} },
    full: options.full ?? false,
  })
}

export function findings(run: CheckRun, verdict?: Finding['verdict']): Finding[] {
  return run.results.flatMap((r) => r.findings).filter((f) => verdict === undefined || f.verdict === verdict)
}

/** Findings reduced to what a test compares: subject, field, fact, both values. */
export function brief(list: readonly Finding[]) {
  return list.map((f) => ({ subject: f.subject, field: f.field, fact: f.fact, page: f.page, spec: f.spec }))
}
