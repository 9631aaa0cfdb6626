// Every difference between two snapshots of a service, each named by its rule
// (rules.ts). Direction-aware: the same narrowing is breaking in a request and
// a fix in a reply.
import { SCOPE } from '../emit/shared/files.js'
import { isSuiteTarget } from '../target.js'
import { TARGETS } from '../targets.js'
import { type ChangeClass, type PackageKind, RULES, type RuleId } from './rules.js'
import type { OperationSnapshot, SchemaSnapshot, ServiceSnapshot } from './snapshot.js'

export interface SpecChange {
  readonly service: string
  /** Undefined for changes to the whole service. */
  readonly action: string | undefined
  /** `request.password.maxLength`, `errors.INVALID_IMAGE_NOT_FOUND`, `transition.to`. */
  readonly path: string
  readonly rule: RuleId
  readonly class: ChangeClass
  readonly before: unknown
  readonly after: unknown
  /** The generated packages it touches, by npm name. */
  readonly packages: readonly string[]
}

type Side = 'request' | 'response'
type Emit = (rule: RuleId, path: string, before: unknown, after: unknown) => void

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** A narrowing on the request side is breaking; on the reply side, a fix. */
function limit(side: Side, narrowed: boolean): RuleId {
  if (side === 'request') return narrowed ? 'request-limit-narrowed' : 'request-limit-widened'
  return narrowed ? 'response-limit-narrowed' : 'response-limit-widened'
}

/** Bounds: a lower bound that rises, or an upper bound that falls (or appears), narrows. */
function bound(
  side: Side,
  path: string,
  key: string,
  a: number | undefined,
  b: number | undefined,
  lower: boolean,
  emit: Emit,
): void {
  if (a === b) return
  const narrowed = a === undefined ? true : b === undefined ? false : lower ? (b as number) > a : (b as number) < a
  emit(limit(side, narrowed), `${path}.${key}`, a, b)
}

function diffSchema(side: Side, path: string, a: SchemaSnapshot, b: SchemaSnapshot, emit: Emit): void {
  if (a.kind !== b.kind || a.format !== b.format) {
    emit(
      side === 'request' ? 'request-type-changed' : 'response-type-changed',
      path,
      a.format ?? a.kind,
      b.format ?? b.kind,
    )
    return
  }
  if (a.description !== b.description) emit('docs-changed', `${path}.description`, a.description, b.description)
  if (!same(a.default, b.default)) {
    emit(
      side === 'request' ? 'request-default-changed' : 'response-default-changed',
      `${path}.default`,
      a.default,
      b.default,
    )
  }
  if (a.errorCode !== b.errorCode && side === 'request')
    emit('request-error-code-changed', `${path}.errorCode`, a.errorCode, b.errorCode)
  if (Boolean(a.sensitive) !== Boolean(b.sensitive))
    emit(b.sensitive ? 'secret-added' : 'secret-removed', path, Boolean(a.sensitive), Boolean(b.sensitive))
  bound(side, path, 'minLength', a.minLength, b.minLength, true, emit)
  bound(side, path, 'maxLength', a.maxLength, b.maxLength, false, emit)
  bound(side, path, 'maxUtf8Bytes', a.maxUtf8Bytes, b.maxUtf8Bytes, false, emit)
  bound(side, path, 'minItems', a.minItems, b.minItems, true, emit)
  bound(side, path, 'maxItems', a.maxItems, b.maxItems, false, emit)
  bound(side, path, 'minimum', a.minimum, b.minimum, true, emit)
  bound(side, path, 'maximum', a.maximum, b.maximum, false, emit)
  if (Boolean(a.uniqueItems) !== Boolean(b.uniqueItems))
    emit(limit(side, Boolean(b.uniqueItems)), `${path}.uniqueItems`, Boolean(a.uniqueItems), Boolean(b.uniqueItems))
  if (Boolean(a.consecutive) !== Boolean(b.consecutive))
    emit(limit(side, Boolean(b.consecutive)), `${path}.consecutive`, Boolean(a.consecutive), Boolean(b.consecutive))
  // A first-item rule that appears or changes its values narrows (a changed list may refuse what passed); one that goes widens.
  if (a.firstItem !== b.firstItem)
    emit(limit(side, b.firstItem !== undefined), `${path}.firstItem`, a.firstItem, b.firstItem)
  const pa = a.patterns ?? []
  const pb = b.patterns ?? []
  for (const p of pb)
    if (!pa.includes(p))
      emit(side === 'request' ? 'request-pattern-added' : 'response-pattern-added', `${path}.pattern`, undefined, p)
  for (const p of pa)
    if (!pb.includes(p))
      emit(side === 'request' ? 'request-pattern-removed' : 'response-pattern-removed', `${path}.pattern`, p, undefined)
  if (a.values === undefined && b.values !== undefined) emit(limit(side, true), `${path}.enum`, undefined, b.values)
  else if (a.values !== undefined && b.values === undefined)
    emit(limit(side, false), `${path}.enum`, a.values, undefined)
  else if (a.values && b.values) {
    for (const v of b.values) {
      if (!a.values.includes(v))
        emit(
          side === 'request' ? 'request-enum-value-added' : 'response-enum-value-added',
          `${path}.enum`,
          undefined,
          v,
        )
    }
    for (const v of a.values) {
      if (!b.values.includes(v))
        emit(
          side === 'request' ? 'request-enum-value-removed' : 'response-enum-value-removed',
          `${path}.enum`,
          v,
          undefined,
        )
    }
  }
  if (a.items && b.items) diffSchema(side, `${path}[]`, a.items, b.items, emit)
  if (a.kind === 'object') diffObject(side, path, a, b, emit)
}

