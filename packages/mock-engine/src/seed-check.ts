// A state to seed (the --state file, POST /__admin/seed and /reset, the
// `state` option) is checked whole before any of it is applied: statuses from
// the spec's enum, ids by the spec's id schema, every field of the right type
// and range, no field the mock does not know. A bad state is an error naming
// where it came from and the field; a good one is applied all at once.
import type { MockService } from './descriptor.js'
import { type ImageCategory, INSTANCE_DEFAULTS, type OsType, type SeedState } from './types.js'

export class StateError extends Error {
  override readonly name: string = 'StateError'
}

const OS_TYPES: readonly OsType[] = ['linux', 'windows']
const CATEGORIES: readonly ImageCategory[] = ['Linux', 'Windows', 'Generic']
/** Seeds hold at most this many of each: a state file is a fixture, not a database. */
export const MAX_SEEDED = 100_000
const MAX_GB = 1_000_000

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const show = (v: unknown): string => {
  const text =
    typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'a list' : isObj(v) ? 'an object' : String(v)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

function fields(where: string, value: Obj, known: readonly string[]): void {
  const unknown = Object.keys(value).filter((k) => !known.includes(k))
  if (unknown.length > 0) {
    throw new StateError(
      `${where}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 5)
        .map((k) => show(k))
        .join(', ')}; the fields are ${known.join(', ')}`,
    )
  }
}

function list(where: string, value: unknown): readonly unknown[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new StateError(`${where} must be a list (got ${show(value)})`)
  if (value.length > MAX_SEEDED) throw new StateError(`${where} has ${value.length} entries; at most ${MAX_SEEDED}`)
  return value
}

function oneOf<T extends string>(where: string, value: unknown, allowed: readonly T[]): void {
  if (value !== undefined && !allowed.includes(value as T)) {
    throw new StateError(`${where} must be one of ${allowed.join(', ')} (got ${show(value)})`)
  }
}

function gigabytes(where: string, value: unknown): void {
  if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_GB)) {
    throw new StateError(`${where} must be a whole number of GB from 1 to ${MAX_GB} (got ${show(value)})`)
  }
}

function flag(where: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean')
    throw new StateError(`${where} must be true or false (got ${show(value)})`)
}

function text(where: string, value: unknown, min = 1, max = 256): void {
  if (value !== undefined && !(typeof value === 'string' && value.length >= min && value.length <= max)) {
    throw new StateError(`${where} must be a string of ${min} to ${max} characters (got ${show(value)})`)
  }
}

/** The most a seeded item may hold, as JSON: a status query's item is a few kB at most. */
export const MAX_ITEM_BYTES = 16 * 1024

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v)

/**
 * A seeded `item`: only fields the service's status query shows (its example
 * item's), each of the example's JSON type; never the id, the status or the
 * image, which the instance's own fields give.
 */
function checkItem(service: MockService, where: string, item: unknown): void {
  const shape = itemShape(service)
  if (!shape)
    throw new StateError(
      `${where}: ${service.name}'s status query shows only an instance's id and status; item is for services whose query shows more`,
    )
  if (!isObj(item)) throw new StateError(`${where} must be an object (got ${show(item)})`)
  const { example, own } = shape
  for (const [key, value] of Object.entries(item)) {
    const from = own.get(key)
    if (from) throw new StateError(`${where}.${key} is the instance's ${from}: set ${from} on the instance instead`)
    if (!Object.hasOwn(example, key)) {
      const known = Object.keys(example).filter((k) => !own.has(k))
      throw new StateError(
        `${where}: unknown field ${show(key)}; the fields are ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', ...' : ''}`,
      )
    }
    const want = jsonType(example[key])
    if (jsonType(value) !== want && example[key] !== null)
      throw new StateError(`${where}.${key} must be a ${want}, as in the spec's example item (got ${show(value)})`)
  }
  if (JSON.stringify(item).length > MAX_ITEM_BYTES)
    throw new StateError(`${where} is larger than ${MAX_ITEM_BYTES} bytes as JSON`)
}

interface ItemShape {
  /** The example items of the service's status queries, merged: the fields an item shows and their types. */
  readonly example: Obj
  /** Item fields the instance's own fields give (id, status, image), by the instance field's name. */
  readonly own: ReadonlyMap<string, string>
}

