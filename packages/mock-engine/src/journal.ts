// Every status any instance of a service took, in columns. A server that
// resets thousands of instances a second keeps every entry for the life of the
// mock; as objects they would be copied by each young-generation collection and
// then promoted, which cost more than the rest of a reset. Columns of numbers
// hold no objects; entries are built only when someone reads a history.
import type { HistoryEntry } from './types.js'

const NONE = -1

export class Journal {
  private at = new Float64Array(1024)
  private status = new Uint32Array(1024)
  /** The same instance's previous entry, or NONE. */
  private previous = new Int32Array(1024)
  /** The request that caused each entry ('' for seeded statuses). */
  private readonly requestIds: string[] = []
  private size = 0
  /** Statuses as numbers: a service has a dozen or so. */
  private readonly statuses: string[] = []
  private readonly statusIndex = new Map<string, number>()
  /** Each instance's latest entry, in a holder so that appending sets no map entry. */
  private readonly latest = new Map<string, { entry: number }>()
  /** The instance of the last append: a reset appends twice in a row for one instance. */
  private lastKey: string | undefined
  private lastHolder: { entry: number } | undefined

  append(instanceId: string, status: string, at: number, requestId = ''): void {
    if (this.size === this.at.length) this.grow()
    const entry = this.size++
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
    this.requestIds.push(requestId)
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
      const requestId = this.requestIds[entry]
      out.push(requestId ? { at, status, requestId } : { at, status })
    }
    return out.reverse()
  }

  clear(): void {
    this.size = 0
    this.requestIds.length = 0
    this.latest.clear()
    this.lastKey = undefined
    this.lastHolder = undefined
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

  private grow(): void {
    const capacity = this.at.length * 2
    const at = new Float64Array(capacity)
    at.set(this.at)
    this.at = at
    const status = new Uint32Array(capacity)
    status.set(this.status)
    this.status = status
    const previous = new Int32Array(capacity)
    previous.set(this.previous)
    this.previous = previous
  }
}
