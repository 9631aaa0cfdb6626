// The MCP target's tool tables: names, kinds and annotations read from what
// the spec says an action does (never from the HTTP verb: every action is a
// POST), the reset's fleet input, and rules in words and in JSON Schema.
import { describe, expect, it } from 'vitest'
import { accessKeyEnv, accessKeyEnvInWords, secretFields } from '../src/emit/mcp/credential-env.js'
import { fleetInputSchema, inputSchema, outputSchema } from '../src/emit/mcp/json-schema.js'
import { mcpPackageFiles } from '../src/emit/mcp/package.js'
import { snake, toolTable } from '../src/emit/mcp/tools.js'
import { object, operation, serviceModel } from './model-factory.js'

describe('mcp tool table', () => {
  it('names tools <service>_<action in snake case>', () => {
    expect(snake('ResetInstances')).toBe('reset_instances')
    expect(snake('DescribeInstancesStatus')).toBe('describe_instances_status')
    expect(snake('ResetQGAConfig')).toBe('reset_qga_config')
  })

  it('annotates from the spec: a transition with a fleet is a destructive, non-idempotent fleet tool', () => {
    const pagination = {
      pageNumber: 'pageNum',
      pageSize: 'pageSize',
      total: 'total',
      items: 'items',
      ids: 'ids',
      itemId: 'id',
      itemStatus: 'status',
      maxIds: 10,
      maxPageSize: 10,
    }
    const base = serviceModel()
    const model = serviceModel({
      operations: [
        base.operations[0] as never,
        operation('Look', { pagination }),
        operation('Poke', { idempotent: true }),
      ],
    })
    const table = toolTable(model)
    const [wipe, look, poke] = table.tools
    expect(wipe).toMatchObject({
      name: 'hb_wipe',
      kind: 'fleet',
      outputSchema: null,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
    })
    expect(look).toMatchObject({
      name: 'hb_look',
      kind: 'query',
      annotations: { readOnlyHint: true, destructiveHint: false },
    })
    // Neither a transition nor a query: not read-only, not destructive, idempotent as the spec says.
    expect(poke).toMatchObject({
      kind: 'call',
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    })
    expect(wipe?.description).toMatch(/Only instances in STOPPED can be reset/)
    // The fleet takes instanceIds in place of the action's own instance field, and the token.
    const props = wipe?.inputSchema.properties as Record<string, unknown>
    expect(Object.keys(props)).toEqual(['instanceIds', 'confirmationToken'])
    expect(wipe?.inputSchema.required).toEqual(['instanceIds'])
  })

  it('a transition is a fleet tool even when the client names no fleet method for it', () => {
    const base = serviceModel().operations[0]
    const op = { ...base, transition: { ...base?.transition, fleet: undefined, waiter: undefined } } as never
    const [tool] = toolTable(serviceModel({ operations: [op] })).tools
    expect(tool).toMatchObject({ kind: 'fleet', annotations: { destructiveHint: true, idempotentHint: false } })
  })

  it('a transition on no named instances is destructive, and not a fleet (the runtime refuses to run it)', () => {
    const base = serviceModel().operations[0]
    const op = { ...base, batch: undefined, transition: { ...base?.transition, instances: undefined } } as never
    const [tool] = toolTable(serviceModel({ operations: [op] })).tools
    expect(tool).toMatchObject({ kind: 'call', annotations: { destructiveHint: true, idempotentHint: false } })
  })
})

