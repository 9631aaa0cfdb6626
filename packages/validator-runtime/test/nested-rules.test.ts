// The rules JSON Schema cannot say (x-zc-consecutive, x-zc-distinct,
// x-zc-first-item) and number enumerations, deep in a request: each issue
// names the field path and takes the nearest x-zc-error-code above it.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { consecutive, createValidator, distinct, firstItemIn, numberIn } from '../src/index.js'

const raid = z.strictObject({
  level: z.number().check(numberIn([0, 1, 5, 10], 'must be one of 0, 1, 5, 10')),
  disks: z.array(z.number()).check(consecutive),
})
const schema = z.strictObject({
  raid: z.optional(z.strictObject({ arrays: z.array(raid) })),
  parts: z.optional(
    z.array(z.strictObject({ path: z.string() })).check(firstItemIn('path', ['/', 'C'], 'must be one of /, C')),
  ),
  nic: z.optional(
    z
      .strictObject({ wan: z.optional(z.string()), lan: z.optional(z.string()) })
      .check(distinct(['wan', 'lan'], 'wan and lan must be different')),
  ),
})
const validate = createValidator(schema, {
  service: 'svc',
  action: 'Reinstall',
  direction: 'request',
  codes: { raid: 'RAID_BAD', parts: 'PARTS_BAD', nic: 'NIC_BAD' },
  generic: { parameterMissing: 'M', parameterUnknown: 'U', valueMalformed: 'V', bodyMalformed: 'B' },
})

describe('nested rules', () => {
  it('accepts what keeps them', () => {
    const ok = validate({
      raid: {
        arrays: [
          { level: 1, disks: [1, 2] },
          { level: 5, disks: [3, 4, 5] },
        ],
      },
      parts: [{ path: '/' }, { path: '/data' }],
      nic: { wan: 'wan0', lan: 'lan0' },
    })
    expect(ok.ok).toBe(true)
  })
  it.each([
    [
      {
        raid: {
          arrays: [
            { level: 1, disks: [1, 2] },
            { level: 1, disks: [3, 5] },
          ],
        },
      },
      'raid.arrays[1].disks',
      'consecutive',
      'raid.arrays[1].disks must hold consecutive numbers, each one more than the one before (3 is followed by 5)',
    ],
    [
      { raid: { arrays: [{ level: 3, disks: [1] }] } },
      'raid.arrays[0].level',
      'enum',
      'raid.arrays[0].level must be one of 0, 1, 5, 10',
    ],
    [{ parts: [{ path: '/data' }, { path: '/' }] }, 'parts[0].path', 'firstItem', 'parts[0].path must be one of /, C'],
  ])('%j: %s breaks %s', (input, path, rule, message) => {
    const result = validate(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues[0]).toMatchObject({ path, rule, message })
    expect(result.code).toBe(path.startsWith('raid') ? 'RAID_BAD' : 'PARTS_BAD')
  })
  it('two equal NIC names: the object is named, with its own code', () => {
    const result = validate({ nic: { wan: 'eth0', lan: 'eth0' } })
    expect(result).toMatchObject({
      ok: false,
      code: 'NIC_BAD',
      issues: [{ path: 'nic', rule: 'distinct', message: 'nic wan and lan must be different' }],
    })
    expect(validate({ nic: { wan: 'eth0' } }).ok).toBe(true)
  })
})
