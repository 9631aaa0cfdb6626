// A fleet's progress on stderr. On a terminal: one line, redrawn in place
// (at most every 100 ms, and each second for the clock), erased when the
// fleet ends or is interrupted, so that the report starts on a clean line.
// Otherwise: one JSON object a line per event, for logs and CI. Events carry
// ids and counts only, never a request body.
import type { FleetEvent } from '@zenlayer-reset/client-runtime'
import type { Stream } from './io.js'

export interface Progress {
  readonly onEvent: (event: FleetEvent) => void
  /** Erases the live line (idempotent). */
  readonly stop: () => void
}

export interface Counts {
  total: number
  sent: number
  accepted: number
  refused: number
  unknown: number
  running: number
  failed: number
  rateLimited: number
}

export function count(counts: Counts, event: FleetEvent): void {
  switch (event.type) {
    case 'sent':
      counts.sent += event.ids.length
      break
    case 'accepted':
      counts.accepted += event.ids.length
      break
    case 'refused':
      counts.refused += event.ids.length
      break
    case 'unknown':
      counts.unknown += event.ids.length
      break
    case 'running':
      counts.running += event.ids.length
      break
    case 'failed':
      counts.failed += event.ids.length
      break
    case 'rate-limited':
      counts.rateLimited++
      break
  }
}

export function progressLine(c: Counts, elapsedMs: number): string {
  return `sent ${c.sent}/${c.total} | accepted ${c.accepted} | refused ${c.refused} | unknown ${c.unknown} | done ${c.running} | failed ${c.failed} | rate-limited ${c.rateLimited} | ${Math.floor(elapsedMs / 1000)}s`
}

export function startProgress(stream: Stream, total: number, clock: () => number = Date.now): Progress {
  const started = clock()
  const counts: Counts = { total, sent: 0, accepted: 0, refused: 0, unknown: 0, running: 0, failed: 0, rateLimited: 0 }
  if (!stream.isTTY) {
    return {
      onEvent: (event) => {
        stream.write(`${JSON.stringify({ ...event, elapsedMs: clock() - started })}\n`)
      },
      stop: () => {},
    }
  }
  let lastDraw = 0
  let drawn = false
  let stopped = false
  // A draw due within 100 ms of the last one waits for the rest of those 100 ms (never dropped: the line shows the latest counts).
  let trailing: ReturnType<typeof setTimeout> | undefined
  const draw = () => {
    if (trailing) clearTimeout(trailing)
    trailing = undefined
    if (stopped) return
    lastDraw = clock()
    const line = progressLine(counts, lastDraw - started)
    const width = stream.columns && stream.columns > 10 ? stream.columns - 1 : line.length
    stream.write(`\r\x1b[2K${line.slice(0, width)}`)
    drawn = true
  }
  const timer = setInterval(draw, 1000)
  timer.unref()
  draw()
  return {
    onEvent: (event) => {
      count(counts, event)
      const since = clock() - lastDraw
      if (since >= 100) draw()
      else if (!trailing) {
        trailing = setTimeout(draw, 100 - since)
        trailing.unref()
      }
    },
    stop: () => {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      if (trailing) clearTimeout(trailing)
      if (drawn) stream.write('\r\x1b[2K')
    },
  }
}