function diffObject(side: Side, path: string, a: SchemaSnapshot, b: SchemaSnapshot, emit: Emit): void {
  const pa = a.properties ?? {}
  const pb = b.properties ?? {}
  const at = (name: string) => (path ? `${path}.${name}` : name)
  for (const [name, prop] of Object.entries(pa)) {
    const next = pb[name]
    if (!next) {
      emit(
        side === 'request' ? 'request-field-removed' : 'response-field-removed',
        at(name),
        prop.schema.kind,
        undefined,
      )
      continue
    }
    if (prop.required !== next.required) {
      const rule: RuleId =
        side === 'request'
          ? next.required
            ? 'request-field-became-required'
            : 'request-field-became-optional'
          : next.required
            ? 'response-field-became-required'
            : 'response-field-became-optional'
      emit(rule, at(name), prop.required ? 'required' : 'optional', next.required ? 'required' : 'optional')
    }
    diffSchema(side, at(name), prop.schema, next.schema, emit)
  }
  for (const [name, prop] of Object.entries(pb)) {
    if (name in pa) continue
    const rule: RuleId =
      side === 'response'
        ? 'response-field-added'
        : prop.required
          ? 'request-field-added-required'
          : 'request-field-added-optional'
    emit(rule, at(name), undefined, prop.schema.kind)
  }
  if (a.additionalProperties !== b.additionalProperties) {
    const closed = b.additionalProperties === false
    const rule: RuleId =
      side === 'request'
        ? closed
          ? 'request-closed'
          : 'request-opened'
        : closed
          ? 'response-closed'
          : 'response-opened'
    emit(rule, `${path || '(body)'}.additionalProperties`, a.additionalProperties, b.additionalProperties)
  }
  const xa = a.exclusive ?? []
  const xb = b.exclusive ?? []
  for (const x of xb)
    if (!xa.includes(x))
      emit(
        side === 'request' ? 'request-rule-added' : 'response-rule-changed',
        `${path || '(body)'}.atMostOneOf(${x})`,
        undefined,
        x,
      )
  for (const x of xa)
    if (!xb.includes(x))
      emit(
        side === 'request' ? 'request-rule-removed' : 'response-rule-changed',
        `${path || '(body)'}.atMostOneOf(${x})`,
        x,
        undefined,
      )
  const da = a.distinct ?? []
  const db = b.distinct ?? []
  for (const x of db)
    if (!da.includes(x))
      emit(
        side === 'request' ? 'request-rule-added' : 'response-rule-changed',
        `${path || '(body)'}.distinct(${x})`,
        undefined,
        x,
      )
  for (const x of da)
    if (!db.includes(x))
      emit(
        side === 'request' ? 'request-rule-removed' : 'response-rule-changed',
        `${path || '(body)'}.distinct(${x})`,
        x,
        undefined,
      )
}

function diffErrors(
  prefix: string,
  a: OperationSnapshot['errors'],
  b: OperationSnapshot['errors'],
  rules: { added: RuleId; removed: RuleId },
  emit: Emit,
): void {
  for (const [code, e] of Object.entries(a)) {
    const next = b[code]
    if (!next) emit(rules.removed, `${prefix}.${code}`, e.status, undefined)
    else {
      if (next.status !== e.status) emit('error-status-changed', `${prefix}.${code}.status`, e.status, next.status)
      if (next.description !== e.description)
        emit('docs-changed', `${prefix}.${code}.description`, e.description, next.description)
    }
  }
  for (const [code, e] of Object.entries(b))
    if (!(code in a)) emit(rules.added, `${prefix}.${code}`, undefined, e.status)
}

