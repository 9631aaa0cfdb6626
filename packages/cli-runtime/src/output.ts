// What a command prints on stdout, and its exit code. A fleet: one row per
// id (table) or one JSON document (every outcome, totals, requests made).
import type { FleetOutcome, FleetResult } from '@zenlayer-reset/client-runtime'
import { EXIT } from './exit-codes.js'
import type { OutputFormat } from './settings.js'

export interface FleetReport {
  readonly service: string
  readonly action: string
  readonly result: FleetResult
  readonly interrupted: boolean
  readonly waited: boolean
}

/** 130 interrupted; else 3 when any outcome is not known to be final; else 1 when any was refused; else 0. */
export function fleetExitCode(report: FleetReport): number {
  const t = report.result.totals
  if (report.interrupted) return EXIT.interrupted
  if (t.unknown + t.pending + t['not-sent'] > 0) return EXIT.unknown
  if (t.refused + t.failed + t.invalid > 0) return EXIT.failed
  return EXIT.ok
}

function detail(o: FleetOutcome): { status: string; detail: string } {
  switch (o.outcome) {
    case 'invalid':
      return { status: '', detail: `${o.code}: ${o.message}` }
    case 'refused':
      return { status: '', detail: [o.code ?? 'in the failed list', o.reason, o.requestId].filter(Boolean).join('; ') }
    case 'unknown':
      return { status: o.status ?? '', detail: o.reason }
    case 'pending':
      return { status: o.status ?? '', detail: o.reason ?? 'still in flight at the deadline' }
    case 'reset':
    case 'failed':
      return { status: o.status, detail: '' }
    case 'accepted':
      return { status: '', detail: 'accepted, not followed (--no-wait)' }
    case 'not-sent':
      return { status: '', detail: o.reason }
  }
}

export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows)
    for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i] ?? 0, (row[i] as string).length)
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

export function renderFleet(report: FleetReport, format: OutputFormat): string {
  const { result } = report
  if (format === 'json') {
    return `${JSON.stringify(
      {
        service: report.service,
        action: report.action,
        interrupted: report.interrupted,
        outcomes: result.outcomes,
        totals: result.totals,
        requests: result.requests,
        elapsedMs: result.elapsedMs,
        exitCode: fleetExitCode(report),
      },
      null,
      2,
    )}\n`
  }
  const rows: string[][] = [['INSTANCE', 'OUTCOME', 'STATUS', 'DETAIL']]
  for (const [id, o] of Object.entries(result.outcomes)) {
    const d = detail(o)
    rows.push([id, o.outcome, d.status, d.detail])
  }
  const totals = Object.entries(result.totals)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')
  return `${renderTable(rows)}\n\n${report.service} ${report.action}: ${totals || 'no instance'}; ${result.requests.resets} reset calls, ${result.requests.polls} status polls, ${(result.elapsedMs / 1000).toFixed(1)}s${report.interrupted ? '; interrupted' : ''}\n`
}

/** Any other reply: JSON as is, or a table of its list (a page of items) and its other fields. */
export function renderReply(reply: unknown, format: OutputFormat): string {
  if (format === 'json' || reply === null || typeof reply !== 'object') return `${JSON.stringify(reply, null, 2)}\n`
  const lines: string[] = []
  for (const [key, value] of Object.entries(reply)) {
    if (Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
      const columns = [...new Set(value.flatMap((v) => Object.keys(v as object)))]
      const rows = [
        columns.map((c) => c.toUpperCase()),
        ...value.map((v) => columns.map((c) => cell((v as Record<string, unknown>)[c]))),
      ]
      lines.push(`${key}:`, renderTable(rows), '')
    } else lines.push(`${key}: ${cell(value)}`)
  }
  return `${lines.join('\n').trimEnd()}\n`
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}
