import { afterAll, describe, expect, it } from 'vitest'
import { emitClient } from '../src/emit/client/emit-client.js'
import { stopTypes } from '../src/emit/client/openapi-types.js'
import { emitMock } from '../src/emit/mock/emit-mock.js'
import { names } from '../src/emit/names.js'
import { emitValidator } from '../src/emit/validator/emit-validator.js'
import { serviceModel, serviceSource } from './model-factory.js'

// Emitters on a hand-built model (model-factory.ts).
const model = serviceModel()

const file = (pkg: { files: readonly { path: string; content: string }[] }, path: string) =>
  pkg.files.find((f) => f.path === path)?.content ?? ''

afterAll(stopTypes)

describe('emitMock', () => {
  const pkg = emitMock(model, serviceSource)
  const routes = file(pkg, 'src/generated/routes.ts')
  it.each([
    ['the package', pkg.dir, 'packages/hb-mock'],
    [
      'a failed-list rule as a null code',
      routes.includes('{"id":"instance-powered-off","errorCode":null,"description":"off","fields":{}}'),
      true,
    ],
    [
      'a code rule',
      routes.includes('{"id":"instance-exists","errorCode":"ID_BAD","description":"exists","fields":{}}'),
      true,
    ],
    ['the protocol errors with statuses', routes.includes('"protocolErrors":{"NO_ACTION":404}'), true],
    ['no transition as null', routes.includes('"transition":null'), true],
  ])('emits %s', (_what, got, want) => {
    expect(got).toBe(want)
  })
})

describe('emitClient', async () => {
  const pkg = await emitClient(model, serviceSource)
  const client = file(pkg, 'src/generated/client.ts')
  it.each([
    ['one method per action', /wipe\(input: WipeInput, options\?: CallOptions\): Promise<WipeOutput>/],
    ['the second action too', /look\(input: LookInput, options\?: CallOptions\): Promise<LookOutput>/],
    [
      'the no-retry promise of a non-idempotent action',
      /X-ZC-Action: Wipe\. Never retried once it may have reached the server\./,
    ],
    ['the error code union', /export type WipeErrorCode = "ID_BAD"/],
    [
      'the factory named after the service, its config typed by service and actions',
      /export function createHbClient\(config: ClientConfig<"hb", Action> = \{\}\): HbClient/,
    ],
    [
      'the waiter of an action with a transition, typed by the statuses',
      /waitUntilWiped\(options: WaitOptions<InstanceStatus>\): Promise<WaitResult<InstanceStatus>>/,
    ],
    ['the open status union', /export type InstanceStatus = "STOPPED" \| "BUSY" \| "RUNNING" \| \(string & \{\}\)/],
    ['the batch outcome in the result', /export type WipeOutput = ApiResult<[\s\S]*?> & BatchOutcome\n/],
    ['readonly input lists and fields', /export type WipeInput = \{[^}]*readonly id\?: string/],
    ['a narrowing type guard', /export function isWipeError\(error: unknown\): error is WipeError/],
  ])('writes %s', (_what, pattern) => {
    expect(client).toMatch(pattern)
  })
  it("leaves the batch's raw failed list out of the result: the runtime's outcome replaces it", () => {
    const output = /export type WipeOutput = ([\s\S]*?) & BatchOutcome\n/.exec(client)?.[1] ?? ''
    expect(output).toMatch(/readonly requestId\??: string/)
    expect(output).not.toMatch(/readonly id\b/)
    // The status query's result keeps every field of its response.
    expect(/export type LookOutput = ([\s\S]*?)\n\/\*\*/.exec(client)?.[1]).toMatch(
      /readonly id\?: readonly string\[\]/,
    )
  })
  it('puts openapi-typescript output, path keys with fragments included, in schema.ts', () => {
    expect(file(pkg, 'src/generated/schema.ts')).toContain('"/api/v2/hb#Wipe": {')
  })
  it('carries the identity and retry safety in the operation table', () => {
    const table = file(pkg, 'src/generated/operations.ts')
    expect(table).toContain(
      '"Wipe":{"service":"hb","action":"Wipe","version":"2020-02-02","path":"/api/v2/hb","pathKey":"/api/v2/hb#Wipe","idempotent":false',
    )
    expect(table).not.toContain('stateRules')
  })
})

