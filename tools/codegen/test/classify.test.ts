// The classifier, one row per rule: a small service snapshot, one change to it,
// and the rule and class that change must get, on the request and the reply
// side alike.
import { describe, expect, it } from 'vitest'
import { requiredClasses } from '../src/diff/changeset.js'
import { classify } from '../src/diff/classify.js'
import { RULES, type RuleId } from '../src/diff/rules.js'
import type { OperationSnapshot, SchemaSnapshot, ServiceSnapshot } from '../src/diff/snapshot.js'

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] }
type Svc = Mutable<ServiceSnapshot>
type Op = Mutable<OperationSnapshot>
type Schema = Mutable<SchemaSnapshot>

function base(): Svc {
  const op: Op = {
    summary: 'Wipe',
    description: 'Wipes.',
    docsUrl: 'https://example.invalid/wipe',
    idempotent: false,
    request: {
      kind: 'object',
      additionalProperties: false,
      exclusive: [],
      properties: {
        ids: {
          required: true,
          schema: { kind: 'array', minItems: 1, maxItems: 100, items: { kind: 'string', minLength: 1 } },
        },
        name: { required: false, schema: { kind: 'string', minLength: 2, maxLength: 63, patterns: ['^[a-z]*$'] } },
        mode: { required: false, schema: { kind: 'string', values: ['FAST', 'SAFE'], default: 'SAFE' } },
        secret: { required: false, schema: { kind: 'string', sensitive: true } },
        key: { required: false, schema: { kind: 'string' } },
      },
    },
    response: {
      kind: 'object',
      exclusive: [],
      additionalProperties: true,
      properties: {
        requestId: { required: true, schema: { kind: 'string' } },
        failed: { required: false, schema: { kind: 'array', items: { kind: 'string' } } },
        state: { required: true, schema: { kind: 'string', values: ['UP', 'DOWN'], maxLength: 10 } },
      },
    },
    errors: { ID_BAD: { status: 400, description: 'bad id' }, GONE: { status: 404, description: 'gone' } },
    stateRules: { 'instance-exists': { errorCode: 'GONE', description: 'exists', fields: {} } },
    transition: {
      from: ['STOPPED'],
      via: 'BUSY',
      alsoVia: [],
      to: 'RUNNING',
      failure: null,
      observe: 'Look',
      deadEnds: [],
      waiter: 'waitUntilWiped',
      instances: 'ids',
    },
    pagination: null,
    batch: { instances: 'ids', failed: 'failed' },
    filters: { name: { item: 'instanceName', match: 'wildcard' } },
    sensitiveFields: ['secret'],
  }
  return {
    service: 'hb',
    version: '2020-01-01',
    statuses: ['STOPPED', 'BUSY', 'RUNNING'],
    signing: { algorithm: 'ZC2-HMAC-SHA256' },
    protocolErrors: { NO_ACTION: { status: 404, description: 'no action' } },
    operations: { Wipe: op },
  }
}

const wipe = (s: Svc): Op => s.operations.Wipe as Op
const req = (s: Svc, f: string): Schema =>
  (wipe(s).request.properties as Record<string, { schema: Schema }>)[f]?.schema as Schema
const res = (s: Svc, f: string): Schema =>
  (wipe(s).response.properties as Record<string, { schema: Schema }>)[f]?.schema as Schema
const reqProps = (s: Svc) => wipe(s).request.properties as Record<string, { required: boolean; schema: Schema }>
const resProps = (s: Svc) => wipe(s).response.properties as Record<string, { required: boolean; schema: Schema }>

