import { relative } from 'node:path'
import {
  appendPointer,
  type CheckResult,
  checkExtensions,
  checkOperations,
  getAt,
  isObject,
  type LoadedSpec,
  type Location,
  loadSpec,
  observedStatuses,
  parsePointer,
  readDocumentAt,
  SpecError,
} from '@zenlayer-reset/spec-tools'
import { buildSchema } from './build-schema.js'
import { KNOWN_CODE_ROLES } from './code-roles.js'
import { decisionsOf } from './decisions.js'
import { KNOWN_STATE_RULES, ruleFieldRoles } from './state-rules.js'
import type {
  BatchModel,
  ErrorCaseModel,
  FilterModel,
  ObjectNode,
  OperationModel,
  PaginationModel,
  SchemaNode,
  ServiceModel,
  SigningModel,
  StateRuleModel,
  TransitionModel,
} from './types.js'

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (isObject(v) ? v : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Every problem of a spec at once, each with its file and pointer. */
export class SpecProblems extends Error {
  override readonly name = 'SpecProblems'
  constructor(readonly problems: readonly SpecError[]) {
    super(problems.map((p) => p.message).join('\n'))
  }
}

/**
 * Loads one service spec and builds its model. Refuses a spec that breaks any
 * rule of spec-tools' checks (unknown extension, inconsistent action...) or
 * uses a schema feature the emitters do not support, naming every problem.
 */
export function buildService(specFile: string, repoRoot: string): ServiceModel {
  return modelFromSpec(loadSpec(specFile), repoRoot)
}

/** The model of a spec already loaded (see load-service.ts, which also bundles it for the targets that need raw OpenAPI). */
export function modelFromSpec(spec: LoadedSpec, repoRoot: string): ServiceModel {
  const failed: CheckResult[] = [...checkExtensions(spec), ...checkOperations(spec)].filter(
    (r) => r.problems.length > 0,
  )
  if (failed.length > 0) {
    throw new SpecProblems(failed.flatMap((r) => r.problems.map((p) => new SpecError(r.location, p))))
  }
  const doc = spec.document
  const root: Location = { file: spec.entry, pointer: '' }
  const name = str(doc['x-zc-service'])
  const version = str(obj(doc.info).version)
  const operations = Object.entries(obj(doc.paths)).map(([pathKey, item]) =>
    buildOperation(spec, pathKey, obj(obj(item).post), { service: name, version }),
  )
  for (const op of operations) {
    if (op.transition && !operations.some((o) => o.action === op.transition?.observe)) {
      throw new SpecError(
        root,
        `${op.action} is observed with ${op.transition.observe}, which this spec does not define`,
      )
    }
  }
  const protocol = protocolErrors(spec)
  return {
    name,
    version,
    title: str(obj(doc.info).title),
    specPath: relative(repoRoot, spec.entry).split('\\').join('/'),
    operations,
    statuses: observedStatuses(doc),
    protocolErrors: protocol,
    codeRoles: codeRoles(spec, [protocol, ...operations.map((o) => o.errors)]),
    signing: signing(spec),
  }
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : []
}

function buildOperation(
  spec: LoadedSpec,
  pathKey: string,
  op: Obj,
  svc: { service: string; version: string },
): OperationModel {
  const at = spec.origins.get(op) ?? { file: spec.entry, pointer: appendPointer('', 'paths', pathKey, 'post') }
  const ctx = { origins: spec.origins }
  const bodySchema = obj(obj(obj(op.requestBody).content)['application/json']).schema
  const request = buildSchema(bodySchema, { ...at, pointer: appendPointer(at.pointer, 'requestBody') }, ctx)
  const okSchema = obj(obj(obj(obj(op.responses)['200']).content)['application/json']).schema
  const reply = buildSchema(okSchema, { ...at, pointer: appendPointer(at.pointer, 'responses', '200') }, ctx)
  const response = reply.kind === 'object' ? reply.properties.find((p) => p.name === 'response')?.schema : undefined
  if (request.kind !== 'object' || reply.kind !== 'object' || response?.kind !== 'object') {
    throw new SpecError(at, 'the request body, the 200 reply and its `response` must be objects')
  }
  const stateRules = (Array.isArray(op['x-zc-state-rules']) ? op['x-zc-state-rules'] : []).map(
    (r, i): StateRuleModel => {
      const rule = obj(r)
      const id = str(rule.id)
      if (!KNOWN_STATE_RULES.has(id)) {
        throw new SpecError(
          { ...at, pointer: appendPointer(at.pointer, 'x-zc-state-rules', String(i), 'id') },
          `state rule '${id}' is not implemented by the mock engine (known: ${[...KNOWN_STATE_RULES].join(', ')})`,
        )
      }
      const fields = Object.fromEntries(Object.entries(obj(rule.fields)).map(([role, field]) => [role, str(field)]))
      const roles = ruleFieldRoles(id) ?? []
      const given = Object.keys(fields)
      if (roles.length !== given.length || roles.some((r) => !given.includes(r))) {
        throw new SpecError(
          { ...at, pointer: appendPointer(at.pointer, 'x-zc-state-rules', String(i), 'fields') },
          `state rule '${id}' reads the request fields of ${roles.length ? roles.join(', ') : 'no role'}; its fields give ${given.length ? given.join(', ') : 'none'}`,
        )
      }
      // A rule that reads a list of objects (bmc `partitions`) may name fields of its items for other roles.
      const itemFields = Object.values(fields).flatMap((field) => {
        const list = request.properties.find((p) => p.name === field)?.schema
        return list?.kind === 'array' && list.items.kind === 'object' ? list.items.properties.map((p) => p.name) : []
      })
      for (const [role, field] of Object.entries(fields)) {
        if (!request.properties.some((p) => p.name === field) && !itemFields.includes(field)) {
          throw new SpecError(
            { ...at, pointer: appendPointer(at.pointer, 'x-zc-state-rules', String(i), 'fields', role) },
            `state rule '${id}' reads its ${role} from ${field}, not a field of the request`,
          )
        }
      }
      const code = obj(rule.violation).error
      if (typeof code !== 'string' && !isObject(op['x-zc-batch'])) {
        throw new SpecError(
          { ...at, pointer: appendPointer(at.pointer, 'x-zc-state-rules', String(i), 'violation') },
          `state rule '${id}' puts the instance in the failed list, but this action has none (x-zc-batch); give it an error`,
        )
      }
      return { id, description: str(rule.description), errorCode: typeof code === 'string' ? code : undefined, fields }
    },
  )
  const t = op['x-zc-transition']
  const transition: TransitionModel | undefined = isObject(t)
    ? {
        from: stringList(t.from),
        via: str(t.via),
        alsoVia: stringList(t.alsoVia),
        to: str(t.to),
        failure: typeof t.failure === 'string' ? t.failure : undefined,
        observe: str(t.observe),
        deadEnds: stringList(t.deadEnds),
        waiter: typeof t.waiter === 'string' ? t.waiter : undefined,
        fleet: typeof t.fleet === 'string' ? t.fleet : undefined,
        instances: typeof t.instances === 'string' ? t.instances : undefined,
        image: typeof t.image === 'string' ? t.image : undefined,
        decisions: decisionsOf(t),
      }
    : undefined
  const p = op['x-zc-pagination']
  const pagination: PaginationModel | undefined = isObject(p)
    ? {
        pageNumber: str(p.pageNumber),
        pageSize: str(p.pageSize),
        total: str(p.total),
        items: str(p.items),
        ids: typeof p.ids === 'string' ? p.ids : undefined,
        itemId: str(p.itemId),
        itemStatus: str(p.itemStatus),
        maxIds: typeof p.ids === 'string' ? listLimit(request, p.ids) : undefined,
        maxPageSize: numberLimit(request, str(p.pageSize)),
      }
    : undefined
  const filters: FilterModel[] = Object.entries(obj(op['x-zc-filters'])).map(([field, f]) => ({
    field,
    item: str(obj(f).item),
    match: str(obj(f).match) as FilterModel['match'],
  }))
  const b = op['x-zc-batch']
  const batch: BatchModel | undefined = isObject(b)
    ? { instances: str(b.instances), failed: str(b.failed), maxIds: listLimit(request, str(b.instances)) }
    : undefined
  const action = str(op['x-zc-action'])
  return {
    service: svc.service,
    action,
    pathKey,
    path: pathKey.slice(0, pathKey.indexOf('#')),
    version: svc.version,
    summary: str(op.summary),
    description: str(op.description).trim(),
    docsUrl: str(obj(op.externalDocs).url),
    idempotent: op['x-zc-idempotent'] === true,
    request,
    reply,
    response,
    errors: errorCases(spec, op, at),
    stateRules,
    transition,
    pagination,
    filters,
    batch,
    sensitiveFields: sensitiveFields([request, reply]),
    decisions: [...decisionsOf(op), ...decisionsOf(actionParameter(op))],
  }
}

/** The maxItems of a list field of the request: how many ids one call may name. */
function listLimit(request: ObjectNode, field: string): number | undefined {
  const node = request.properties.find((p) => p.name === field)?.schema
  return node?.kind === 'array' ? node.maxItems : undefined
}

/** The maximum of a number field of the request: the largest page a query may ask for. */
function numberLimit(request: ObjectNode, field: string): number | undefined {
  const node = request.properties.find((p) => p.name === field)?.schema
  return node?.kind === 'integer' || node?.kind === 'number' ? node.maximum : undefined
}

/** The X-ZC-Action header parameter: how the action is named on the wire. */
function actionParameter(op: Obj): Obj | undefined {
  const params = Array.isArray(op.parameters) ? op.parameters.map(obj) : []
  return params.find((p) => p.in === 'header' && str(p.name).toLowerCase() === 'x-zc-action')
}

/**
 * The names of the fields marked x-zc-sensitive anywhere in the request or
 * the reply. The runtime masks secrets by field name at any depth, so a mark
 * it could not find by a name (on a body, an array's items) is refused.
 */
function sensitiveFields(roots: readonly SchemaNode[]): string[] {
  const names = new Set<string>()
  const walk = (node: SchemaNode, propertyName: string | undefined): void => {
    if (node.sensitive) {
      if (propertyName === undefined) {
        throw new SpecError(
          node.location,
          'x-zc-sensitive is carried only on an object property: the client masks secrets by field name',
        )
      }
      names.add(propertyName)
    }
    if (node.kind === 'object') for (const prop of node.properties) walk(prop.schema, prop.name)
    else if (node.kind === 'array') walk(node.items, undefined)
  }
  for (const root of roots) walk(root, undefined)
  return [...names].sort()
}

/** The error codes of one operation, each with its HTTP status. */
function errorCases(spec: LoadedSpec, op: Obj, at: Location): ErrorCaseModel[] {
  const cases = new Map<string, ErrorCaseModel>()
  for (const [status, response] of Object.entries(obj(op.responses))) {
    if (status.startsWith('2')) continue
    const schema = obj(obj(obj(obj(response).content)['application/json']).schema)
    for (const entry of codeEntries(schema)) {
      const explicit = entry['x-zc-status']
      const numeric = /^[1-5][0-9][0-9]$/.test(status) ? Number(status) : undefined
      const resolved = typeof explicit === 'number' ? explicit : numeric
      if (resolved === undefined) {
        throw new SpecError(
          { ...at, pointer: appendPointer(at.pointer, 'responses', status) },
          `code ${String(entry.const)} under the status range ${status} needs x-zc-status`,
        )
      }
      const code = String(entry.const)
      const previous = cases.get(code)
      if (previous && previous.status !== resolved) {
        throw new SpecError(at, `code ${code} is listed under two statuses, ${previous.status} and ${resolved}`)
      }
      cases.set(code, {
        code,
        role: roleOf(entry),
        status: resolved,
        description: str(entry.description),
        assumed: isAssumed(entry),
        common: (spec.origins.get(entry)?.file ?? spec.entry) !== spec.entry,
        decisions: decisionsOf(entry),
      })
    }
  }
  return [...cases.values()].sort((a, b) => a.status - b.status || (a.code < b.code ? -1 : 1))
}

/** The `const` entries of the `code` property of an error body schema. */
function codeEntries(schema: Obj): Obj[] {
  const found: Obj[] = []
  const seen = new Set<object>()
  const visit = (node: unknown, inCode: boolean): void => {
    if (!isObject(node) || seen.has(node)) return
    seen.add(node)
    if (inCode && typeof node.const === 'string') found.push(node)
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = node[key]
      if (Array.isArray(list)) for (const item of list) visit(item, inCode)
    }
    const code = obj(node.properties).code
    if (code !== undefined) visit(code, true)
  }
  visit(schema, false)
  return found
}

