// The report for people: a line per witness (a page, a catalog file), then a
// line per finding that needs a reader (drift, and accepted departures with
// their reason), each naming service, action, field, both values and the
// witness's words; then the witnesses that disagree with each other, the
// actions known not to be covered yet, and the specs' own prose.
import { type Finding, showValue } from '../compare.js'
import { escapeControls } from '../echo.js'
import type { FactChange } from '../record.js'
import { type CheckRun, type PageResult, witnessOf } from '../run.js'

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
  // The spec's own prose against its schema: "description" and "schema" are the two sides.
  const prose = f.subject === 'description'
  const side = prose ? 'description' : (f.witness ?? 'page')
  let line = `${f.verdict.toUpperCase().padEnd(8)} ${subject} ${f.fact}: `
  if (f.disagreement) {
    const each = f.disagreement.map(
      (w) =>
        `${w.witness} ${show(w.value)}${w.quote ? ` ("${clip(w.quote, 120)}", ${w.name}, ${w.where})` : ` (${w.name})`}`,
    )
    line += `the witnesses disagree: ${each.join(' vs ')}; spec ${show(f.spec)}`
  } else line += `${side} ${show(f.page)}, ${prose ? 'schema' : 'spec'} ${show(f.spec)}`
  if (f.reconciled !== undefined) line += ` (the reconciled version of the ${side} said ${show(f.reconciled)})`
  if (f.disagreement) {
    if (f.specPlace && f.verdict === 'drift') line += ` | spec: ${f.specPlace}`
  } else if (f.quote) line += ` | ${side}: "${clip(f.quote)}" (${f.where})`
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
  const name = `${r.service} ${r.action}${r.witness === 'catalog' ? ' [catalog]' : ''} (${r.page})`
  if (!r.compared) return `${name}: unchanged since it was reconciled with the spec (not compared)`
  const what =
    r.verdict === 'drift' ? 'DRIFT' : r.verdict === 'accepted' ? 'in sync, with accepted departures' : 'in sync'
  const why = !r.recorded
    ? 'no reconciled version recorded'
    : [
        r.pageChanged ? `the ${r.witness === 'catalog' ? 'catalog file' : 'page'} changed` : '',
        r.specChanged ? 'the spec changed' : '',
      ]
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
  const disagreements = run.disagreements ?? []
  const shownDisagreements = disagreements.filter((f) => options.verbose || f.verdict !== 'agree')
  if (shownDisagreements.length > 0) {
    lines.push('witnesses that disagree with each other (accepted only by a numbered decision naming the fact):')
    for (const f of shownDisagreements) lines.push(`  ${findingLine(f)}`)
  }
  for (const u of run.uncovered ?? [])
    lines.push(
      `NOTE ${u.service} ${u.action}${u.witness === 'catalog' ? ' [catalog]' : ''} (${u.page}): not compared, known and not yet covered by the specs (specs/vendor-pages.json "uncovered": ${u.reason})`,
    )
  if (run.specProse) {
    const { read, findings } = run.specProse
    lines.push(`spec descriptions: ${read} read, ${findings.length} contradict their schema`)
    for (const f of findings) lines.push(`  ${findingLine(f)}`)
  }
  for (const f of run.failures) lines.push(`ERROR ${f.problem}`)
  // `zr-docs --spec` reads no witness: its one line is the specs' own.
  if (run.results.length + run.failures.length + (run.uncovered?.length ?? 0) === 0 && run.specProse)
    return lines.map((l) => escapeControls(clip(l, LINE_MAX))).join('\n')
  const n = (v: string): number => run.results.filter((r) => r.verdict === v).length
  const kinds = [
    ...run.results.map((r) => r.witness),
    ...(run.uncovered ?? []).map((u) => u.witness),
    ...run.failures.map((f) => witnessOf({ name: f.page })),
  ]
  const catalog = kinds.filter((k) => k === 'catalog').length
  const pages = kinds.length - catalog
  const witnesses = catalog > 0 ? `${pages} page(s), ${catalog} catalog file(s)` : `${pages} page(s)`
  const extra = [
    disagreements.length > 0
      ? `, ${disagreements.length} witness disagreement(s) (${disagreements.filter((f) => f.verdict === 'accepted').length} accepted by a decision)`
      : '',
    run.uncovered?.length ? `, ${run.uncovered.length} not yet covered` : '',
  ].join('')
  lines.push(
    `docs:check: ${witnesses}: ${n('in sync') + n('accepted')} in sync (${n('accepted')} with accepted departures), ${n('drift')} drift, ${n('unchanged')} unchanged, ${run.failures.length} unreadable${extra}`,
  )
  // Page names, titles and words are the page's: escaped, so that they show instead of driving the terminal.
  return lines.map((l) => escapeControls(clip(l, LINE_MAX))).join('\n')
}
