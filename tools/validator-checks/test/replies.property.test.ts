import * as vm from '@zenlayer-reset/vm-validator'
import * as zec from '@zenlayer-reset/zec-validator'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ajvFor } from './ajv.js'
import { expectThreeWay } from './three-way.js'

// Replies are lenient: unknown fields pass and are kept. The compiled
// validators, the zod route and ajv (from the shipped reply JSON Schema) must
// agree on generated replies (three-way.ts), well-formed ones (with extra
// fields) accepted, broken ones refused.
const RUNS = 2_500
const requestId = fc.stringMatching(/^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
const extra = fc.dictionary(fc.stringMatching(/^x[A-Za-z]{1,8}$/), fc.jsonValue(), { maxKeys: 3 })
const instanceId = fc.string({ unit: 'binary', minLength: 1, maxLength: 64 })

function envelope(response: fc.Arbitrary<Record<string, unknown>>) {
  return fc.tuple(requestId, response, extra, extra).map(([id, inner, more, moreInner]) => ({
    ...more,
    requestId: id,
    response: { ...moreInner, ...inner, requestId: id },
  }))
}

const zecStatuses = [
  'PENDING',
  'DEPLOYING',
  'REBUILDING',
  'REINSTALL_FAILED',
  'REBOOT',
  'RUNNING',
  'STOPPED',
  'BOOTING',
  'STOPPING',
  'RELEASING',
  'RECYCLE',
  'RECYCLING',
  'CREATE_FAILED',
  'IMAGING',
  'RESIZING',
]
const vmStatuses = zecStatuses.filter((s) => s !== 'REINSTALL_FAILED' && s !== 'RESIZING')
const describeReply = (statuses: string[]) =>
  envelope(
    fc.record(
      {
        totalCount: fc.nat(),
        dataSet: fc.array(fc.record({ instanceId, instanceStatus: fc.constantFrom(...statuses) }), { maxLength: 20 }),
      },
      { requiredKeys: ['totalCount'] },
    ),
  )

type Reply = Record<string, unknown> & { response: Record<string, unknown> }
const breaks: ((r: Reply) => unknown)[] = [
  ({ requestId: _id, ...rest }) => rest,
  (r) => ({ ...r, requestId: 'not-a-request-id' }),
  (r) => ({ ...r, response: 'nope' }),
  ({ response: _response, ...rest }) => rest,
  (r) => ({ ...r, response: { ...r.response, requestId: 42 } }),
]
const describeBreaks: ((r: Reply) => unknown)[] = [
  ...breaks,
  (r) => ({ ...r, response: { ...r.response, totalCount: -1 } }),
  (r) => ({ ...r, response: { ...r.response, dataSet: [{ instanceId: 'i', instanceStatus: 42 }] } }),
  (r) => ({ ...r, response: { ...r.response, dataSet: [{ instanceId: 'i' }] } }),
]

const cases = [
  {
    title: 'zec ResetInstances',
    validate: zec.validateResetInstancesReply,
    zod: zec.zodValidators.actions.ResetInstances.response,
    ajv: ajvFor('zec', 'ResetInstances', 'reply'),
    valid: envelope(fc.record({ instanceIds: fc.array(instanceId, { maxLength: 5 }) }, { requiredKeys: [] })),
    breaks,
  },
  {
    title: 'zec DescribeInstancesStatus',
    validate: zec.validateDescribeInstancesStatusReply,
    zod: zec.zodValidators.actions.DescribeInstancesStatus.response,
    ajv: ajvFor('zec', 'DescribeInstancesStatus', 'reply'),
    valid: describeReply(zecStatuses),
    breaks: describeBreaks,
  },
  {
    title: 'vm ResetInstance',
    validate: vm.validateResetInstanceReply,
    zod: vm.zodValidators.actions.ResetInstance.response,
    ajv: ajvFor('vm', 'ResetInstance', 'reply'),
    valid: envelope(fc.constant({})),
    breaks,
  },
  {
    title: 'vm DescribeInstancesStatus',
    validate: vm.validateDescribeInstancesStatusReply,
    zod: vm.zodValidators.actions.DescribeInstancesStatus.response,
    ajv: ajvFor('vm', 'DescribeInstancesStatus', 'reply'),
    valid: describeReply(vmStatuses),
    breaks: describeBreaks,
  },
]

describe('reply enumerations are open', () => {
  it.each([
    ['zec', zec.validateDescribeInstancesStatusReply, ajvFor('zec', 'DescribeInstancesStatus', 'reply')],
    ['vm', vm.validateDescribeInstancesStatusReply, ajvFor('vm', 'DescribeInstancesStatus', 'reply')],
  ] as const)('%s: a status the vendor adds tomorrow is a valid reply, kept as sent', (_service, validate, ajv) => {
    const id = 'T1A2B3C4D-5E6F-4708-9A0B-1C2D3E4F5A6B'
    const reply = {
      requestId: id,
      response: { requestId: id, totalCount: 1, dataSet: [{ instanceId: 'i', instanceStatus: 'HIBERNATING' }] },
    }
    expect(ajv(reply)).toBe(true)
    const result = validate(reply)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value.response.dataSet?.[0]?.instanceStatus).toBe('HIBERNATING')
  })
})

describe.each(cases)('$title replies', ({ validate, zod, ajv, valid, breaks: mutations }) => {
  it(`accept ${RUNS} well-formed replies with unknown fields, and keep those fields`, () => {
    fc.assert(
      fc.property(valid, (reply) => {
        const result = expectThreeWay(validate, zod, ajv, reply)
        expect(result.ok).toBe(true)
        if (result.ok) expect(result.value).toEqual(reply)
      }),
      { numRuns: RUNS, seed: 7 },
    )
  })

  it(`refuse ${RUNS} broken replies, as ajv does`, () => {
    const broken = fc
      .tuple(valid, fc.nat({ max: mutations.length - 1 }))
      .map(([r, i]) => (mutations[i] as (r: Reply) => unknown)(r as Reply))
    fc.assert(
      fc.property(broken, (reply) => {
        expect(expectThreeWay(validate, zod, ajv, reply).ok).toBe(false)
      }),
      { numRuns: RUNS, seed: 7 },
    )
  })
})
