// What a fleet did when the client went away, as one clause of the
// operator's line (connection.ts, main.ts): the client that would have
// received the outcomes is gone, so stderr is the only account left. Three
// numbers that add up to the fleet: ids sent and answered, ids never sent
// (safe to send again), and ids whose call was under way when it was cut off
// (the call may have reached the server: look before resending them).
import type { FleetOutcomeKind } from '@zenlayer-reset/client-runtime'

type Totals = Readonly<Record<FleetOutcomeKind, number>>

/** The ids never sent: cancelled before their turn, or refused by validation before anything went out. */
const NEVER_SENT: readonly FleetOutcomeKind[] = ['not-sent', 'invalid']

function listed(totals: Totals, kinds: (kind: FleetOutcomeKind) => boolean): string {
  return (Object.entries(totals) as [FleetOutcomeKind, number][])
    .filter(([kind, n]) => n > 0 && kinds(kind))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ')
}

/**
 * `stopped` when the fleet was cut off (its signal aborted by the loss); otherwise it had ended on its own
 * and only its result could not be delivered.
 */
export function fleetAccount(tool: string, count: number, totals: Totals, stopped: boolean): string {
  if (!stopped) return `${tool} had finished, its result undelivered: ${count} instances, ${listed(totals, () => true)}`
  const notSent = NEVER_SENT.reduce((n, kind) => n + totals[kind], 0)
  const unknown = totals.unknown
  const sent = count - notSent - unknown
  const answered = listed(totals, (kind) => !NEVER_SENT.includes(kind) && kind !== 'unknown')
  return [
    `${tool} stopped: of ${count} instances, ${sent} sent${answered ? ` (${answered})` : ''}`,
    `${notSent} not sent`,
    `${unknown} unknown whether applied${unknown > 0 ? ' (their calls were cut off: look at their statuses before sending them again)' : ''}`,
  ].join(', ')
}
