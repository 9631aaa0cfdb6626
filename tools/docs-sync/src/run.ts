// One run of the check: read each vendor witness (a page, a catalog file),
// match it to its operation, and either skip it (witness and spec unchanged
// since the recorded reconciliation) or compare it, noting what changed since
// that version; then hold the witnesses of each operation against each other.
import type { OperationModel } from '@zenlayer-reset/codegen'
import { readCatalog } from './catalog/read-catalog.js'
import { compareFacts, type Finding, factKey } from './compare.js'
import { echo } from './echo.js'
import type { OperationFacts, WitnessKind } from './facts.js'
import { matchPage } from './match.js'
import { PageError } from './page/page-error.js'
import { type PageFacts, readPage } from './page/read-page.js'
import { type FactChange, factChanges, type Record_, recordKey, recordsOf, specHash } from './record.js'
import { specFacts } from './spec/spec-facts.js'
import { disagreements } from './witnesses.js'

export interface PageInput {
  /** A file path or URL, as reports name the page. */
  readonly name: string
  /** The text: a page's markdown, or a catalog file's YAML. */
  readonly markdown: string
  /** The address it was fetched from, when it was. */
  readonly url?: string
  /** Which witness the text is; absent: a catalog file when the name ends in .yaml or .yml, else a page. */
  readonly kind?: WitnessKind
}

/** The witness a named input is. */
export function witnessOf(input: Pick<PageInput, 'name' | 'kind'>): WitnessKind {
  return input.kind ?? (/\.ya?ml$/i.test(input.name) ? 'catalog' : 'page')
}

export type PageVerdict = 'unchanged' | 'in sync' | 'accepted' | 'drift'

export interface PageResult {
  readonly witness: WitnessKind
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

/** A witness of an action the record lists as known and not yet covered by the specs: one line, not compared. */
export interface UncoveredNote {
  readonly page: string
  readonly witness: WitnessKind
  readonly service: string
  readonly action: string
  readonly reason: string
}

export interface CheckRun {
  readonly results: readonly PageResult[]
  readonly failures: readonly PageFailure[]
  /** Facts two witnesses of one operation state differently (witnesses.ts). */
  readonly disagreements?: readonly Finding[]
  readonly uncovered?: readonly UncoveredNote[]
  /** The spec against its own prose (spec/spec-prose.ts): descriptions read, and those contradicting their schema. */
  readonly specProse?: { readonly read: number; readonly findings: readonly Finding[] }
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
    version: page.version,
    silentOn: page.silentOn ?? [],
  }
}

/** The action a witness documents, by what it names itself, when the record lists it as not yet covered. */
function uncoveredOf(page: PageFacts, record: Record_): { key: string; reason: string } | undefined {
  for (const { service } of page.services) {
    const key = recordKey(service, page.action)
    const reason = record.uncovered?.[key]
    if (reason !== undefined) return { key, reason }
  }
  return undefined
}

export function checkPages(inputs: readonly PageInput[], options: CheckOptions): CheckRun {
  const results: PageResult[] = []
  const failures: PageFailure[] = []
  const uncovered: UncoveredNote[] = []
  const seen = new Map<string, string>()
  for (const input of inputs) {
    try {
      const witness = witnessOf(input)
      const page =
        witness === 'catalog' ? readCatalog(input.markdown, input.name) : readPage(input.markdown, input.name)
      const known = uncoveredOf(page, options.record)
      if (known) {
        const [service = '', action = ''] = known.key.split(' ')
        // Listed, yet defined: the listing is stale, and the note says how to start comparing.
        const defined = options.operations.some((o) => o.service === service && o.action === action)
        const reason = defined
          ? `${known.reason}; the specs now define it: remove it from "uncovered" to compare it`
          : known.reason
        uncovered.push({ page: input.name, witness, service, action, reason })
        continue
      }
      const op = matchPage(page, options.operations, input.url ?? page.url)
      const key = recordKey(op.service, op.action)
      const twice = seen.get(`${witness} ${key}`)
      if (twice) throw new PageError(input.name, 'matching', `documents ${key}, as ${twice} already does`)
      seen.set(`${witness} ${key}`, input.name)
      const pageFacts = asOperationFacts(page, op)
      const spec = specFacts(op, options.root)
      const sha = specHash(spec)
      const recorded = recordsOf(options.record, witness)[key]
      const pageChanged = recorded !== undefined && recorded.pageSha256 !== page.sha256
      const specChanged = recorded !== undefined && recorded.specSha256 !== sha
      const base = {
        witness,
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
      const findings = compareFacts(pageFacts, spec)
        .map((f): Finding => ({ ...f, witness }))
        .map((f): Finding => {
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
  return { results, failures, disagreements: witnessDisagreements(results, options), uncovered }
}

/** The witnesses of each operation against each other, whether or not they were compared with the spec. */
function witnessDisagreements(results: readonly PageResult[], options: CheckOptions): Finding[] {
  const byOperation = new Map<string, PageResult[]>()
  for (const r of results) {
    const key = recordKey(r.service, r.action)
    byOperation.set(key, [...(byOperation.get(key) ?? []), r])
  }
  const out: Finding[] = []
  for (const group of byOperation.values()) {
    if (group.length < 2) continue
    const first = group[0] as PageResult
    const op = options.operations.find((o) => o.service === first.service && o.action === first.action)
    if (!op) continue
    const witnesses = group.map((r) => ({ witness: r.witness, name: r.page, facts: r.pageFacts }))
    out.push(...disagreements(witnesses, specFacts(op, options.root)))
  }
  return out
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

/** 0 in sync (accepted departures allowed), 1 on drift, 2 when a witness could not be read, parsed or matched. */
export function exitCode(run: CheckRun): number {
  if (run.failures.length > 0) return 2
  const drift =
    run.results.some((r) => r.verdict === 'drift') ||
    (run.disagreements ?? []).some((f) => f.verdict === 'drift') ||
    (run.specProse?.findings.length ?? 0) > 0
  return drift ? 1 : 0
}
