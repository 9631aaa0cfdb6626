// What a fleet is asked to do, read once and checked whole before the first
// send: a wrong option found after resets went out would leave the caller
// with accepted resets and no outcomes, likely to run the fleet again.
// Each value is read once, so a getter or a list that answers differently on
// a second look cannot change what was checked.
import type { OperationDescriptor } from './descriptor.js'
import { InvalidInputError, ZenlayerError } from './errors.js'
import type { FleetEvent, FleetInput, FleetOptions, FleetWait } from './fleet.js'
import { checkWaitTiming } from './waiter.js'

/** The fleet's input and options as read, checked and with every default filled in. */
export interface FleetPlan<Status extends string> {
  /** Every id, in the order given, each once. */
  readonly ids: readonly string[]
  /** The action's other fields, copied. */
  readonly rest: Readonly<Record<string, unknown>>
  readonly wait: FleetWait | false
  readonly concurrency: number
  readonly batchSize: number
  readonly signal: AbortSignal | undefined
  readonly onProgress: ((event: FleetEvent<Status>) => unknown) | undefined
}

export function readFleet<Status extends string>(
  op: OperationDescriptor,
  input: FleetInput,
  options: FleetOptions<Status>,
): FleetPlan<Status> {
  if (input === null || typeof input !== 'object') throw refusal(op, 'input', 'the input must be an object')
  const { instanceIds, ...rest } = input
  const ids = readIds(op, instanceIds)
  if (options === null || typeof options !== 'object') {
    throw new ZenlayerError('INVALID_WAIT', 'options must be an object, such as { wait: { maxWaitSeconds: 1800 } }')
  }
  const { wait, concurrency, batchSize, signal, onProgress } = options
  return {
    ids,
    rest,
    wait: readWait(wait),
    concurrency: whole('concurrency', concurrency, op.batch ? 2 : 8, Number.MAX_SAFE_INTEGER),
    batchSize: op.batch ? whole('batchSize', batchSize, op.batch.maxIds ?? 100, op.batch.maxIds ?? 100) : 1,
    signal: readSignal(signal),
    onProgress: readProgress(onProgress),
  }
}

/** How long a fleet follows its resets when `wait` is not given: an hour, past a slow reinstall. */
export const DEFAULT_FLEET_WAIT: FleetWait = { maxWaitSeconds: 3600 }

/** The most ids one fleet takes: far past any account, and a bound on the work one call may start. */
export const MAX_FLEET_IDS = 100_000

/** The ids, copied by index in one pass: each must be a non-empty string, and none may repeat. */
function readIds(op: OperationDescriptor, list: unknown): string[] {
  if (!Array.isArray(list)) throw refusal(op, 'instanceIds', 'instanceIds must be a list of instance ids')
  const ids: string[] = []
  const seen = new Set<string>()
  const length = list.length
  if (length > MAX_FLEET_IDS)
    throw refusal(op, 'instanceIds', `instanceIds has ${length} ids, more than ${MAX_FLEET_IDS}: split the fleet`)
  for (let i = 0; i < length; i++) {
    const id: unknown = list[i]
    if (typeof id !== 'string' || id === '')
      throw refusal(op, `instanceIds[${i}]`, `instanceIds[${i}] must be a non-empty string`)
    if (seen.has(id))
      throw refusal(op, `instanceIds[${i}]`, `instanceIds[${i}] repeats ${clip(id)}: an instance is reset once`)
    seen.add(id)
    ids.push(id)
  }
  return ids
}

function readWait(wait: unknown): FleetWait | false {
  if (wait === false) return false
  if (wait === undefined) return DEFAULT_FLEET_WAIT
  if (wait === null || typeof wait !== 'object' || Array.isArray(wait)) {
    throw new ZenlayerError('INVALID_WAIT', 'options.wait must be { maxWaitSeconds } to follow the resets, or false')
  }
  const { maxWaitSeconds, firstDelayMs, maxDelayMs, startGraceSeconds } = wait as Record<keyof FleetWait, unknown>
  const copy = { maxWaitSeconds, firstDelayMs, maxDelayMs, startGraceSeconds }
  checkWaitTiming(copy, 'options.wait.')
  return copy as FleetWait
}

/** A whole number from 1 to `max`, or the default when absent. */
function whole(name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'at least 1' : `from 1 to ${max} (the spec's limit)`
    throw new ZenlayerError('INVALID_FLEET_OPTIONS', `options.${name} must be a whole number ${range}`)
  }
  return value
}

function readSignal(signal: unknown): AbortSignal | undefined {
  if (signal === undefined) return undefined
  const s = signal as Partial<AbortSignal> | null
  if (
    s === null ||
    typeof s !== 'object' ||
    typeof s.aborted !== 'boolean' ||
    typeof s.addEventListener !== 'function'
  ) {
    throw new ZenlayerError('INVALID_FLEET_OPTIONS', 'options.signal must be an AbortSignal')
  }
  return signal as AbortSignal
}

function readProgress<Status extends string>(onProgress: unknown): FleetPlan<Status>['onProgress'] {
  if (onProgress === undefined) return undefined
  if (typeof onProgress !== 'function') {
    throw new ZenlayerError('INVALID_FLEET_OPTIONS', 'options.onProgress must be a function of each event')
  }
  return onProgress as FleetPlan<Status>['onProgress']
}

export function refusal(op: OperationDescriptor, path: string, message: string): InvalidInputError {
  return new InvalidInputError(
    'INVALID_FLEET_INPUT',
    [{ path, rule: 'fleet', message, code: 'INVALID_FLEET_INPUT' }],
    op.action,
  )
}

export function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}...` : text
}
