// One run of the check: read each page, match it to its operation, and either
// skip it (page and spec unchanged since the recorded reconciliation) or
// compare it, noting what changed since that version.
import type { OperationModel } from '@zenlayer-reset/codegen'
import { compareFacts, type Finding, factKey } from './compare.js'
import { echo } from './echo.js'
import type { OperationFacts } from './facts.js'
import { matchPage } from './match.js'
import { PageError } from './page/page-error.js'
import { type PageFacts, readPage } from './page/read-page.js'
import { type FactChange, factChanges, type Record_, recordKey, specHash } from './record.js'
import { specFacts } from './spec/spec-facts.js'

export interface PageInput {
  /** A file path or URL, as reports name the page. */
  readonly name: string
  readonly markdown: string
  /** The address it was fetched from, when it was. */
  readonly url?: string
}

export type PageVerdict = 'unchanged' | 'in sync' | 'accepted' | 'drift'

export interface PageResult {
  readonly page: string
  readonly service: string
  readonly action: string
  readonly docsUrl: string
  readonly verdict: PageVerdict
  /** False when the page and the spec are as last reconciled and nothing was compared. */
  readonly compared: boolean
  /** Whether a reconciled version is recorded, and whether this page differs from it. */
  readonly recorded: boolean
  readonly pageChanged: boolean
  readonly specChanged: boolean
  readonly changes: readonly FactChange[]
  readonly findings: readonly Finding[]
  readonly pageSha256: string
  readonly specSha256: string
  readonly pageFacts: OperationFacts
}

export interface PageFailure {
  readonly page: string
  readonly problem: string
}

export interface CheckRun {
  readonly results: readonly PageResult[]
  readonly failures: readonly PageFailure[]
}

export interface CheckOptions {
  readonly operations: readonly OperationModel[]
  readonly root: string
  readonly record: Record_
  /** Compare even pages that are unchanged since the recorded reconciliation. */
  readonly full: boolean
}

function asOperationFacts(page: PageFacts, op: OperationModel): OperationFacts {
  return {
    service: op.service,
    action: op.action,
    input: page.input,
    output: page.output,
    errors: page.errors,
    exclusive: page.exclusive,
    statuses: page.statuses,
    actionName: page.actionName,
  }
}

export function checkPages(inputs: readonly PageInput[], options: CheckOptions): CheckRun {
  const results: PageResult[] = []
  const failures: PageFailure[] = []
  const seen = new Map<string, string>()
  for (const input of inputs) {
    try {
      const page = readPage(input.markdown, input.name)
      const op = matchPage(page, options.operations, input.url ?? page.url)
      const key = recordKey(op.service, op.action)
      const twice = seen.get(key)
      if (twice) throw new PageError(input.name, 'matching', `documents ${key}, as ${twice} already does`)
      seen.set(key, input.name)
      const pageFacts = asOperationFacts(page, op)
      const spec = specFacts(op, options.root)
      const sha = specHash(spec)
      const recorded = options.record.pages[key]
      const pageChanged = recorded !== undefined && recorded.pageSha256 !== page.sha256
      const specChanged = recorded !== undefined && recorded.specSha256 !== sha
      const base = {
        page: input.name,
        service: op.service,
        action: op.action,
        docsUrl: op.docsUrl,
        recorded: recorded !== undefined,
        pageChanged,
        specChanged,
        pageSha256: page.sha256,
        specSha256: sha,
        pageFacts,
      }
      if (recorded && !pageChanged && !specChanged && !options.full) {
        results.push({ ...base, verdict: 'unchanged', compared: false, changes: [], findings: [] })
        continue
      }
      const changes = recorded ? factChanges(recorded.facts, pageFacts) : []
      const findings = compareFacts(pageFacts, spec).map((f): Finding => {
        // Silence is not agreement when the reconciled version of the page did state the fact.
        const before = recorded?.facts[factKey(f)]
        const stated =
          f.subject === 'notes' ? Array.isArray(before) && before.includes(f.field ?? '') : before !== undefined
        return f.verdict === 'unstated' && stated && before !== undefined
          ? { ...f, verdict: 'drift', reconciled: before }
          : f
      })
      const verdict: PageVerdict = findings.some((f) => f.verdict === 'drift')
        ? 'drift'
        : findings.some((f) => f.verdict === 'accepted')
          ? 'accepted'
          : 'in sync'
      results.push({ ...base, verdict, compared: true, changes, findings })
    } catch (error) {
      failures.push({ page: input.name, problem: problemOf(input.name, error) })
    }
  }
  return { results, failures }
}

/**
 * A page's failure as one line. Anything but a PageError is a fault of this
 * check, not of the page; it still fails only that page, as exit 2 (never 1,
 * which would claim drift) and without a stack trace (issue 26, item 7).
 */
function problemOf(page: string, error: unknown): string {
  if (error instanceof PageError) return error.message
  const e = error as { name?: string; message?: string }
  return `${page}: the check failed on this page (${e?.name ?? 'Error'}: ${echo(e?.message ?? String(error))}); please report it with the page`
}

/** 0 in sync (accepted departures allowed), 1 on drift, 2 when a page could not be read, parsed or matched. */
export function exitCode(run: CheckRun): number {
  if (run.failures.length > 0) return 2
  return run.results.some((r) => r.verdict === 'drift') ? 1 : 0
}