describe('emitValidator', () => {
  const pkg = emitValidator(model, serviceSource)
  it.each([
    ['a strict request', /export const WipeRequest = z\.strictObject\(/],
    ['a loose reply, named as the spec names the envelope', /export const WipeReply = z\.looseObject\(/],
    [
      'the zod route, with the field codes of the request',
      /request: createValidator\(s\.WipeRequest, \{ service: "hb", action: "Wipe", direction: 'request', codes: \{"id":"ID_BAD"\}, generic \}\)/,
    ],
    [
      'a compiled request validator',
      /export function validateWipeRequest\(input: unknown\): ValidationResult<s\.WipeRequest> \{/,
    ],
    [
      'the field code in the compiled validator',
      /path: "id", rule: "type", message: "id must be a string", code: "ID_BAD"/,
    ],
    ['the compiled validators in the table', /Wipe: \{ request: validateWipeRequest, response: validateWipeReply \}/],
  ])('writes %s', (_what, pattern) => {
    const printed = ['schemas.ts', 'validate.ts', 'zod-validators.ts'].map((f) => file(pkg, `src/generated/${f}`))
    expect(printed.join('\n')).toMatch(pattern)
  })
  it('compiled validators import no zod', () => {
    expect(file(pkg, 'src/generated/validate.ts')).not.toMatch(/from 'zod/)
  })
})

describe('the names resolver owns every printed name', () => {
  it.each([
    ['method', names.method('ResetInstances'), 'resetInstances'],
    ['client factory', names.clientFactory('zec'), 'createZecClient'],
    ['mock factory', names.mockFactory('vm'), 'createVmMock'],
    ['request validator', names.validator('ResetInstance', 'request'), 'validateResetInstanceRequest'],
    ['reply validator', names.validator('ResetInstance', 'response'), 'validateResetInstanceReply'],
    ['error guard', names.errorGuard('ResetInstance'), 'isResetInstanceError'],
    ['package', names.packageName('zec', 'mock'), '@zenlayer-reset/zec-mock'],
  ])('%s', (_what, got, expected) => {
    expect(got).toBe(expected)
  })
})

// Each runtime reads the codes of its own roles (x-zc-role), and only from the spec.
describe('error codes by role', () => {
  const model = serviceModel()
  it('the validator, the mock and the client carry the spec codes of their runtime roles', async () => {
    const validator = emitValidator(model, serviceSource)
    expect(file(validator, 'src/generated/zod-validators.ts')).toContain('"parameterMissing":"HB_PARAMETERMISSING"')
    expect(file(validator, 'src/generated/validate.ts')).toContain('code: "HB_PARAMETERMISSING"')
    const routes = file(emitMock(model, serviceSource), 'src/generated/routes.ts')
    expect(routes).toContain('"receiveTimeout":"HB_RECEIVETIMEOUT"')
    expect(routes).not.toContain('"valueMalformed"')
    const client = await emitClient(model, serviceSource)
    expect(file(client, 'src/generated/operations.ts')).toContain(
      '"codes":{"bodyMalformed":"HB_BODYMALFORMED","timestampExpired":"HB_TIMESTAMPEXPIRED"}',
    )
  })
  it('a spec without a code a runtime reads stops generation, naming the role', () => {
    const { timestampExpired: _, ...rest } = model.codeRoles
    const without = serviceModel({ codeRoles: rest })
    expect(() => emitMock(without, serviceSource)).toThrow(
      /the mock engine reads the error code of role timestampExpired/,
    )
    expect(() => emitValidator(without, serviceSource)).not.toThrow()
  })
})
