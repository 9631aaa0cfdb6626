import {
  validateResetInstanceRequest,
  validateDescribeInstancesStatusRequest as vmDescribe,
  zodValidators as vmZod,
} from '@zenlayer-reset/vm-validator'
import {
  validateResetInstancesRequest,
  validateDescribeInstancesStatusRequest as zecDescribe,
  zodValidators as zecZod,
} from '@zenlayer-reset/zec-validator'
import type { ValidateFunction } from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ajvFor } from './ajv.js'
import { expectSameAsZod, expectThreeWay, type Validate } from './three-way.js'

// Property tests: for each operation, 5,000 generated valid requests and 5,000
// requests mutated to break exactly one rule. Three readings of the spec must
// agree on every one (three-way.ts): the compiled validator, the zod route and
// ajv compiled from the shipped JSON Schema: the same verdict, the same report
// (path, rule, code, message) from the compiled validator and zod, and ajv's
// first error on a field the report names. Valid ones must pass and mutated
// ones must fail. The one rule JSON Schema cannot state (initScript's UTF-8
// byte limit) is kept out of the ajv agreement and checked by itself at the end.
const RUNS = 5_000
type Input = Record<string, unknown>

const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 64 })
const nonEmpty = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 })

function passwordOf(charset: string, required: RegExp[]): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...charset), minLength: 8, maxLength: 16 })
    .filter((p) => required.every((re) => re.test(p)))
}
const ZEC_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789~!@$^*-_=+'
const VM_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*`~()-+='
const zecPassword = passwordOf(ZEC_CHARS, [/[A-Za-z]/, /[0-9]/, /[~!@$^*_=+-]/])
const vmPassword = passwordOf(VM_CHARS, [/[a-z]/, /[A-Z]/, /[0-9]/, /[!@#$%^&*`~()+=-]/])

/** password, keyId or neither: never both. */
const credential = (password: fc.Arbitrary<string>) =>
  fc.oneof(fc.record({ password }), fc.record({ keyId: nonEmpty }), fc.constant({}))

const zecResetValid: fc.Arbitrary<Input> = fc
  .tuple(
    fc.record(
      {
        instanceIds: fc.uniqueArray(id, { minLength: 1, maxLength: 100 }),
        imageId: nonEmpty,
        timezone: nonEmpty,
        enableAgent: fc.boolean(),
        instanceName: fc.stringMatching(/^[A-Za-z0-9.-]{2,63}$/),
        userData: fc.string({ unit: 'binary', maxLength: 200 }),
      },
      { requiredKeys: ['instanceIds'] },
    ),
    credential(zecPassword),
  )
  .map(([rest, cred]) => ({ ...rest, ...cred }))

const nicName = fc.stringMatching(/^[a-z][a-z0-9]{3,14}$/)
const vmResetValid: fc.Arbitrary<Input> = fc
  .tuple(
    fc.record(
      {
        instanceId: id,
        imageId: nonEmpty,
        instanceName: nonEmpty,
        wanName: nicName,
        lanName: nicName,
        initScript: fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.integer({ min: 32_000, max: 32_768 }).map((n) => 'x'.repeat(n)),
        ),
      },
      { requiredKeys: ['instanceId'] },
    ),
    credential(vmPassword),
  )
  .map(([rest, cred]) => ({ ...rest, ...cred }))

const describeValid = (withGroup: boolean): fc.Arbitrary<Input> =>
  fc.record(
    {
      instanceIds: fc.array(id, { maxLength: 100 }),
      pageSize: fc.integer({ min: 1, max: 1000 }),
      pageNum: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constant(2 ** 60)),
      ...(withGroup ? { resourceGroupId: nonEmpty } : {}),
    },
    { requiredKeys: [] },
  )

/** A mutation breaks one rule of a valid input. */
type Mutation = (input: Input) => fc.Arbitrary<unknown>
const set =
  (key: string, value: fc.Arbitrary<unknown>): Mutation =>
  (input) =>
    value.map((v) => ({ ...input, [key]: v }))
