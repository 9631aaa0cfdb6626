// Before anything is sent: the request checked by the service's validator
// (the same one the client runs), cut into the batches the fleet will send,
// and shown for --dry-run and the confirmation with every secret masked.
import { CliError, EXIT } from './exit-codes.js'
import type { ActionCommand, LoadedService } from './table.js'

export interface Batch {
  readonly ids: readonly string[]
  readonly body: Readonly<Record<string, unknown>>
}

export interface Plan {
  readonly batches: readonly Batch[]
  /** Ids the validator refuses, with why: the fleet reports them invalid and sends them nowhere. */
  readonly invalid: Readonly<Record<string, string>>
}

const MASK = '***'

/** The request with every secret field masked, at any depth. */
export function masked(value: unknown, secrets: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => masked(v, secrets))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, secrets.has(k) && v !== undefined ? MASK : masked(v, secrets)]),
  )
}

/** `instanceIds[3]` -> the flag the user wrote: `--instance-ids`. */
export function flagOfPath(cmd: ActionCommand, path: string): string {
  const root = /^[^.[]*/.exec(path)?.[0] ?? path
  const field = cmd.fields.find((f) => f.name === root)
  return field ? `--${field.flag}` : root || 'the request'
}

/** A validator's issues as one line: each names its flag and the rule broken (the validator's words). */
export function issuesLine(cmd: ActionCommand, issues: readonly { path: string; message: string }[]): string {
  return issues.map((i) => `${flagOfPath(cmd, i.path)}: ${i.message}`).join('; ')
}

export function planFleet(
  cmd: ActionCommand,
  loaded: LoadedService,
  body: Readonly<Record<string, unknown>>,
  ids: readonly string[],
): Plan {
  const fleet = cmd.fleet as NonNullable<ActionCommand['fleet']>
  const op = loaded.service.operations[cmd.action]
  const size = fleet.single ? 1 : (op?.batch?.maxIds ?? 100)
  const validate = loaded.validators.actions[cmd.action]?.request
  const invalid: Record<string, string> = {}
  const field = fleet.instances
  const own = (path: string) => path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`)
  // Each id alone first (what resetFleet does): an id's own issue is that id's, the others refuse the whole fleet.
  const ready: string[] = []
  for (const id of ids) {
    const request = { ...body, [field]: fleet.single ? id : [id] }
    const verdict = validate?.(request)
    if (!verdict || verdict.ok) {
      ready.push(id)
      continue
    }
    const other = verdict.issues.filter((i) => !own(i.path))
    if (other.length > 0) throw new CliError(EXIT.usage, issuesLine(cmd, other))
    invalid[id] = verdict.issues.map((i) => i.message).join('; ')
  }
  const batches: Batch[] = []
  for (let i = 0; i < ready.length; i += size) {
    const chunk = ready.slice(i, i + size)
    batches.push({ ids: chunk, body: { ...body, [field]: fleet.single ? chunk[0] : chunk } })
  }
  return { batches, invalid }
}
