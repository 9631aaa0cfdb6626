// --journal FILE: a record that survives a crash. Before each reset call the
// ids it is about to send are appended and fsynced (the fleet's `sent` event
// comes, synchronously, just before the call); after it, what became of
// them. A rerun with the same journal never sends again an id whose call may
// have reached the server: its fate comes from the journal or, when the
// journal does not know it, from the statuses. Plain JSON lines; a last line
// cut short by a crash mid-write is ignored, any other unreadable line stops
// the command (it might have been the record of a send).
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs'
import type { FleetEvent, FleetOutcome } from '@zenlayer-reset/client-runtime'
import { CliError, EXIT } from './exit-codes.js'

/** Written after a line a crash cut short, so that later runs know that line for what it is. */
const CUT_SHORT = 'the line above was cut short'

/** A journal larger than this is refused (a million ids take far less). */
const MAX_JOURNAL_BYTES = 256 * 1024 * 1024

export interface JournalState {
  /** Ids whose call may have reached the server, in any earlier run. */
  readonly touched: ReadonlySet<string>
  /** What the journal knows for sure of an id: reset, failed, refused. */
  readonly final: ReadonlyMap<string, FleetOutcome>
}

type Entry = Record<string, unknown>

function readAll(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const { size } = fstatSync(fd)
    if (size > MAX_JOURNAL_BYTES)
      throw new CliError(EXIT.usage, `--journal: ${path} is larger than ${MAX_JOURNAL_BYTES} bytes`)
    const buffer = Buffer.alloc(size)
    let read = 0
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return buffer.subarray(0, read).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

function isCutShortNote(line: string | undefined): boolean {
  try {
    return (JSON.parse(line ?? '') as Entry | null)?.note === CUT_SHORT
  } catch {
    return false
  }
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [])

/** What an existing journal says, for this service and action; an empty state when there is none. */
export function readJournal(path: string, service: string, action: string): JournalState {
  const touched = new Set<string>()
  const final = new Map<string, FleetOutcome>()
  if (!existsSync(path)) return { touched, final }
  const text = readAll(path)
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let entry: Entry
    try {
      entry = JSON.parse(line) as Entry
      if (entry === null || typeof entry !== 'object') throw new Error('not an object')
    } catch {
      // A write cut short by a crash: the last line, or one a later run marked so. Safe to skip: a `sent` line
      // is fsynced before its call goes out, so the ids of a line never completed were never sent.
      if (index === lines.length - 1 || isCutShortNote(lines[index + 1])) return
      throw new CliError(
        EXIT.usage,
        `--journal: line ${index + 1} of ${path} is unreadable; it may have recorded a send, so nothing is sent (move the journal aside only if you know no reset is in flight)`,
      )
    }
    if (entry.journal !== undefined && (entry.service !== service || entry.action !== action))
      throw new CliError(
        EXIT.usage,
        `--journal: ${path} is the journal of ${String(entry.service)} ${String(entry.action)}, not ${service} ${action}`,
      )
    for (const id of ids(entry.sent)) touched.add(id)
    for (const id of ids(entry.reset)) final.set(id, { outcome: 'reset', status: String(entry.status ?? '') })
    for (const id of ids(entry.failed)) final.set(id, { outcome: 'failed', status: String(entry.status ?? '') })
    for (const id of ids(entry.refused))
      final.set(id, { outcome: 'refused', code: typeof entry.code === 'string' ? entry.code : null })
    if (entry.outcomes && typeof entry.outcomes === 'object') {
      for (const [id, o] of Object.entries(entry.outcomes as Record<string, FleetOutcome>))
        if (o && (o.outcome === 'reset' || o.outcome === 'failed' || o.outcome === 'refused')) final.set(id, o)
    }
  })
  return { touched, final }
}

/** An open journal: every line appended and fsynced before the call returns. */
export class Journal {
  private readonly fd: number
  constructor(
    readonly path: string,
    private readonly endState: string,
  ) {
    try {
      this.fd = openSync(path, 'a')
    } catch (error) {
      throw new CliError(
        EXIT.usage,
        `--journal: cannot open ${path} for writing (${(error as { code?: string }).code ?? 'error'})`,
      )
    }
    // A last line cut short by a crash: the next record starts on a line of its own.
    const { size } = fstatSync(this.fd)
    if (size > 0) {
      const last = Buffer.alloc(1)
      const readFd = openSync(path, 'r')
      try {
        readSync(readFd, last, 0, 1, size - 1)
      } finally {
        closeSync(readFd)
      }
      if (last.toString() !== '\n') this.append({ note: CUT_SHORT }, true)
    }
  }

  append(entry: Entry, newlineFirst = false): void {
    writeSync(this.fd, `${newlineFirst ? '\n' : ''}${JSON.stringify(entry)}\n`)
    fsyncSync(this.fd)
  }

  /** The fleet's events, as they happen; `sent` is written before the call goes out. Never a request body. */
  record(event: FleetEvent): void {
    const entry = entryOf(event, this.endState)
    if (entry) this.append(entry)
  }

  close(): void {
    closeSync(this.fd)
  }
}

function entryOf(event: FleetEvent, endState: string): Entry | undefined {
  switch (event.type) {
    case 'sent':
      return { sent: event.ids }
    case 'accepted':
      return { accepted: event.ids }
    case 'refused':
      return { refused: event.ids, code: event.code }
    case 'unknown':
      return { unknown: event.ids, reason: event.reason }
    case 'running':
      return { reset: event.ids, status: endState }
    case 'failed':
      return { failed: event.ids, status: event.status }
    default:
      return undefined
  }
}
