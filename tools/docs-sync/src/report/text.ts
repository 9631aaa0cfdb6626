// The report for people: a line per page, then a line per finding that needs
// a reader (drift, and accepted departures with their reason), each naming
// service, action, field, both values and the page's words.
import { type Finding, showValue } from '../compare.js'
import { escapeControls } from '../echo.js'
import type { FactChange } from '../record.js'
import type { CheckRun, PageResult } from '../run.js'

const DECISIONS = 'specs/DECISIONS.md'

function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** A page's value as the report shows it: a list of 20,000 values is its first words (issue 26, item 11). */
const VALUE_MAX = 200
/** No line of the report is longer; the longest real one is about 420. */
const LINE_MAX = 1_000

export function findingLine(f: Finding): string {
  const subject = [f.service, f.action, f.subject, f.field].filter(Boolean).join(' ')
  const show = (v: Finding['page']): string => clip(showValue(f.fact, v), VALUE_MAX)
  let line = `${f.verdict.toUpperCase().padEnd(8)} ${subject} ${f.fact}: page ${show(f.page)}, spec ${show(f.spec)}`
  if (f.reconciled !== undefined) line += ` (the reconciled version of the page said ${show(f.reconciled)})`
  if (f.quote) line += ` | page: "${clip(f.quote)}" (${f.where})`
  else if (f.specPlace && f.verdict === 'drift') line += ` | spec: ${f.specPlace}`
  if (f.decision) {
    const ref =
      f.decision.ref === undefined ? 'decision' : `decision ${f.decision.ref} (${DECISIONS}#d${f.decision.ref})`
    line += ` | ${ref}, ${f.decision.kind}: ${f.decision.reason}`
  }
  return escapeControls(clip(line, LINE_MAX))
}

function changeLine(c: FactChange): string {
  const show = (v: unknown): string => (v === undefined ? '(not stated)' : clip(JSON.stringify(v), VALUE_MAX))
  return `  changed since the reconciled version: ${c.key}: ${show(c.before)} -> ${show(c.after)}`
}

function pageHeadline(r: PageResult): string {
  const counts = (v: Finding['verdict']): number => r.findings.filter((f) => f.verdict === v).length
  const name = `${r.service} ${r.action} (${r.page})`
  if (!r.compared) return `${name}: unchanged since it was reconciled with the spec (not compared)`
  const what =
    r.verdict === 'drift' ? 'DRIFT' : r.verdict === 'accepted' ? 'in sync, with accepted departures' : 'in sync'
  const why = !r.recorded
    ? 'no reconciled version recorded'
    : [r.pageChanged ? 'the page changed' : '', r.specChanged ? 'the spec changed' : '']
        .filter(Boolean)
        .join(' and ') || 'compared in full'
  return `${name}: ${what} (${why}): ${counts('agree')} agree, ${counts('accepted')} accepted, ${counts('drift')} drift, ${counts('unstated')} stated only by the spec`
}

export function textReport(run: CheckRun, options: { verbose: boolean }): string {
  const lines: string[] = []
  for (const r of run.results) {
    lines.push(pageHeadline(r))
    for (const c of r.changes) lines.push(changeLine(c))
    if (r.pageChanged && r.changes.length === 0) lines.push('  the page text changed; no fact this check reads changed')
    const shown = r.findings.filter((f) => options.verbose || f.verdict === 'drift' || f.verdict === 'accepted')
    const order = { drift: 0, accepted: 1, unstated: 2, agree: 3 }
    for (const f of [...shown].sort((a, b) => order[a.verdict] - order[b.verdict])) lines.push(`  ${findingLine(f)}`)
  }
  for (const f of run.failures) lines.push(`ERROR ${f.problem}`)
  const n = (v: string): number => run.results.filter((r) => r.verdict === v).length
  lines.push(
    `docs:check: ${run.results.length + run.failures.length} page(s): ${n('in sync') + n('accepted')} in sync (${n('accepted')} with accepted departures), ${n('drift')} drift, ${n('unchanged')} unchanged, ${run.failures.length} unreadable`,
  )
  // Page names, titles and words are the page's: escaped, so that they show instead of driving the terminal.
  return lines.map((l) => escapeControls(clip(l, LINE_MAX))).join('\n')
}