const drop =
  (key: string): Mutation =>
  (input) => {
    const { [key]: _gone, ...rest } = input
    return fc.constant(rest)
  }
const notAnObject: Mutation = () => fc.oneof(fc.constant(null), fc.constant([]), fc.string(), fc.integer())
const unknownField: Mutation = (input) =>
  fc
    .stringMatching(/^[a-z][A-Za-z]{2,12}$/)
    .filter(
      (k) =>
        ![
          'instanceIds',
          'instanceId',
          'password',
          'keyId',
          'imageId',
          'timezone',
          'enableAgent',
          'instanceName',
          'userData',
          'wanName',
          'lanName',
          'initScript',
          'pageSize',
          'pageNum',
          'resourceGroupId',
        ].includes(k),
    )
    .map((k) => ({ ...input, [k]: 'x' }))
/** Too short, too long, or one class missing or a character outside the set (invalid on both services). */
const badPassword = (charset: string) =>
  fc.oneof(
    fc.string({ unit: fc.constantFrom(...charset), minLength: 0, maxLength: 7 }),
    fc.string({ unit: fc.constantFrom(...charset), minLength: 17, maxLength: 30 }),
    fc.constantFrom('abcdefgh', 'ABCDEFGH1', '12345678', 'Abcdefgh12', 'Pass word1+', 'Passwörd1+'),
  )
const both =
  (password: fc.Arbitrary<string>): Mutation =>
  (input) =>
    fc.tuple(password, nonEmpty).map(([p, k]) => ({ ...input, password: p, keyId: k }))
const wrongType = (key: string): Mutation =>
  set(key, fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })))

const zecResetMutations: Mutation[] = [
  drop('instanceIds'),
  set('instanceIds', fc.constant([])),
  set('instanceIds', fc.uniqueArray(id, { minLength: 101, maxLength: 120 })),
  (input) =>
    fc.constant({ ...input, instanceIds: [...(input.instanceIds as string[]), (input.instanceIds as string[])[0]] }),
  set(
    'instanceIds',
    fc.tuple(fc.constant(''), fc.array(id, { maxLength: 3 })).map(([e, rest]) => [...rest, e]),
  ),
  set(
    'instanceIds',
    fc.string({ unit: 'binary', minLength: 65, maxLength: 90 }).map((s) => [s]),
  ),
  set('password', badPassword(ZEC_CHARS)),
  both(zecPassword),
  set(
    'instanceName',
    fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9.-]$/),
      fc.stringMatching(/^[A-Za-z0-9.-]{64,80}$/),
      fc.stringMatching(/^[A-Za-z0-9]{1,10}[_ /#][A-Za-z0-9]{1,10}$/),
    ),
  ),
  set('enableAgent', fc.oneof(fc.constantFrom('true', 'false', 1, 0, null))),
  wrongType('imageId'),
  set('imageId', fc.constant('')),
  unknownField,
  notAnObject,
]

const vmResetMutations: Mutation[] = [
  drop('instanceId'),
  set('instanceId', fc.constant('')),
  wrongType('instanceId'),
  set('password', badPassword(VM_CHARS)),
  both(vmPassword),
  set(
    'wanName',
    fc.oneof(
      fc.stringMatching(/^[a-z][a-z0-9]{0,2}$/),
      fc.stringMatching(/^[a-z][a-z0-9]{15,20}$/),
      fc.stringMatching(/^[0-9A-Z_][a-z0-9]{3,10}$/),
    ),
  ),
  set('lanName', fc.stringMatching(/^[a-z][a-z0-9]{2,8}[A-Z_.-]$/)),
  set(
    'initScript',
    fc.integer({ min: 32_769, max: 33_000 }).map((n) => 'y'.repeat(n)),
  ),
  set('instanceName', fc.constant('')),
  unknownField,
  notAnObject,
]

