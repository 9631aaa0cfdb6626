import { appendPointer, isObject } from '../load/json-pointer.js'
import type { LoadedSpec } from '../load/resolve.js'
import type { Location } from '../load/spec-error.js'
import { type CheckResult, result } from './result.js'
import { constStrings, walkSchema } from './schema-walk.js'

const PATH_KEY = /^\/api\/v2\/([a-z][a-z0-9]*)#([A-Z][A-Za-z0-9]*)$/

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (isObject(v) ? v : {})
/** The schema a one-schema `allOf` (a named schema reused with its own annotations) stands for. */
const unwrap = (v: Obj): Obj =>
  Array.isArray(v.allOf) && v.allOf.length === 1 && v.type === undefined ? obj(v.allOf[0]) : v

/** The header parameter of an operation, by name (header names are case-insensitive). */
function headerParam(op: Obj, name: string): Obj | undefined {
  const params = Array.isArray(op.parameters) ? op.parameters : []
  return params.map(obj).find((p) => p.in === 'header' && String(p.name).toLowerCase() === name.toLowerCase())
}

/** Every error code an operation documents in its JSON error responses. */
export function documentedErrorCodes(op: Obj): Set<string> {
  const codes = new Set<string>()
  for (const [status, response] of Object.entries(obj(op.responses))) {
    if (status.startsWith('2')) continue
    const schema = obj(obj(obj(obj(response).content)['application/json']).schema)
    walkSchema(schema, (node) => {
      const code = obj(node.properties).code
      if (code !== undefined) for (const c of constStrings(code)) codes.add(c)
    })
  }
  return codes
}

/** Every `x-zc-error-code` in the request schema: codes the validator may answer. */
function requestErrorCodes(op: Obj): string[] {
  const codes: string[] = []
  const schema = obj(obj(obj(obj(op.requestBody).content)['application/json']).schema)
  walkSchema(schema, (node) => {
    if (typeof node['x-zc-error-code'] === 'string') codes.push(node['x-zc-error-code'])
  })
  return codes
}

/**
 * The rules that make an operation of this project: the path, the action
 * header, operationId and `x-zc-action` agree; the version header matches
 * `info.version`; every error code a rule can produce is documented in the
 * responses; transitions name real statuses; pagination names real fields.
 */
/**
 * The statuses an instance can be in: those the status query answers, read
 * from its items' status field (x-zc-pagination itemStatus), whatever the
 * schema is named.
 */
export function observedStatuses(doc: Record<string, unknown>): string[] {
  const out = new Set<string>()
  for (const item of Object.values(obj(doc.paths))) {
    const op = obj(obj(item).post)
    const p = obj(op['x-zc-pagination'])
    if (p.items === undefined || p.itemStatus === undefined) continue
    const ok = obj(obj(obj(obj(op.responses)['200']).content)['application/json']).schema
    const response = obj(obj(obj(ok).properties).response)
    const itemProps = obj(obj(obj(obj(response.properties)[String(p.items)]).items).properties)
    for (const s of constStrings(itemProps[String(p.itemStatus)])) out.add(s)
  }
  return [...out]
}