describe('mcp JSON Schema', () => {
  const request = object({
    type: 'object',
    additionalProperties: false,
    required: ['ids'],
    properties: {
      ids: { type: 'array', maxItems: 5, items: { type: 'string', minLength: 1, maxLength: 9, examples: ['i-1'] } },
      password: { type: 'string', minLength: 8, 'x-zc-sensitive': true, examples: ['Secret+123'] },
      keyId: { type: 'string' },
      size: { type: 'integer', minimum: 1, maximum: 4, default: 2 },
      kind: { type: 'string', enum: ['a', 'b'] },
    },
    allOf: [{ not: { required: ['password', 'keyId'] }, 'x-zc-message': 'password and keyId cannot both be set' }],
  })

  it('carries the rules, in JSON Schema and in words, and never a secret example', () => {
    const schema = inputSchema(request)
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      not: { required: ['password', 'keyId'] },
    })
    const props = schema.properties as Record<string, Record<string, unknown>>
    expect(props.size).toMatchObject({ type: 'integer', minimum: 1, maximum: 4, default: 2 })
    expect(props.size?.description).toMatch(/Rules: a whole number; 1 to 4\. Default: 2\./)
    expect(props.kind).toMatchObject({ enum: ['a', 'b'] })
    expect(props.password?.minLength).toBe(8)
    expect(JSON.stringify(props.password)).not.toContain('Secret+123')
    expect(props.password?.description).toMatch(/A secret/)
    expect(schema.description).toMatch(/Rule: password and keyId cannot both be set\./)
  })

  it('a fleet input: any number of ids, each with the field item rules', () => {
    const schema = fleetInputSchema(request, 'ids')
    const ids = (schema.properties as Record<string, Record<string, unknown>>).instanceIds
    expect(ids).toMatchObject({
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', maxLength: 9 },
    })
    expect(ids).not.toHaveProperty('maxItems')
    expect(schema.required).toEqual(['instanceIds'])
    expect(schema.properties).not.toHaveProperty('ids')
  })

  it('an output schema is structural: open enumerations', () => {
    const out = outputSchema(
      object({ type: 'object', required: ['s'], properties: { s: { type: 'string', enum: ['X'] } } }),
    )
    expect(out).toEqual({ type: 'object', properties: { s: { type: 'string' } }, required: ['s'] })
  })
})

describe('mcp README credentials', () => {
  const signing = (id: string, secret: string) => ({
    ...serviceModel().signing,
    envAccessKeyId: id,
    envAccessKeySecret: secret,
  })

  it("names each service's access key variables from its spec, once when they share them", () => {
    const shared = accessKeyEnv([
      { name: 'a', signing: signing('K_ID', 'K_SECRET') },
      { name: 'b', signing: signing('K_ID', 'K_SECRET') },
    ])
    expect(shared).toEqual([{ id: 'K_ID', secret: 'K_SECRET', services: ['a', 'b'] }])
    expect(accessKeyEnvInWords(shared)).toBe('`K_ID` and `K_SECRET`')
    const apart = accessKeyEnv([
      { name: 'a', signing: signing('K_ID', 'K_SECRET') },
      { name: 'b', signing: signing('B_ID', 'B_SECRET') },
    ])
    expect(accessKeyEnvInWords(apart)).toBe('`K_ID` and `K_SECRET` (a), or `B_ID` and `B_SECRET` (b)')
  })

  it('lists each field a spec marks secret once', () => {
    const op = (sensitiveFields: string[]) => ({ ...serviceModel().operations[0], sensitiveFields }) as never
    expect(
      secretFields([{ operations: [op(['password', 'userData'])] }, { operations: [op(['password', 'initScript'])] }]),
    ).toEqual(['password', 'userData', 'initScript'])
  })

  it('puts them in the README and its client examples, with the vendor CLI`s variables', () => {
    const repo = { repositoryUrl: 'git+https://example.com/r.git', bugsUrl: 'https://example.com/i', license: 'MIT' }
    const files = mcpPackageFiles(['a'], repo, [{ id: 'K_ID', secret: 'K_SECRET', services: ['a'] }], ['pin', 'notes'])
    const readme = files.find((f) => f.path === 'README.md')?.content ?? ''
    expect(readme).toContain(
      '(`K_ID` and `K_SECRET`,\n  or `ZENLAYER_ACCESS_KEY_ID` and `ZENLAYER_ACCESS_KEY_SECRET`, or `ZENLAYER_TOKEN`)',
    )
    expect(readme).toContain('claude mcp add zenlayer-reset --env K_ID=... --env K_SECRET=... \\')
    expect(readme).toContain('"env": { "K_ID": "...", "K_SECRET": "..." }')
    expect(readme).not.toContain('ZENLAYERCLOUD_SECRET_KEY')
    expect(readme).toContain('Secrets given as input (`pin`, `notes`)\n  are never echoed')
  })
})
