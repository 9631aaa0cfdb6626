// A fleet's events as MCP progress: `total` is the number of instances and
// `progress` the number settled (refused, failed or at the transition's end),
// plus a fraction that grows with each other event, so that the value rises
// with every notification as MCP requires and reaches `total` only at the end.
import type { FleetEvent } from '@zenlayer-reset/client-runtime'

export interface ProgressUpdate {
  readonly progress: number
  readonly total: number
  readonly message: string
}

const SHOWN_IDS = 5

function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).join(', ')
  return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown
}

function describe(event: FleetEvent): string {
  switch (event.type) {
    case 'sent':
      return `sent ${idList(event.ids)}`
    case 'accepted':
      return `accepted ${idList(event.ids)}`
    case 'refused':
      return `refused ${idList(event.ids)}${event.code ? ` (${event.code})` : ''}`
    case 'unknown':
      return `not known whether applied: ${idList(event.ids)} (${event.reason})`
    case 'running':
      return `done: ${idList(event.ids)}`
    case 'failed':
      return `failed: ${idList(event.ids)} (${event.status})`
    case 'rate-limited':
      return `rate limited: waiting ${(event.delayMs / 1000).toFixed(1)} s`
    case 'polled': {
      const counts = Object.entries(event.statuses)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')
      return `poll round ${event.round}: ${event.inFlight} in flight${counts ? ` (${counts})` : ''}`
    }
  }
}

export class FleetProgress {
  private readonly settled = new Set<string>()
  private sinceSettled = 0
  private last = 0

  constructor(private readonly total: number) {}

  /** The update an event makes; undefined when it would not raise the value (never sent twice alike). */
  next(event: FleetEvent): ProgressUpdate | undefined {
    const before = this.settled.size
    if (event.type === 'refused' || event.type === 'failed' || event.type === 'running')
      for (const id of event.ids) this.settled.add(id)
    this.sinceSettled = this.settled.size > before ? 0 : this.sinceSettled + 1
    const base = Math.min(this.settled.size, this.total)
    // Below the next whole number, and higher than the last value.
    const progress = base < this.total ? base + (1 - 1 / (this.sinceSettled + 2)) : base
    if (progress <= this.last) return undefined
    this.last = progress
    return { progress, total: this.total, message: `${describe(event)}; ${this.settled.size}/${this.total} settled` }
  }

  /** The last update: every instance accounted for; undefined when the last one already said so. */
  done(summary: string): ProgressUpdate | undefined {
    if (this.total <= this.last) return undefined
    this.last = this.total
    return { progress: this.total, total: this.total, message: summary }
  }
}