// Read once per service: a seed may hold 100,000 instances, each with an item.
const shapes = new WeakMap<MockService, ItemShape | null>()

/** The item a seed may set for `service`, or null when its status query shows only id and status. */
function itemShape(service: MockService): ItemShape | null {
  let shape = shapes.get(service)
  if (shape === undefined) {
    const templates = Object.values(service.operations).filter((op) => op.itemTemplate && op.pagination)
    const own = new Map<string, string>()
    for (const op of templates) {
      const page = op.pagination as NonNullable<typeof op.pagination>
      own.set(page.itemId, 'instanceId')
      own.set(page.itemStatus, 'status')
      if (op.itemImage) own.set(op.itemImage, 'imageId')
    }
    shape =
      templates.length === 0 ? null : { example: Object.assign({}, ...templates.map((op) => op.itemTemplate)), own }
    shapes.set(service, shape)
  }
  return shape
}

/** Checks a state for one service; returns it typed, or throws a StateError naming `where` and the field. */
export function checkSeedState(service: MockService, state: unknown, where: string): SeedState {
  if (!isObj(state))
    throw new StateError(`${where} must be an object with instances, images and keyPairs (got ${show(state)})`)
  fields(where, state, ['instances', 'images', 'keyPairs'])
  const id = service.instanceId ?? { minLength: 1, maxLength: 256 }
  const ids = new Set<string>()
  list(`${where}.instances`, state.instances).forEach((raw, i) => {
    const at = `${where}.instances[${i}]`
    if (!isObj(raw)) throw new StateError(`${at} must be an object (got ${show(raw)})`)
    fields(at, raw, ['instanceId', ...Object.keys(INSTANCE_DEFAULTS), 'item'])
    if (raw.instanceId === undefined) throw new StateError(`${at}.instanceId is required`)
    text(`${at}.instanceId`, raw.instanceId, id.minLength, id.maxLength)
    if (ids.has(raw.instanceId as string))
      throw new StateError(`${at}.instanceId ${show(raw.instanceId)} is listed twice`)
    ids.add(raw.instanceId as string)
    oneOf(`${at}.status`, raw.status, service.statuses)
    oneOf(`${at}.osType`, raw.osType, OS_TYPES)
    text(`${at}.imageId`, raw.imageId)
    text(`${at}.zoneId`, raw.zoneId)
    gigabytes(`${at}.bootDiskGb`, raw.bootDiskGb)
    flag(`${at}.zoneSupportsScript`, raw.zoneSupportsScript)
    flag(`${at}.recycled`, raw.recycled)
    if (raw.item !== undefined) checkItem(service, `${at}.item`, raw.item)
  })
  list(`${where}.images`, state.images).forEach((raw, i) => {
    const at = `${where}.images[${i}]`
    if (!isObj(raw)) throw new StateError(`${at} must be an object (got ${show(raw)})`)
    fields(at, raw, ['imageId', 'osType', 'category', 'sizeGb'])
    if (raw.imageId === undefined) throw new StateError(`${at}.imageId is required`)
    text(`${at}.imageId`, raw.imageId)
    oneOf(`${at}.osType`, raw.osType, OS_TYPES)
    oneOf(`${at}.category`, raw.category, CATEGORIES)
    gigabytes(`${at}.sizeGb`, raw.sizeGb)
  })
  list(`${where}.keyPairs`, state.keyPairs).forEach((raw, i) => {
    text(`${where}.keyPairs[${i}]`, raw)
  })
  return state as SeedState
}

/** A state file or admin body for several services: `{zec: {...}, vm: {...}}`, each checked. */
export function checkHubState(
  services: readonly MockService[],
  state: unknown,
  where: string,
): Record<string, SeedState> {
  if (!isObj(state))
    throw new StateError(
      `${where} must be an object keyed by service (${services.map((s) => s.name).join(', ')}) (got ${show(state)})`,
    )
  const names = services.map((s) => s.name)
  const unknown = Object.keys(state).filter((k) => !names.includes(k))
  if (unknown.length > 0)
    throw new StateError(`${where}: unknown service ${show(unknown[0])}; the services are ${names.join(', ')}`)
  return Object.fromEntries(
    services
      .filter((s) => state[s.name] !== undefined)
      .map((s) => [s.name, checkSeedState(s, state[s.name], `${where}.${s.name}`)]),
  )
}