const ROWS: [string, (s: Svc) => void, RuleId, string, ((s: Svc) => void)?][] = [
  // request side
  ['request field removed', (s) => delete reqProps(s).key, 'request-field-removed', 'request.key'],
  [
    'optional request field added',
    (s) => {
      reqProps(s).zone = { required: false, schema: { kind: 'string' } }
    },
    'request-field-added-optional',
    'request.zone',
  ],
  [
    'required request field added',
    (s) => {
      reqProps(s).zone = { required: true, schema: { kind: 'string' } }
    },
    'request-field-added-required',
    'request.zone',
  ],
  [
    'request field became required',
    (s) => {
      ;(reqProps(s).name as { required: boolean }).required = true
    },
    'request-field-became-required',
    'request.name',
  ],
  [
    'request field became optional',
    (s) => {
      ;(reqProps(s).ids as { required: boolean }).required = false
    },
    'request-field-became-optional',
    'request.ids',
  ],
  [
    'request type changed',
    (s) => {
      ;(reqProps(s).key as { schema: Schema }).schema = { kind: 'integer' }
    },
    'request-type-changed',
    'request.key',
  ],
  [
    'request maxLength tightened',
    (s) => {
      req(s, 'name').maxLength = 32
    },
    'request-limit-narrowed',
    'request.name.maxLength',
  ],
  [
    'request maxLength loosened',
    (s) => {
      req(s, 'name').maxLength = 128
    },
    'request-limit-widened',
    'request.name.maxLength',
  ],
  [
    'request minLength raised',
    (s) => {
      req(s, 'name').minLength = 3
    },
    'request-limit-narrowed',
    'request.name.minLength',
  ],
  [
    'request count tightened',
    (s) => {
      req(s, 'ids').maxItems = 50
    },
    'request-limit-narrowed',
    'request.ids.maxItems',
  ],
  [
    'request count loosened',
    (s) => {
      req(s, 'ids').maxItems = 500
    },
    'request-limit-widened',
    'request.ids.maxItems',
  ],
  [
    'request items limit tightened',
    (s) => {
      ;(req(s, 'ids').items as Schema).maxLength = 64
    },
    'request-limit-narrowed',
    'request.ids[].maxLength',
  ],
  [
    'request duplicates refused',
    (s) => {
      req(s, 'ids').uniqueItems = true
    },
    'request-limit-narrowed',
    'request.ids.uniqueItems',
  ],
  [
    'request enum value removed',
    (s) => {
      req(s, 'mode').values = ['SAFE']
    },
    'request-enum-value-removed',
    'request.mode.enum',
  ],
  [
    'request enum value added',
    (s) => {
      req(s, 'mode').values = ['FAST', 'SAFE', 'SLOW']
    },
    'request-enum-value-added',
    'request.mode.enum',
  ],
  [
    'request enum introduced',
    (s) => {
      req(s, 'key').values = ['a']
    },
    'request-limit-narrowed',
    'request.key.enum',
  ],
  [
    'request pattern added',
    (s) => {
      req(s, 'key').patterns = ['^k-']
    },
    'request-pattern-added',
    'request.key.pattern',
  ],
  [
    'request pattern removed',
    (s) => {
      req(s, 'name').patterns = []
    },
    'request-pattern-removed',
    'request.name.pattern',
  ],
  [
    'request cross-field rule added',
    (s) => {
      wipe(s).request.exclusive = ['key+secret']
    },
    'request-rule-added',
    'request.atMostOneOf(key+secret)',
  ],
  [
    'request closed to unknown fields',
    (s) => {
      wipe(s).request.additionalProperties = true
    },
    'request-opened',
    'request.additionalProperties',
  ],
  [
    'request default changed',
    (s) => {
      req(s, 'mode').default = 'FAST'
    },
    'request-default-changed',
    'request.mode.default',
  ],
  [
    'request rule error code changed',
    (s) => {
      req(s, 'name').errorCode = 'NAME_BAD'
    },
    'request-error-code-changed',
    'request.name.errorCode',
  ],
  [
    'a field became a secret',
    (s) => {
      req(s, 'key').sensitive = true
    },
    'secret-added',
    'request.key',
  ],
  [
    'a field is no longer a secret',
    (s) => {
      req(s, 'secret').sensitive = undefined
    },
    'secret-removed',
    'request.secret',
  ],
  // response side: the same movements, the other way round
  ['reply field removed', (s) => delete resProps(s).failed, 'response-field-removed', 'response.failed'],
  [
    'reply field added',
    (s) => {
      resProps(s).zone = { required: false, schema: { kind: 'string' } }
    },
    'response-field-added',
    'response.zone',
  ],
  [
    'reply field made optional',
    (s) => {
      ;(resProps(s).state as { required: boolean }).required = false
    },
    'response-field-became-optional',
    'response.state',
  ],
  [
    'reply field made required',
    (s) => {
      ;(resProps(s).failed as { required: boolean }).required = true
    },
    'response-field-became-required',
    'response.failed',
  ],
  [
    'reply type changed',
    (s) => {
      ;(resProps(s).requestId as { schema: Schema }).schema = { kind: 'integer' }
    },
    'response-type-changed',
    'response.requestId',
  ],
  [
    'reply limit widened',
    (s) => {
      res(s, 'state').maxLength = 20
    },
    'response-limit-widened',
    'response.state.maxLength',
  ],
  [
    'reply limit narrowed',
    (s) => {
      res(s, 'state').maxLength = 5
    },
    'response-limit-narrowed',
    'response.state.maxLength',
  ],
  [
    'reply enum value added',
    (s) => {
      res(s, 'state').values = ['UP', 'DOWN', 'LIMBO']
    },
    'response-enum-value-added',
    'response.state.enum',
  ],
  [
    'reply enum value removed',
    (s) => {
      res(s, 'state').values = ['UP']
    },
    'response-enum-value-removed',
    'response.state.enum',
  ],
  [
    'reply pattern added',
    (s) => {
      res(s, 'requestId').patterns = ['^T']
    },
    'response-pattern-added',
    'response.requestId.pattern',
  ],
  [
    'reply closed',
    (s) => {
      wipe(s).response.additionalProperties = false
    },
    'response-closed',
    'response.additionalProperties',
  ],
  // the operation
  [
    'error code added',
    (s) => {
      wipe(s).errors.NEW = { status: 409, description: 'new' }
    },
    'error-code-added',
    'errors.NEW',
  ],
  ['error code removed', (s) => delete wipe(s).errors.GONE, 'error-code-removed', 'errors.GONE'],
  [
    'error code moved',
    (s) => {
      ;(wipe(s).errors.GONE as { status: number }).status = 410
    },
    'error-status-changed',
    'errors.GONE.status',
  ],
  [
    'error description',
    (s) => {
      ;(wipe(s).errors.GONE as { description: string }).description = 'vanished'
    },
    'docs-changed',
    'errors.GONE.description',
  ],
  [
    'new precondition',
    (s) => {
      wipe(s).stateRules['instance-powered-off'] = { errorCode: null, description: 'off', fields: {} }
    },
    'state-rule-added',
    'stateRules.instance-powered-off',
  ],
  [
    'precondition removed',
    (s) => delete wipe(s).stateRules['instance-exists'],
    'state-rule-removed',
    'stateRules.instance-exists',
  ],
  [
    'precondition fails differently',
    (s) => {
      ;(wipe(s).stateRules['instance-exists'] as { errorCode: string | null }).errorCode = null
    },
    'state-rule-changed',
    'stateRules.instance-exists',
  ],
  [
    'transition target changed',
    (s) => {
      ;(wipe(s).transition as Record<string, unknown>).to = 'BUSY'
    },
    'transition-changed',
    'transition.to',
  ],
  [
    'in-flight status tolerated',
    (s) => {
      ;(wipe(s).transition as Record<string, unknown>).alsoVia = ['REBUILDING']
    },
    'transition-status-tolerated',
    'transition.alsoVia',
  ],
  [
    'transition removed',
    (s) => {
      wipe(s).transition = null
    },
    'transition-removed',
    'transition',
  ],
  [
    'idempotency changed',
    (s) => {
      wipe(s).idempotent = true
    },
    'idempotency-changed',
    'idempotent',
  ],
  [
    'docs link changed',
    (s) => {
      wipe(s).docsUrl = 'https://example.invalid/new'
    },
    'docs-changed',
    'docsUrl',
  ],
  [
    'batch fields changed',
    (s) => {
      wipe(s).batch = { instances: 'ids', failed: 'bad' }
    },
    'batch-changed',
    'batch',
  ],
  // the service
  [
    'action added',
    (s) => {
      s.operations.Look = wipe(base())
    },
    'action-added',
    'Look',
  ],
  ['action removed', (s) => delete s.operations.Wipe, 'action-removed', 'Wipe'],
  [
    'API version',
    (s) => {
      s.version = '2021-01-01'
    },
    'api-version-changed',
    'version',
  ],
  [
    'signing',
    (s) => {
      s.signing = { algorithm: 'OTHER' }
    },
    'signing-changed',
    'signing',
  ],
  [
    'status added',
    (s) => {
      s.statuses = [...s.statuses, 'LIMBO']
    },
    'status-added',
    'statuses',
  ],
  [
    'status removed',
    (s) => {
      s.statuses = ['STOPPED', 'RUNNING']
    },
    'status-removed',
    'statuses',
  ],
  [
    'protocol error added',
    (s) => {
      s.protocolErrors.WRONG_METHOD = { status: 405, description: 'x' }
    },
    'protocol-error-added',
    'protocolErrors.WRONG_METHOD',
  ],
  [
    'protocol error removed',
    (s) => delete s.protocolErrors.NO_ACTION,
    'protocol-error-removed',
    'protocolErrors.NO_ACTION',
  ],
  [
    'paging added',
    (s) => {
      wipe(s).pagination = { pageNumber: 'p', pageSize: 's', total: 't', items: 'i' }
    },
    'paging-changed',
    'pagination',
  ],
  [
    'reply cross-field rule',
    (s) => {
      wipe(s).response.exclusive = ['failed+state']
    },
    'response-rule-changed',
    'response.atMostOneOf(failed+state)',
  ],
  [
    'reply default changed',
    (s) => {
      res(s, 'state').default = 'UP'
    },
    'response-default-changed',
    'response.state.default',
  ],
  // rows whose "before" differs from the base
  [
    'transition added',
    () => {},
    'transition-added',
    'transition',
    (s) => {
      wipe(s).transition = null
    },
  ],
  [
    'request cross-field rule removed',
    () => {},
    'request-rule-removed',
    'request.atMostOneOf(key+secret)',
    (s) => {
      wipe(s).request.exclusive = ['key+secret']
    },
  ],
  [
    'request closed',
    () => {},
    'request-closed',
    'request.additionalProperties',
    (s) => {
      wipe(s).request.additionalProperties = true
    },
  ],
  [
    'reply pattern removed',
    () => {},
    'response-pattern-removed',
    'response.requestId.pattern',
    (s) => {
      res(s, 'requestId').patterns = ['^T']
    },
  ],
  [
    'reply opened',
    () => {},
    'response-opened',
    'response.additionalProperties',
    (s) => {
      wipe(s).response.additionalProperties = false
    },
  ],
  // the rules JSON Schema cannot say (x-zc-consecutive, x-zc-first-item, x-zc-distinct) and number enums
  [
    'request list made consecutive',
    (s) => {
      req(s, 'ids').consecutive = true
    },
    'request-limit-narrowed',
    'request.ids.consecutive',
  ],
  [
    'request list no longer consecutive',
    () => {},
    'request-limit-widened',
    'request.ids.consecutive',
    (s) => {
      req(s, 'ids').consecutive = true
    },
  ],
  [
    'request first-item rule added',
    (s) => {
      req(s, 'ids').firstItem = 'fsPath in /,C'
    },
    'request-limit-narrowed',
    'request.ids.firstItem',
  ],
  [
    'request fields made distinct',
    (s) => {
      wipe(s).request.distinct = ['key+name']
    },
    'request-rule-added',
    'request.distinct(key+name)',
  ],
  [
    'request distinct rule removed',
    () => {},
    'request-rule-removed',
    'request.distinct(key+name)',
    (s) => {
      wipe(s).request.distinct = ['key+name']
    },
  ],
  [
    'request number enum value removed',
    (s) => {
      reqProps(s).level = { required: false, schema: { kind: 'integer', values: [0, 1] } }
    },
    'request-enum-value-removed',
    'request.level.enum',
    (s) => {
      reqProps(s).level = { required: false, schema: { kind: 'integer', values: [0, 1, 5] } }
    },
  ],
  [
    'a query filter added (x-zc-filters)',
    (s) => {
      wipe(s).filters.key = { item: 'tags[].key', match: 'equal' }
    },
    'filter-added',
    'filters.key',
  ],
  [
    'a query filter matched another way',
    (s) => {
      wipe(s).filters.name = { item: 'instanceName', match: 'equal' }
    },
    'filter-changed',
    'filters.name',
  ],
  ['a query filter removed', (s) => delete wipe(s).filters.name, 'filter-changed', 'filters.name'],
]