function roleOf(entry: Obj): string | undefined {
  return typeof entry['x-zc-role'] === 'string' ? entry['x-zc-role'] : undefined
}

/**
 * Each role's code, from every code the service can answer (x-zc-role). A
 * role no runtime reads, or one role given to two codes, stops generation.
 */
function codeRoles(spec: LoadedSpec, lists: readonly (readonly ErrorCaseModel[])[]): Readonly<Record<string, string>> {
  const roles: Record<string, string> = {}
  const at: Location = { file: spec.entry, pointer: '' }
  for (const list of lists) {
    for (const error of list) {
      if (error.role === undefined) continue
      if (!KNOWN_CODE_ROLES.has(error.role)) {
        throw new SpecError(
          at,
          `${error.code} has x-zc-role ${error.role}, which no runtime reads (known: ${[...KNOWN_CODE_ROLES].join(', ')})`,
        )
      }
      const previous = roles[error.role]
      if (previous !== undefined && previous !== error.code) {
        throw new SpecError(at, `x-zc-role ${error.role} is given to both ${previous} and ${error.code}`)
      }
      roles[error.role] = error.code
    }
  }
  return Object.fromEntries(Object.entries(roles).sort(([a], [b]) => (a < b ? -1 : 1)))
}

function isAssumed(entry: Obj): boolean {
  const notes = Array.isArray(entry['x-zc-decision']) ? entry['x-zc-decision'] : []
  return notes.some((n) => obj(n).ref === 10)
}

