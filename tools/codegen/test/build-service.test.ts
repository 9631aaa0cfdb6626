import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildService, SpecProblems } from '../src/model/build-service.js'
import { DEMO_SPEC, fixtureRepo } from './fixture-repo.js'

describe('buildService on the fixture spec', () => {
  const root = fixtureRepo()
  const model = buildService(join(root, DEMO_SPEC), root)

  it('carries the service identity', () => {
    expect(model).toMatchObject({ name: 'demo', version: '2024-01-01', specPath: DEMO_SPEC })
    expect(model.statuses).toEqual(['STOPPED', 'BUSY', 'RUNNING', 'BROKEN'])
    expect(model.protocolErrors.slice(0, 2)).toEqual([
      {
        code: 'NO_SUCH_ACTION',
        role: 'actionUnknown',
        status: 404,
        description: '',
        assumed: false,
        common: true,
        decisions: [],
      },
      {
        code: 'WRONG_METHOD',
        role: 'methodNotAllowed',
        status: 405,
        description: '',
        assumed: false,
        common: true,
        decisions: [],
      },
    ])
    // Each role's code, for the runtimes: from x-zc-role wherever the code is listed.
    expect(model.codeRoles).toMatchObject({ actionUnknown: 'NO_SUCH_ACTION', timestampExpired: 'CLOCK_SKEW' })
    expect(model.signing).toMatchObject({
      algorithm: 'ZC2-HMAC-SHA256',
      envAccessKeyId: 'DEMO_KEY_ID',
      maxClockSkewSeconds: 300,
    })
  })

  it('carries each operation as (service, action) with its wire facts', () => {
    expect(model.operations.map((o) => [o.service, o.action, o.path, o.idempotent])).toEqual([
      ['demo', 'CreateThing', '/api/v2/demo', false],
      ['demo', 'DescribeThings', '/api/v2/demo', true],
    ])
  })

  it('carries rules, transitions, pagination, secrets and errors', () => {
    const [create, describe_] = model.operations
    expect(create?.stateRules).toEqual([
      { id: 'instance-exists', description: "The thing's parent exists.", errorCode: 'PARENT_NOT_FOUND', fields: {} },
      { id: 'instance-powered-off', description: 'The parent is stopped.', errorCode: undefined, fields: {} },
    ])
    expect(create?.transition).toEqual({
      from: ['STOPPED'],
      via: 'BUSY',
      alsoVia: [],
      to: 'RUNNING',
      failure: 'BROKEN',
      observe: 'DescribeThings',
      deadEnds: [],
      waiter: undefined,
      instances: 'ids',
      image: undefined,
      decisions: [],
    })
    expect(create?.batch).toEqual({ instances: 'ids', failed: 'failedIds', maxIds: 3 })
    expect(create?.sensitiveFields).toEqual(['secret'])
    expect(create?.errors).toEqual([
      { code: 'BOTH_GIVEN', status: 400, description: '', assumed: false, common: false, decisions: [] },
      { code: 'IDS_MALFORMED', status: 400, description: '', assumed: false, common: false, decisions: [] },
      {
        code: 'NOTE_TOO_LONG',
        status: 400,
        description: '',
        assumed: true,
        common: false,
        decisions: [{ ref: 10, kind: 'fills-gap', reason: 'An assumed code for tests.', facts: [] }],
      },
      { code: 'SECRET_MALFORMED', status: 400, description: '', assumed: false, common: false, decisions: [] },
      { code: 'PARENT_NOT_FOUND', status: 404, description: '', assumed: false, common: false, decisions: [] },
    ])
    expect(describe_?.pagination).toEqual({
      pageNumber: 'pageNum',
      pageSize: 'pageSize',
      total: 'totalCount',
      items: 'dataSet',
      ids: undefined,
      itemId: 'id',
      itemStatus: 'status',
      maxIds: undefined,
      maxPageSize: 50,
    })
    // The statuses are what the status query answers (its items' status field), not a schema found by name.
    expect(model.statuses).toEqual(['STOPPED', 'BUSY', 'RUNNING', 'BROKEN'])
  })

  it('names shared schemas by their component', () => {
    const secret = model.operations[0]?.request.properties.find((p) => p.name === 'secret')
    expect(secret?.schema).toMatchObject({ name: 'Secret', sensitive: true, errorCode: 'SECRET_MALFORMED' })
  })
})