export function checkOperations(spec: LoadedSpec): CheckResult[] {
  const doc = spec.document
  const results: CheckResult[] = []
  const service = doc['x-zc-service']
  const version = obj(doc.info).version
  const statuses = new Set(observedStatuses(doc))
  const actions = new Map<string, Location>()
  const paths = obj(doc.paths)

  for (const [pathKey, item] of Object.entries(paths)) {
    const itemAt = spec.origins.get(obj(item)) ?? { file: spec.entry, pointer: appendPointer('', 'paths', pathKey) }
    const methods = Object.keys(obj(item)).filter((k) => !k.startsWith('x-') && k !== 'summary' && k !== 'description')
    const match = PATH_KEY.exec(pathKey)
    const pathProblems: string[] = []
    if (!match) pathProblems.push(`path key must be /api/v2/<service>#<Action>, got ${pathKey}`)
    else if (match[1] !== service)
      pathProblems.push(`path names service ${match[1]}, the document x-zc-service is ${String(service)}`)
    if (methods.length !== 1 || methods[0] !== 'post')
      pathProblems.push(`every action is a POST only; found ${methods.join(', ')}`)
    results.push(result('action path', pathKey, itemAt, pathProblems))
    const op = obj(obj(item).post)
    if (!match || Object.keys(op).length === 0) continue
    const action = match[2] ?? ''
    const at = { ...itemAt, pointer: appendPointer(itemAt.pointer, 'post') }

    const identity: string[] = []
    if (op.operationId !== action)
      identity.push(`operationId ${String(op.operationId)} differs from the path's action ${action}`)
    if (op['x-zc-action'] !== action) identity.push(`x-zc-action ${String(op['x-zc-action'])} differs from ${action}`)
    const actionHeader = headerParam(op, 'X-ZC-Action')
    if (actionHeader?.required !== true || obj(actionHeader.schema).const !== action) {
      identity.push(`X-ZC-Action must be a required header with const ${action}`)
    }
    const previous = actions.get(action)
    if (previous) identity.push(`action ${action} is defined twice (also at ${previous.pointer})`)
    actions.set(action, at)
    if (typeof op['x-zc-idempotent'] !== 'boolean') identity.push('x-zc-idempotent must say whether a retry is safe')
    results.push(result('action identity', action, at, identity))

    const wire: string[] = []
    const versionHeader = headerParam(op, 'X-ZC-Version')
    if (versionHeader?.required !== true || obj(versionHeader.schema).const !== version) {
      wire.push(`X-ZC-Version must be a required header with const ${String(version)} (info.version)`)
    }
    const body = obj(op.requestBody)
    const types = Object.keys(obj(body.content))
    if (body.required !== true || types.length !== 1 || types[0] !== 'application/json') {
      wire.push('the request body must be required and application/json only')
    }
    const ok = obj(obj(obj(obj(op.responses)['200']).content)['application/json']).schema
    const okProps = obj(obj(ok).properties)
    if (!('requestId' in okProps) || !('response' in okProps))
      wire.push('the 200 reply must be the {requestId, response} envelope')
    if (typeof obj(op.externalDocs).url !== 'string') wire.push('externalDocs must link the vendor page')
    results.push(result('wire contract', action, at, wire))

    const documented = documentedErrorCodes(op)
    const undocumented: string[] = []
    for (const code of requestErrorCodes(op)) {
      if (!documented.has(code)) undocumented.push(`x-zc-error-code ${code} is not among the error responses' codes`)
    }
    const rules = Array.isArray(op['x-zc-state-rules']) ? op['x-zc-state-rules'].map(obj) : []
    const ruleIds = new Set<string>()
    const ruleFields: string[] = []
    for (const rule of rules) {
      const code = obj(rule.violation).error
      if (typeof code === 'string' && !documented.has(code)) {
        undocumented.push(`state rule ${String(rule.id)} answers ${code}, which no error response documents`)
      }
      if (ruleIds.has(String(rule.id))) undocumented.push(`state rule ${String(rule.id)} is listed twice`)
      const requestProps = obj(obj(obj(obj(body.content)['application/json']).schema).properties)
      // A rule that reads a list of objects (bmc `partitions`) may name fields of its items for other roles.
      const itemProps = Object.values(obj(rule.fields)).flatMap((field) =>
        Object.keys(obj(unwrap(obj(unwrap(obj(requestProps[String(field)])).items)).properties)),
      )
      for (const [role, field] of Object.entries(obj(rule.fields))) {
        if (!(String(field) in requestProps) && !itemProps.includes(String(field)))
          ruleFields.push(
            `state rule ${String(rule.id)} reads its ${role} from ${String(field)}, not a field of the request`,
          )
      }
      ruleIds.add(String(rule.id))
    }
    results.push(result('error codes documented', action, at, [...new Set(undocumented)]))
    if (rules.length > 0) results.push(result('state rule fields', action, at, ruleFields))

    const transition = op['x-zc-transition']
    if (transition !== undefined) {
      const t = obj(transition)
      const problems: string[] = []
      const list = (v: unknown) => (Array.isArray(v) ? v : [])
      const named = [...list(t.from), t.via, ...list(t.alsoVia), t.to, t.failure, ...list(t.deadEnds)].filter(
        (s) => s !== undefined,
      )
      for (const s of named) {
        if (!statuses.has(String(s))) problems.push(`status ${String(s)} is not a status the status query can answer`)
      }
      const observed = `/api/v2/${String(service)}#${String(t.observe)}`
      if (!(observed in paths)) problems.push(`observe names ${String(t.observe)}, not an action of this service`)
      const requestProps = obj(obj(obj(obj(body.content)['application/json']).schema).properties)
      for (const key of ['instances', 'image'] as const) {
        if (t[key] !== undefined && !(String(t[key]) in requestProps))
          problems.push(`${key} names ${String(t[key])}, not a field of the request`)
      }
      results.push(result('transition', action, at, problems))
    }

    const batch = op['x-zc-batch']
    if (batch !== undefined) {
      const b = obj(batch)
      const requestProps = obj(obj(obj(obj(body.content)['application/json']).schema).properties)
      const responseProps = obj(obj(okProps.response).properties)
      const problems: string[] = []
      if (obj(requestProps[String(b.instances)]).type !== 'array')
        problems.push(`request has no list field ${String(b.instances)}`)
      if (obj(responseProps[String(b.failed)]).type !== 'array')
        problems.push(`response has no list field ${String(b.failed)}`)
      results.push(result('batch', action, at, problems))
    }

    const pagination = op['x-zc-pagination']
    if (pagination !== undefined) {
      const p = obj(pagination)
      const problems: string[] = []
      const requestProps = obj(obj(obj(obj(body.content)['application/json']).schema).properties)
      const responseProps = obj(obj(okProps.response).properties)
      for (const field of [p.pageNumber, p.pageSize]) {
        if (!(String(field) in requestProps)) problems.push(`request has no field ${String(field)}`)
      }
      for (const field of [p.total, p.items]) {
        if (!(String(field) in responseProps)) problems.push(`response has no field ${String(field)}`)
      }
      if (p.ids !== undefined && obj(requestProps[String(p.ids)]).type !== 'array') {
        problems.push(`request has no list field ${String(p.ids)}`)
      }
      const itemProps = obj(obj(obj(responseProps[String(p.items)]).items).properties)
      for (const field of [p.itemId, p.itemStatus]) {
        if (!(String(field) in itemProps))
          problems.push(`the items of ${String(p.items)} have no field ${String(field)}`)
      }
      if (constStrings(itemProps[String(p.itemStatus)]).length === 0) {
        problems.push(`${String(p.items)}[].${String(p.itemStatus)} lists no statuses (enum)`)
      }
      results.push(result('pagination', action, at, problems))
    }

    const filters = op['x-zc-filters']
    if (filters !== undefined) {
      const p = obj(pagination)
      const requestProps = obj(obj(obj(obj(body.content)['application/json']).schema).properties)
      const items = unwrap(obj(unwrap(obj(obj(obj(okProps.response).properties)[String(p.items)])).items))
      results.push(result('filters', action, at, filterProblems(obj(filters), p, requestProps, items)))
    }
  }
  return results
}

