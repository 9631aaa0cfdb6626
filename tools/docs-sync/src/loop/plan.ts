// What the scheduled run does with a report, decided without touching
// anything: open or update the one drift issue, close it when the vendor's
// witnesses (pages and catalog files) agree again, and propose recording the
// ones that changed but still agree.

import type { Finding } from '../compare.js'
import { findingLine } from '../report/text.js'
import { clipLines, codeBlock, inlineCode, label } from './as-code.js'

/** The JSON report of `zr-docs --json` (report/json.ts), as the loop reads it. */
export interface LoopReport {
  readonly exitCode: number
  readonly pages: readonly {
    /** `page` or `catalog`; absent in reports from before the catalog was read. */
    readonly witness?: string
    readonly page: string
    readonly service: string
    readonly action: string
    readonly verdict: 'unchanged' | 'in sync' | 'accepted' | 'drift'
    readonly recorded: boolean
    readonly pageChanged: boolean
    readonly changes: readonly { readonly key: string; readonly before?: unknown; readonly after?: unknown }[]
    readonly findings: readonly Finding[]
  }[]
  readonly failures: readonly { readonly page: string; readonly problem: string }[]
  /** Facts two witnesses of one operation state differently. */
  readonly disagreements?: readonly Finding[]
  /** The specs' descriptions that contradict their own schema. */
  readonly specProse?: { readonly read: number; readonly findings: readonly Finding[] }
}

export const ISSUE_LABEL = 'docs-drift'
export const ISSUE_TITLE = 'Vendor docs drift: the pages and the specs disagree'
export const RECORD_BRANCH = 'docs-sync/record'
/** GitHub refuses issue bodies over 65,536 characters. */
const MAX_BODY = 60_000

export type LoopAction =
  | { readonly kind: 'upsert-issue'; readonly title: string; readonly body: string }
  | { readonly kind: 'close-issue'; readonly comment: string }
  | { readonly kind: 'record-pr'; readonly pages: readonly string[]; readonly title: string; readonly body: string }

export function isLoopReport(value: unknown): value is LoopReport {
  const r = value as LoopReport | null
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.exitCode === 'number' &&
    Array.isArray(r.pages) &&
    Array.isArray(r.failures)
  )
}

/** Whole lines up to GitHub's limit; a cut never falls inside code, where it would leave page text outside. */
function clip(lines: readonly string[]): string {
  return clipLines(lines, MAX_BODY, "… (cut: the whole report is the run's docs-report artifact)")
}

/**
 * A change of a page's fact. Everything from the report that a page wrote
 * (values, quotes, names, problems) goes in as code only (issue 26, item 12):
 * as markdown, a page's `@octocat` would notify and its links and images render.
 */
function changeText(c: LoopReport['pages'][number]['changes'][number]): string {
  const show = (v: unknown): string => (v === undefined ? '(not stated)' : inlineCode(JSON.stringify(v) ?? String(v)))
  return `${inlineCode(c.key)}: ${show(c.before)} -> ${show(c.after)}`
}

export function issueBody(report: LoopReport, runUrl: string | undefined): string {
  const lines = [
    'The scheduled docs drift check found pages that disagree with the specs, or that it could not read.',
    '',
  ]
  if (runUrl) lines.push(`Run: ${runUrl}`, '')
  for (const p of report.pages.filter((x) => x.verdict === 'drift')) {
    const catalog = p.witness === 'catalog'
    lines.push(
      `### ${label(`${p.service} ${p.action}`)}${catalog ? ' (catalog)' : ''}`,
      '',
      `${catalog ? 'Catalog file' : 'Page'}: ${inlineCode(p.page)}`,
      '',
    )
    if (p.changes.length > 0) {
      lines.push('Changed since the reconciled version:', '')
      for (const c of p.changes) lines.push(`- ${changeText(c)}`)
      lines.push('')
    }
    lines.push(...codeBlock(p.findings.filter((f) => f.verdict === 'drift').map(findingLine)), '')
  }
  const disagreeing = (report.disagreements ?? []).filter((f) => f.verdict === 'drift')
  if (disagreeing.length > 0)
    lines.push(
      '### Vendor witnesses that disagree with each other',
      '',
      'The page and the catalog state different values; only a numbered decision naming the fact accepts this (specs/DECISIONS.md).',
      '',
      ...codeBlock(disagreeing.map(findingLine)),
      '',
    )
  const prose = report.specProse?.findings ?? []
  if (prose.length > 0)
    lines.push('### Spec descriptions that contradict their own schema', '', ...codeBlock(prose.map(findingLine)), '')
  if (report.failures.length > 0) {
    lines.push(
      '### Pages or catalog files that could not be read',
      '',
      ...report.failures.map((f) => `- ${inlineCode(f.problem)}`),
      '',
    )
  }
  lines.push(
    'What to do: for each line, decide which side is right. If the API changed, edit the spec, run `npm run generate -- --changeset` and open a pull request; if the page is wrong, add an `x-zc-decision` naming the fact (specs/README.md). Then `npm run docs:check -- --full --record <pages>` (tools/docs-sync/README.md, "The loop"). This issue is updated by each run and closed when the pages agree again.',
  )
  return clip(lines)
}

export function planLoop(report: LoopReport, runUrl?: string): LoopAction[] {
  const actions: LoopAction[] = []
  const drift =
    report.pages.some((p) => p.verdict === 'drift') ||
    report.failures.length > 0 ||
    (report.disagreements ?? []).some((f) => f.verdict === 'drift') ||
    (report.specProse?.findings.length ?? 0) > 0
  if (drift) actions.push({ kind: 'upsert-issue', title: ISSUE_TITLE, body: issueBody(report, runUrl) })
  else
    actions.push({
      kind: 'close-issue',
      comment: `The pages agree with the specs again${runUrl ? ` (${runUrl})` : ''}.`,
    })
  // A page that changed (or was never recorded) and still agrees: record its version, for review.
  const toRecord = report.pages.filter(
    (p) => p.verdict !== 'drift' && p.verdict !== 'unchanged' && (p.pageChanged || !p.recorded),
  )
  if (toRecord.length > 0) {
    const names = toRecord.map(
      (p) => `${label(`${p.service} ${p.action}`)}${p.witness === 'catalog' ? ' (catalog)' : ''}`,
    )
    const body = [
      'The scheduled docs drift check read these vendor pages and catalog files; they changed since the version recorded in `specs/vendor-pages.json` (or were never recorded), and still agree with the specs (departures only where a decision accepts them).',
      '',
      ...toRecord.flatMap((p) => [
        `- **${label(`${p.service} ${p.action}`)}${p.witness === 'catalog' ? ' (catalog)' : ''}** (${inlineCode(p.page)})${p.changes.length ? `: ${p.changes.map(changeText).join('; ')}` : ': no fact this check reads changed'}`,
      ]),
      '',
      'Merging records these versions as reconciled; the next run says "unchanged" for them. No package changes, so no changeset is needed.',
    ]
    actions.push({
      kind: 'record-pr',
      pages: names,
      title: `docs-sync: record the vendor pages of ${names.join(', ')}`,
      body: clip(body),
    })
  }
  return actions
}