const describeMutations: Mutation[] = [
  set('instanceIds', fc.array(id, { minLength: 101, maxLength: 110 })),
  set('instanceIds', fc.constant([''])),
  set(
    'pageSize',
    fc.oneof(
      fc.integer({ min: -5, max: 0 }),
      fc.integer({ min: 1001, max: 10_000 }),
      fc.constant(2.5),
      fc.constant('20'),
    ),
  ),
  set(
    'pageNum',
    fc.oneof(fc.integer({ min: -5, max: 0 }), fc.double({ min: 1.01, max: 9.99, noNaN: true }), fc.constant('1')),
  ),
  unknownField,
  notAnObject,
]

function mutated(valid: fc.Arbitrary<Input>, mutations: Mutation[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.integer({ min: 0, max: mutations.length - 1 }))
    .chain(([input, i]) => (mutations[i] as Mutation)(input))
}

const operations: {
  title: string
  validate: Validate
  zod: Validate
  ajv: ValidateFunction
  valid: fc.Arbitrary<Input>
  mutations: Mutation[]
}[] = [
  {
    title: 'zec ResetInstances',
    validate: validateResetInstancesRequest,
    zod: zecZod.actions.ResetInstances.request,
    ajv: ajvFor('zec', 'ResetInstances', 'request'),
    valid: zecResetValid,
    mutations: zecResetMutations,
  },
  {
    title: 'vm ResetInstance',
    validate: validateResetInstanceRequest,
    zod: vmZod.actions.ResetInstance.request,
    ajv: ajvFor('vm', 'ResetInstance', 'request'),
    valid: vmResetValid,
    mutations: vmResetMutations,
  },
  {
    title: 'zec DescribeInstancesStatus',
    validate: zecDescribe,
    zod: zecZod.actions.DescribeInstancesStatus.request,
    ajv: ajvFor('zec', 'DescribeInstancesStatus', 'request'),
    valid: describeValid(true),
    mutations: describeMutations,
  },
  {
    title: 'vm DescribeInstancesStatus',
    validate: vmDescribe,
    zod: vmZod.actions.DescribeInstancesStatus.request,
    ajv: ajvFor('vm', 'DescribeInstancesStatus', 'request'),
    valid: describeValid(false),
    mutations: describeMutations,
  },
]

describe.each(operations)('$title: compiled, zod and ajv agree', ({ validate, zod, ajv, valid, mutations }) => {
  it(`on ${RUNS} valid requests, all accepted`, () => {
    fc.assert(
      fc.property(valid, (input) => {
        expect(expectThreeWay(validate, zod, ajv, input).ok).toBe(true)
      }),
      { numRuns: RUNS, seed: 20261122 },
    )
  })

  it(`on ${RUNS} requests that break one rule, all refused`, () => {
    fc.assert(
      fc.property(mutated(valid, mutations), (input) => {
        expect(expectThreeWay(validate, zod, ajv, input).ok).toBe(false)
      }),
      { numRuns: RUNS, seed: 20261122 },
    )
  })
})

describe('by design, only the generated validators know initScript is limited in UTF-8 bytes', () => {
  const ajv = ajvFor('vm', 'ResetInstance', 'request')
  it('refuses, where ajv accepts, scripts within maxLength characters but over 32,768 bytes', () => {
    const wide = fc.constantFrom('é', '€', '😀')
    const script = fc
      .tuple(wide, fc.integer({ min: 0, max: 2000 }))
      .map(([ch, extra]) =>
        ch.repeat(Math.ceil(32_769 / new TextEncoder().encode(ch).length) + (ch === '😀' ? 0 : extra % 100)),
      )
    fc.assert(
      fc.property(script, (initScript) => {
        const input = { instanceId: 'i', initScript }
        expect(ajv(input)).toBe(true)
        const result = expectSameAsZod(validateResetInstanceRequest, vmZod.actions.ResetInstance.request, input)
        expect(result).toMatchObject({ ok: false, code: 'INVALID_REGION_SCRIPT_EXCEED_LENGTH' })
      }),
      { numRuns: 60, seed: 20261122 },
    )
  })
})