/**
 * What is wrong with a query's x-zc-filters: each names a request field that is not one of paging's, an item path that
 * exists, and a match its field's type allows (a list for anyOf, a single string for wildcard).
 */
function filterProblems(filters: Obj, pagination: Obj, requestProps: Obj, items: Obj): string[] {
  if (Object.keys(pagination).length === 0)
    return ['x-zc-filters needs x-zc-pagination: it filters the items of a query']
  const problems: string[] = []
  const paging = new Set([pagination.pageNumber, pagination.pageSize, pagination.ids].map(String))
  for (const [field, raw] of Object.entries(filters)) {
    const f = obj(raw)
    const request = unwrap(obj(requestProps[field]))
    if (!(field in requestProps)) problems.push(`filter ${field} is not a field of the request`)
    else if (paging.has(field)) problems.push(`filter ${field} is a field x-zc-pagination already reads`)
    else if (f.match === 'anyOf' && request.type !== 'array')
      problems.push(`filter ${field} (anyOf) needs a list field`)
    else if (f.match !== 'anyOf' && request.type === 'array')
      problems.push(`filter ${field} (${String(f.match)}) needs a single value, not a list`)
    else if (f.match === 'wildcard' && request.type !== 'string')
      problems.push(`filter ${field} (wildcard) needs a string field`)
    if (itemAt(items, String(f.item)) === undefined)
      problems.push(`filter ${field} reads ${String(f.item)}, not a field of the items`)
  }
  return problems
}

/** The schema at an item path (`tags.tags[].key`), or undefined when a step is not a field (or `[]` not a list). */
function itemAt(item: Obj, path: string): Obj | undefined {
  let node: Obj = item
  for (const step of path.split('.')) {
    const list = step.endsWith('[]')
    const name = list ? step.slice(0, -2) : step
    const props = obj(unwrap(node).properties)
    if (!(name in props)) return undefined
    node = unwrap(obj(props[name]))
    if (list) {
      if (node.type !== 'array') return undefined
      node = unwrap(obj(node.items))
    }
  }
  return node
}