describe('classify: one rule per row', () => {
  it.each(ROWS)('%s', (_name, change, rule, path, setBefore) => {
    const before = base()
    setBefore?.(before)
    const after = base()
    change(after)
    const changes = classify(before, after)
    expect(changes.map((c) => [c.rule, c.path])).toEqual([[rule, path]])
    expect(changes[0]?.class).toBe(RULES[rule].class)
  })

  it('no change, no finding', () => {
    expect(classify(base(), base())).toEqual([])
  })

  it('the same narrowing is breaking in a request and a fix in a reply', () => {
    const a = base()
    req(a, 'name').maxLength = 10
    res(a, 'state').maxLength = 5
    expect(classify(base(), a).map((c) => c.class)).toEqual(['breaking', 'fix'])
  })

  it('a changed pattern is a pattern removed and one added: breaking for a request', () => {
    const a = base()
    req(a, 'name').patterns = ['^[a-z0-9]*$']
    const changes = classify(base(), a)
    expect(changes.map((c) => c.rule).sort()).toEqual(['request-pattern-added', 'request-pattern-removed'])
    expect(requiredClasses(changes).get('@zenlayer-reset/hb-client')).toBe('breaking')
  })

  it('a service added or removed', () => {
    expect(classify(undefined, base()).map((c) => [c.rule, c.class])).toEqual([['service-added', 'feature']])
    expect(classify(base(), undefined).map((c) => [c.rule, c.class])).toEqual([['service-removed', 'breaking']])
  })

  it('names the packages each change touches', () => {
    const a = base()
    wipe(a).stateRules['instance-powered-off'] = { errorCode: null, description: 'off', fields: {} }
    expect(classify(base(), a)[0]?.packages).toEqual(['@zenlayer-reset/hb-mock'])
  })

  it('every rule has a row', () => {
    const covered = new Set(ROWS.map((r) => r[2]))
    const untested = (Object.keys(RULES) as RuleId[]).filter(
      (r) => !covered.has(r) && !['service-added', 'service-removed'].includes(r),
    )
    expect(untested).toEqual([])
  })
})

describe('requiredClasses', () => {
  it('takes the highest class per package, and a patch for a package whose output changed without a spec change', () => {
    const a = base()
    req(a, 'name').maxLength = 10 // breaking, all packages
    wipe(a).docsUrl = 'x' // fix, the client
    wipe(a).stateRules['instance-powered-off'] = { errorCode: null, description: 'off', fields: {} } // breaking, the mock
    const changes = classify(base(), a)
    const required = requiredClasses(changes, new Set(['@zenlayer-reset/hb-client', '@zenlayer-reset/other-mock']))
    // The command line and the MCP server (suite targets) take every change that reaches a client.
    expect([...required]).toEqual([
      ['@zenlayer-reset/cli', 'breaking'],
      ['@zenlayer-reset/hb-client', 'breaking'],
      ['@zenlayer-reset/hb-mock', 'breaking'],
      ['@zenlayer-reset/hb-validator', 'breaking'],
      ['@zenlayer-reset/mcp', 'breaking'],
      ['@zenlayer-reset/other-mock', 'fix'],
    ])
  })
})
