// What a command prints on stdout, and its exit code. A fleet: one row per
// id (table) or one JSON document (every outcome, totals, requests made).
import type { FleetOutcome, FleetResult } from '@zenlayer-reset/client-runtime'
// The subpath, not the package: --help loads output.ts, and must not load the client.
import { clip, oneLine } from '@zenlayer-reset/client-runtime/one-line'
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

/**
 * A row's status and detail. `why` is the free text (the server's sentence, the client's reason), the part a
 * narrow table clips; `around` puts it back between what is never clipped: a code, a request id.
 */
interface Detail {
  readonly status: string
  readonly why: string
  readonly around: (why: string) => string
}

const only = (why: string) => why

function detail(o: FleetOutcome): Detail {
  switch (o.outcome) {
    case 'invalid':
      return { status: '', why: o.message, around: (why) => `${o.code}: ${why}` }
    case 'refused':
      return {
        status: '',
        why: o.reason ?? '',
        around: (why) => [o.code ?? 'in the failed list', why, o.requestId].filter(Boolean).join('; '),
      }
    case 'unknown':
      return { status: o.status ?? '', why: o.reason, around: only }
    case 'pending':
      return { status: o.status ?? '', why: o.reason ?? 'still in flight at the deadline', around: only }
    case 'reset':
    case 'failed':
      return { status: o.status, why: '', around: only }
    case 'accepted':
      return { status: '', why: 'accepted, not followed (--no-wait)', around: only }
    case 'not-sent':
      return { status: '', why: o.reason, around: only }
  }
}

/** The longest free text in a DETAIL cell; the JSON output has it whole. */
export const MAX_WHY = 100
/**
 * Narrower than this, a clipped sentence says nothing: when the line leaves it less room, the line will wrap
 * whatever is cut, and the sentence gets MAX_WHY.
 */
const MIN_WHY = 32

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

/** `width`: the terminal's columns, when the table goes to one; each sentence is clipped to fit the line. */
export function renderFleet(report: FleetReport, format: OutputFormat, width?: number): string {
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
  const header = ['INSTANCE', 'OUTCOME', 'STATUS']
  const lines = Object.entries(result.outcomes).map(([id, o]) => {
    const d = detail(o)
    return { first: [oneLine(id), o.outcome, oneLine(d.status)], d }
  })
  // What the first three columns take, separators included: the rest of the terminal's line is the detail's.
  const widths = header.map((h) => h.length)
  for (const { first } of lines)
    for (let i = 0; i < first.length; i++) widths[i] = Math.max(widths[i] ?? 0, (first[i] as string).length)
  const lead = widths.reduce((sum, w) => sum + w + 2, 0)
  const rows = [
    [...header, 'DETAIL'],
    ...lines.map(({ first, d }) => {
      const why = oneLine(d.why)
      const fixed = d.around(why).length - why.length
      const left = width === undefined ? MAX_WHY : width - lead - fixed
      const room = left >= MIN_WHY ? Math.min(MAX_WHY, left) : MAX_WHY
      return [...first, oneLine(d.around(clip(why, room)))]
    }),
  ]
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