/**
 * Codes that belong to no operation live beside the error envelope, in the
 * same file: `#/components/schemas/ProtocolErrorCode` (see specs/README.md).
 */
function protocolErrors(spec: LoadedSpec): ErrorCaseModel[] {
  const envelope = findEnvelope(spec)
  if (!envelope) return []
  const fileDoc = readDocumentAt(spec, envelope.file)
  const schema = obj(getAt(fileDoc, parsePointer('/components/schemas/ProtocolErrorCode') ?? []))
  const entries = Array.isArray(schema.oneOf) ? schema.oneOf.map(obj) : []
  return entries.map((entry, i) => {
    const status = entry['x-zc-status']
    if (typeof status !== 'number') {
      throw new SpecError(
        { file: envelope.file, pointer: `/components/schemas/ProtocolErrorCode/oneOf/${i}` },
        'a protocol error code needs x-zc-status',
      )
    }
    return {
      code: String(entry.const),
      role: roleOf(entry),
      status,
      description: str(entry.description),
      assumed: isAssumed(entry),
      common: true,
      decisions: decisionsOf(entry),
    }
  })
}

function findEnvelope(spec: LoadedSpec): Location | undefined {
  for (const item of Object.values(obj(spec.document.paths))) {
    for (const response of Object.values(obj(obj(obj(item).post).responses))) {
      const schema = obj(obj(obj(obj(response).content)['application/json']).schema)
      for (const part of Array.isArray(schema.allOf) ? schema.allOf : [schema]) {
        const origin = isObject(part) ? spec.origins.get(part) : undefined
        if (origin?.pointer === '/components/schemas/ErrorEnvelope') return origin
      }
    }
  }
  return undefined
}

function signing(spec: LoadedSpec): SigningModel {
  const schemes = obj(obj(spec.document.components).securitySchemes)
  for (const scheme of Object.values(schemes)) {
    const s = obj(obj(scheme)['x-zc-signing'])
    if (Object.keys(s).length === 0) continue
    const env = obj(s.credentialsFromEnv)
    return {
      algorithm: str(s.algorithm),
      authorizationHeader: str(s.authorizationHeader),
      timestampHeader: str(s.timestampHeader),
      signatureMethodHeader: str(s.signatureMethodHeader),
      canonicalUri: str(s.canonicalUri),
      signedHeaders: stringList(s.signedHeaders),
      maxClockSkewSeconds: typeof s.maxClockSkewSeconds === 'number' ? s.maxClockSkewSeconds : 300,
      envAccessKeyId: str(env.accessKeyId),
      envAccessKeySecret: str(env.accessKeySecret),
    }
  }
  throw new SpecError(
    { file: spec.entry, pointer: '/components/securitySchemes' },
    'no security scheme carries x-zc-signing',
  )
}
