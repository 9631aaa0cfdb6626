// Every status any instance of a service took, in columns. A server that
// resets thousands of instances a second keeps every entry for the life of the
// mock; as objects (or strings) they would be copied by young-generation
// collections and promoted, which cost more than the rest of a reset. Columns
// of numbers hold nothing the collector traces; entries are built only when
// someone reads a history.
import { requestIdFromWords, requestIdToWords } from './random.js'
import type { HistoryEntry } from './types.js'

const NONE = -1
/** How an entry's request id is kept. */
const ID_NONE = 0
const ID_WORDS = 1
const ID_OTHER = 2

/** Entries kept by default: about 3 MB of columns, days of a busy CI pool. */
export const DEFAULT_MAX_HISTORY = 100_000

/**
 * Bounded: at `maxEntries`, the oldest quarter is dropped (an instance whose
 * every entry went is forgotten by the history, not by the state), and
 * `dropped` counts what went, so a reader knows the history is partial.
 */
export class Journal {
  /** Entries dropped to keep the bound, since the last clear. */
  dropped = 0
  constructor(readonly maxEntries: number = DEFAULT_MAX_HISTORY) {
    if (!Number.isInteger(maxEntries) || maxEntries < 4)
      throw new RangeError('maxHistoryEntries must be a whole number of at least 4')
  }

  get size(): number {
    return this.count
  }

  private at = new Float64Array(1024)
  private status = new Uint32Array(1024)
  /** The same instance's previous entry, or NONE. */
  private previous = new Int32Array(1024)
  private idKind = new Uint8Array(1024)
  /** The request id's four words (ID_WORDS). */
  private idWords = new Uint32Array(4 * 1024)
  /** Request ids not of the mock's own shape (ID_OTHER); none in practice. */
  private readonly otherIds = new Map<number, string>()
  private count = 0
  /** Statuses as numbers: a service has a dozen or so. */
  private readonly statuses: string[] = []
  private readonly statusIndex = new Map<string, number>()
  /** Each instance's latest entry, in a holder so that appending sets no map entry. */
  private readonly latest = new Map<string, { entry: number }>()
  /** The instance of the last append: a reset appends twice in a row for one instance. */
  private lastKey: string | undefined
  private lastHolder: { entry: number } | undefined
  /** The entry that last kept a request id as words: a reset's two entries share one id. */
  private lastId: string | undefined
  private lastIdEntry = 0

  append(instanceId: string, status: string, at: number, requestId?: string): void {
    if (this.count === this.maxEntries) this.dropOldest(Math.max(1, Math.floor(this.maxEntries / 4)))
    if (this.count === this.at.length) this.grow()
    const entry = this.count++
    this.at[entry] = at
    this.status[entry] = this.indexOf(status)
    let holder = instanceId === this.lastKey ? this.lastHolder : this.latest.get(instanceId)
    if (holder === undefined) {
      holder = { entry: NONE }
      this.latest.set(instanceId, holder)
    }
    this.previous[entry] = holder.entry
    holder.entry = entry
    this.lastKey = instanceId
    this.lastHolder = holder
    if (!requestId) this.idKind[entry] = ID_NONE
    else if (requestId === this.lastId) {
      this.idWords.copyWithin(4 * entry, 4 * this.lastIdEntry, 4 * this.lastIdEntry + 4)
      this.idKind[entry] = ID_WORDS
    } else if (requestIdToWords(requestId, this.idWords, 4 * entry)) {
      this.idKind[entry] = ID_WORDS
      this.lastId = requestId
      this.lastIdEntry = entry
    } else {
      this.idKind[entry] = ID_OTHER
      this.otherIds.set(entry, requestId)
    }
  }

  /** The instance's entries, oldest first. */
  entries(instanceId: string): HistoryEntry[] {
    const out: HistoryEntry[] = []
    for (
      let entry = this.latest.get(instanceId)?.entry ?? NONE;
      entry !== NONE;
      entry = this.previous[entry] as number
    ) {
      const at = this.at[entry] as number
      const status = this.statuses[this.status[entry] as number] as string
      const kind = this.idKind[entry]
      const requestId =
        kind === ID_WORDS
          ? requestIdFromWords(this.idWords, 4 * entry)
          : kind === ID_OTHER
            ? this.otherIds.get(entry)
            : undefined
      out.push(requestId ? { at, status, requestId } : { at, status })
    }
    return out.reverse()
  }

  clear(): void {
    this.count = 0
    this.dropped = 0
    this.otherIds.clear()
    this.latest.clear()
    this.lastKey = undefined
    this.lastHolder = undefined
    this.lastId = undefined
  }

  private indexOf(status: string): number {
    let index = this.statusIndex.get(status)
    if (index === undefined) {
      index = this.statuses.length
      this.statuses.push(status)
      this.statusIndex.set(status, index)
    }
    return index
  }

  /** Forgets the `drop` oldest entries, renumbering the rest. */
  private dropOldest(drop: number): void {
    const kept = this.count - drop
    this.at.copyWithin(0, drop, this.count)
    this.status.copyWithin(0, drop, this.count)
    this.previous.copyWithin(0, drop, this.count)
    this.idKind.copyWithin(0, drop, this.count)
    this.idWords.copyWithin(0, 4 * drop, 4 * this.count)
    for (let i = 0; i < kept; i++) {
      const p = this.previous[i] as number
      this.previous[i] = p >= drop ? p - drop : NONE
    }
    const others = [...this.otherIds]
    this.otherIds.clear()
    for (const [entry, id] of others) if (entry >= drop) this.otherIds.set(entry - drop, id)
    for (const [instanceId, holder] of this.latest) {
      if (holder.entry >= drop) holder.entry -= drop
      else this.latest.delete(instanceId)
    }
    if (this.lastHolder && this.lastKey !== undefined && !this.latest.has(this.lastKey)) {
      this.lastKey = undefined
      this.lastHolder = undefined
    }
    if (this.lastIdEntry >= drop) this.lastIdEntry -= drop
    else this.lastId = undefined
    this.count = kept
    this.dropped += drop
  }

  private grow(): void {
    const capacity = Math.min(this.at.length * 2, Math.max(this.maxEntries, 1024))
    this.at = grown(this.at, new Float64Array(capacity))
    this.status = grown(this.status, new Uint32Array(capacity))
    this.previous = grown(this.previous, new Int32Array(capacity))
    this.idKind = grown(this.idKind, new Uint8Array(capacity))
    this.idWords = grown(this.idWords, new Uint32Array(4 * capacity))
  }
}

function grown<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from)
  return to
}