function diffOperation(a: OperationSnapshot, b: OperationSnapshot, emit: Emit): void {
  for (const key of ['summary', 'description', 'docsUrl'] as const) {
    if (a[key] !== b[key]) emit('docs-changed', key, a[key], b[key])
  }
  if (a.idempotent !== b.idempotent) emit('idempotency-changed', 'idempotent', a.idempotent, b.idempotent)
  diffSchema('request', 'request', a.request, b.request, emit)
  diffSchema('response', 'response', a.response, b.response, emit)
  diffErrors('errors', a.errors, b.errors, { added: 'error-code-added', removed: 'error-code-removed' }, emit)
  for (const [id, rule] of Object.entries(a.stateRules)) {
    const next = b.stateRules[id]
    if (!next) emit('state-rule-removed', `stateRules.${id}`, rule.errorCode ?? 'failed list', undefined)
    else if (next.errorCode !== rule.errorCode)
      emit('state-rule-changed', `stateRules.${id}`, rule.errorCode ?? 'failed list', next.errorCode ?? 'failed list')
    else if (JSON.stringify(next.fields) !== JSON.stringify(rule.fields))
      emit('state-rule-changed', `stateRules.${id}.fields`, rule.fields, next.fields)
    else if (next.description !== rule.description)
      emit('docs-changed', `stateRules.${id}.description`, rule.description, next.description)
  }
  for (const [id, rule] of Object.entries(b.stateRules)) {
    if (!(id in a.stateRules)) emit('state-rule-added', `stateRules.${id}`, undefined, rule.errorCode ?? 'failed list')
  }
  if (!a.transition && b.transition) emit('transition-added', 'transition', undefined, b.transition)
  else if (a.transition && !b.transition) emit('transition-removed', 'transition', a.transition, undefined)
  else if (a.transition && b.transition) {
    for (const key of new Set([...Object.keys(a.transition), ...Object.keys(b.transition)])) {
      const before = a.transition[key]
      const after = b.transition[key]
      if (same(before, after)) continue
      const onlyAdded =
        key === 'alsoVia' && Array.isArray(before) && Array.isArray(after) && before.every((s) => after.includes(s))
      emit(onlyAdded ? 'transition-status-tolerated' : 'transition-changed', `transition.${key}`, before, after)
    }
  }
  if (!same(a.pagination, b.pagination)) emit('paging-changed', 'pagination', a.pagination, b.pagination)
  if (!same(a.batch, b.batch)) emit('batch-changed', 'batch', a.batch, b.batch)
  diffFilters(a.filters, b.filters, emit)
}

/** A query's filters (x-zc-filters), field by field: new ones narrow only queries that use them. */
function diffFilters(a: OperationSnapshot['filters'], b: OperationSnapshot['filters'], emit: Emit): void {
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const before = a[field]
    const after = b[field]
    if (same(before, after)) continue
    emit(before ? 'filter-changed' : 'filter-added', `filters.${field}`, before, after)
  }
}

/**
 * The suite packages (the command line, the MCP server): each exposes every
 * service's client surface, so a change that reaches a client reaches them too.
 */
const SUITE_PACKAGES = TARGETS.filter(isSuiteTarget).map((t) => `${SCOPE}/${t.kind}`)

export function packagesOf(service: string, rule: RuleId): string[] {
  const kinds: readonly PackageKind[] = RULES[rule].packages
  return [...kinds.map((kind) => `${SCOPE}/${service}-${kind}`), ...(kinds.includes('client') ? SUITE_PACKAGES : [])]
}

/** Every change from `before` to `after`, in a stable order. Either side may be absent (a service added or removed). */
export function classify(before: ServiceSnapshot | undefined, after: ServiceSnapshot | undefined): SpecChange[] {
  const service = (after ?? before)?.service ?? ''
  const changes: SpecChange[] = []
  const emitFor =
    (action: string | undefined): Emit =>
    (rule, path, b4, aft) =>
      changes.push({
        service,
        action,
        path,
        rule,
        class: RULES[rule].class,
        before: b4,
        after: aft,
        packages: packagesOf(service, rule),
      })
  const svc = emitFor(undefined)
  if (!before || !after) {
    svc(after ? 'service-added' : 'service-removed', service, before ? service : undefined, after ? service : undefined)
    return changes
  }
  if (before.version !== after.version) svc('api-version-changed', 'version', before.version, after.version)
  if (!same(before.signing, after.signing)) svc('signing-changed', 'signing', before.signing, after.signing)
  for (const s of after.statuses) if (!before.statuses.includes(s)) svc('status-added', 'statuses', undefined, s)
  for (const s of before.statuses) if (!after.statuses.includes(s)) svc('status-removed', 'statuses', s, undefined)
  diffErrors(
    'protocolErrors',
    before.protocolErrors,
    after.protocolErrors,
    { added: 'protocol-error-added', removed: 'protocol-error-removed' },
    svc,
  )
  for (const [action, op] of Object.entries(before.operations)) {
    const next = after.operations[action]
    if (!next) emitFor(action)('action-removed', action, action, undefined)
    else diffOperation(op, next, emitFor(action))
  }
  for (const action of Object.keys(after.operations)) {
    if (!(action in before.operations)) emitFor(action)('action-added', action, undefined, action)
  }
  return changes
}