describe('secrets at any depth', () => {
  it('names every field marked sensitive, nested ones too', () => {
    const root = fixtureRepo({
      file: DEMO_SPEC,
      from: 'keyId: { type: string }',
      to: 'keyId: { type: object, properties: { token: { type: string, x-zc-sensitive: true } } }',
    })
    const [create] = buildService(join(root, DEMO_SPEC), root).operations
    expect(create?.sensitiveFields).toEqual(['secret', 'token'])
  })
})

describe('buildService refuses a spec it cannot handle, naming the file and pointer', () => {
  const cases = [
    {
      name: 'an unresolvable $ref',
      edit: {
        file: DEMO_SPEC,
        from: '$ref: "#/components/schemas/CreateThingRequest"',
        to: '$ref: "#/components/schemas/Nope"',
      },
      problem:
        /openapi\.yaml#\/paths\/~1api~1v2~1demo#CreateThing\/post\/requestBody\/content\/application~1json\/schema: unresolvable \$ref/,
    },
    {
      name: 'an action used twice',
      edit: { file: DEMO_SPEC, from: 'x-zc-action: DescribeThings', to: 'x-zc-action: CreateThing' },
      problem: /x-zc-action CreateThing differs from DescribeThings/,
    },
    {
      name: 'an unknown x- rule',
      edit: { file: DEMO_SPEC, from: 'id: instance-exists', to: 'id: parent-is-happy' },
      problem: /state rule 'parent-is-happy' is not implemented by the mock engine/,
    },
    {
      name: 'a rule without the fields it reads',
      edit: { file: DEMO_SPEC, from: 'id: instance-exists,', to: 'id: key-pair-exists,' },
      problem:
        /x-zc-state-rules\/0\/fields: state rule 'key-pair-exists' reads the request fields of keyPair; its fields give none/,
    },
    {
      name: 'a rule reading a field the request does not have',
      edit: { file: DEMO_SPEC, from: 'id: instance-exists,', to: 'id: key-pair-exists, fields: { keyPair: keyName },' },
      problem:
        /#CreateThing\/post: state rule key-pair-exists reads its keyPair from keyName, not a field of the request/,
    },
    {
      name: 'a rule given a role it does not read',
      edit: { file: DEMO_SPEC, from: 'id: instance-exists,', to: 'id: instance-exists, fields: { image: keyId },' },
      problem: /state rule 'instance-exists' reads the request fields of no role; its fields give image/,
    },
    {
      name: 'a failed-list rule on an action without a failed list',
      edit: { file: DEMO_SPEC, from: / {6}x-zc-batch: .*\n/, to: '' },
      problem:
        /x-zc-state-rules\/1\/violation: state rule 'instance-powered-off' puts the instance in the failed list, but this action has none/,
    },
    {
      name: 'an unknown extension',
      edit: { file: DEMO_SPEC, from: 'x-zc-idempotent: true', to: 'x-zc-idempotent: true\n      x-zc-cache: 5' },
      problem: /#\/paths\/~1api~1v2~1demo#DescribeThings\/post\/x-zc-cache: unknown extension x-zc-cache/,
    },
    {
      name: 'an unsupported schema feature',
      edit: {
        file: DEMO_SPEC,
        from: 'keyId: { type: string }',
        to: 'keyId: { type: string, oneOf: [{ minLength: 1 }] }',
      },
      problem: /#\/components\/schemas\/CreateThingRequest\/properties\/keyId: keyword 'oneOf' is not supported/,
    },
    {
      name: 'a secret mark on an array item, which no field name carries',
      edit: {
        file: DEMO_SPEC,
        from: 'keyId: { type: string }',
        to: 'keyId: { type: array, items: { type: string, x-zc-sensitive: true } }',
      },
      problem:
        /#\/components\/schemas\/CreateThingRequest\/properties\/keyId\/items: x-zc-sensitive is carried only on an object property/,
    },
  ]
  it.each(cases)('$name', ({ edit, problem }) => {
    const root = fixtureRepo(edit)
    let message = ''
    try {
      buildService(join(root, DEMO_SPEC), root)
    } catch (error) {
      message =
        error instanceof SpecProblems ? error.problems.map((p) => p.message).join('\n') : (error as Error).message
    }
    expect(message).toMatch(problem)
  })
})
