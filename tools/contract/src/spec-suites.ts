// The checks every generated package runs against its own spec, as typed
// suites: a generated test is one call into one of these (its data: the
// bundled spec and the package's tables). They read the spec untyped, as JSON.
import type { ServiceDescriptor } from '@zenlayer-reset/client-runtime'
import { names } from '@zenlayer-reset/codegen/names'
import type { MockService } from '@zenlayer-reset/mock-engine'
import { describe, expect, it } from 'vitest'

// biome-ignore lint/suspicious/noExplicitAny: the bundled spec is JSON, walked untyped
type Obj = Record<string, any>

function operationsOf(bundled: unknown): { pathKey: string; op: Obj }[] {
  return Object.entries((bundled as Obj).paths as Obj).map(([pathKey, item]) => ({
    pathKey,
    op: (item as Obj).post as Obj,
  }))
}

/** The client carries every action of the spec, with the spec's identity and retry safety, and one method per action. */
export function clientTableSuite(options: {
  bundled: unknown
  service: ServiceDescriptor
  createClient: (config: { credentials: { token: string } }) => object
}): void {
  const spec = options.bundled as Obj
  describe.each(operationsOf(spec))('$pathKey', ({ pathKey, op }) => {
    const action = op['x-zc-action'] as string
    const described = options.service.operations[action]
    it('is in the operation table with the spec identity', () => {
      expect(described).toMatchObject({ service: spec['x-zc-service'], action, pathKey, version: spec.info.version })
      expect(described?.idempotent).toBe(op['x-zc-idempotent'])
    })
    it('has a client method', () => {
      const client = options.createClient({ credentials: { token: 'test-token' } }) as Record<string, unknown>
      expect(typeof client[names.method(action)]).toBe('function')
    })
  })
}

/** The mock routes exactly the spec's actions, and every state rule and transition names a documented code and a known status. */
export function mockRoutesSuite(options: { bundled: unknown; service: MockService }): void {
  const actions = operationsOf(options.bundled).map(({ op }) => op['x-zc-action'] as string)
  it('routes every action of the spec and nothing else', () => {
    expect(Object.keys(options.service.operations).sort()).toEqual([...actions].sort())
  })
  it.each(Object.values(options.service.operations))('$action: rules and transition are consistent', (op) => {
    for (const rule of op.stateRules) if (rule.errorCode) expect(op.errors).toHaveProperty(rule.errorCode)
    if (op.transition)
      for (const s of [...op.transition.from, op.transition.via, op.transition.to])
        expect(options.service.statuses).toContain(s)
  })
}

/** Every example of the spec passes the package's validators, and the table has both validators for every action. */
export function validatorExamplesSuite(options: {
  bundled: unknown
  validators: {
    readonly service: string
    readonly actions: Readonly<Record<string, { readonly request: unknown; readonly response: unknown }>>
  }
}): void {
  const spec = options.bundled as Obj
  describe.each(operationsOf(spec))('$pathKey', ({ op }) => {
    const action = op['x-zc-action'] as string
    const v = options.validators.actions[action] as
      | { request: (i: unknown) => unknown; response: (i: unknown) => unknown }
      | undefined
    it('has request and response validators in the table', () => {
      expect(options.validators.service).toBe(spec['x-zc-service'])
      expect(typeof v?.request).toBe('function')
      expect(typeof v?.response).toBe('function')
    })
    const requestExamples = Object.entries(op.requestBody.content['application/json'].examples ?? {})
    it.each(requestExamples)('request example %s is valid', (_name, example) => {
      expect(v?.request((example as Obj).value)).toMatchObject({ ok: true })
    })
    const replyExamples = Object.entries(op.responses['200'].content['application/json'].examples ?? {})
    it.each(replyExamples)('reply example %s is valid', (_name, example) => {
      expect(v?.response((example as Obj).value)).toMatchObject({ ok: true })
    })
  })
}
