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
import { describe, expect, it } from 'vitest'
import { ajvFor } from './ajv.js'
import { expectSameAsZod } from './three-way.js'

// One row per rule and boundary: the input, the verdict, and for a refusal the
// field, the rule and the API error code, from the compiled validator; the zod
// route must give the very same report. ajv, compiled from the package's
// JSON Schema, must give the same verdict, except on rows marked `xOnly`: rules
// JSON Schema cannot state (UTF-8 bytes), which only the generated validators check.
interface Row {
  readonly name: string
  readonly input: Record<string, unknown>
  readonly ok: boolean
  readonly path?: string
  readonly rule?: string
  readonly code?: string
  readonly message?: string
  readonly xOnly?: boolean
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `inst-${i}`)
const PW = 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED'
const IDS = 'INVALID_PARAMETER_VALUE_INSTANCE_IDS_MALFORMED'
const NAME = 'INVALID_PARAMETER_VALUE_INSTANCE_NAME_MALFORMED'
const BAD = 'INVALID_PARAMETER_VALUE_MALFORMED'

const zecReset: Row[] = [
  {
    name: 'the vendor example',
    input: { instanceIds: ['a', 'b'], imageId: 'ubuntu2022', password: 'Example+123', enableAgent: true },
    ok: true,
  },
  {
    name: 'no instanceIds',
    input: {},
    ok: false,
    path: 'instanceIds',
    rule: 'required',
    code: 'INVALID_PARAMETER_MISSING',
    message: 'instanceIds is required',
  },
  { name: 'an empty id list', input: { instanceIds: [] }, ok: false, path: 'instanceIds', rule: 'minItems', code: IDS },
  { name: '100 ids', input: { instanceIds: ids(100) }, ok: true },
  {
    name: '101 ids',
    input: { instanceIds: ids(101) },
    ok: false,
    path: 'instanceIds',
    rule: 'maxItems',
    code: IDS,
    message: 'instanceIds must have at most 100 items',
  },
  {
    name: 'a duplicate id',
    input: { instanceIds: ['inst-a', 'inst-b', 'inst-a'] },
    ok: false,
    path: 'instanceIds',
    rule: 'uniqueItems',
    code: IDS,
    message: 'instanceIds has a duplicate: inst-a',
  },
  {
    name: 'an empty id',
    input: { instanceIds: [''] },
    ok: false,
    path: 'instanceIds[0]',
    rule: 'minLength',
    code: IDS,
  },
  { name: 'a 64-character id', input: { instanceIds: ['x'.repeat(64)] }, ok: true },
  {
    name: 'a 65-character id',
    input: { instanceIds: ['x'.repeat(65)] },
    ok: false,
    path: 'instanceIds[0]',
    rule: 'maxLength',
    code: IDS,
  },
  {
    name: 'a 64-character id of astral characters (code points, not UTF-16 units)',
    input: { instanceIds: ['😀'.repeat(64)] },
    ok: true,
  },
  {
    name: 'ids that are not a list',
    input: { instanceIds: 'inst-a' },
    ok: false,
    path: 'instanceIds',
    rule: 'type',
    code: IDS,
  },
  {
    name: 'a 7-character password',
    input: { instanceIds: ['a'], password: 'Abcd+12' },
    ok: false,
    path: 'password',
    rule: 'minLength',
    code: PW,
    message: 'password must be at least 8 characters',
  },
  { name: 'an 8-character password', input: { instanceIds: ['a'], password: 'Abcd+123' }, ok: true },
  { name: 'a 16-character password', input: { instanceIds: ['a'], password: 'Abcdefgh+1234567' }, ok: true },
  {
    name: 'a 17-character password',
    input: { instanceIds: ['a'], password: 'Abcdefgh+12345678' },
    ok: false,
    path: 'password',
    rule: 'maxLength',
    code: PW,
  },
  {
    name: 'a password without a digit',
    input: { instanceIds: ['a'], password: 'Abcdefg+h' },
    ok: false,
    rule: 'pattern',
    code: PW,
    message: 'password must contain a digit',
  },
  {
    name: 'a password without a letter',
    input: { instanceIds: ['a'], password: '12345678+' },
    ok: false,
    rule: 'pattern',
    code: PW,
    message: 'password must contain a letter',
  },
  {
    name: 'a password without a special',
    input: { instanceIds: ['a'], password: 'Abcdefg12' },
    ok: false,
    rule: 'pattern',
    code: PW,
    message: 'password must contain one of ~!@$^*-_=+',
  },
  {
    name: 'a password with # (not a zec special)',
    input: { instanceIds: ['a'], password: 'Abcd#1234+' },
    ok: false,
    rule: 'pattern',
    code: PW,
  },
  { name: 'a password with _ (a zec special)', input: { instanceIds: ['a'], password: 'abcd_1234' }, ok: true },
  {
    name: 'a password and a keyId',
    input: { instanceIds: ['a'], password: 'Example+123', keyId: 'key-1' },
    ok: false,
    path: '',
    rule: 'exclusive',
    code: 'INVALID_PARAMETER_PASSWORD_KEY_ID_CONFLICT',
    message: 'password and keyId cannot both be set',
  },
  { name: 'a keyId alone', input: { instanceIds: ['a'], keyId: 'key-1' }, ok: true },
  {
    name: 'a 1-character name',
    input: { instanceIds: ['a'], instanceName: 'a' },
    ok: false,
    path: 'instanceName',
    rule: 'minLength',
    code: NAME,
  },
  { name: 'a 2-character name', input: { instanceIds: ['a'], instanceName: 'ab' }, ok: true },
  {
    name: 'a 63-character name',
    input: { instanceIds: ['a'], instanceName: 'a.b-c'.repeat(12).concat('abc') },
    ok: true,
  },
  {
    name: 'a 64-character name',
    input: { instanceIds: ['a'], instanceName: 'a'.repeat(64) },
    ok: false,
    rule: 'maxLength',
    code: NAME,
  },
  {
    name: 'a name with _',
    input: { instanceIds: ['a'], instanceName: 'web_01' },
    ok: false,
    rule: 'pattern',
    code: NAME,
    message: 'instanceName may contain only letters, digits, hyphens and periods',
  },
  {
    name: 'enableAgent as a string',
    input: { instanceIds: ['a'], enableAgent: 'true' },
    ok: false,
    path: 'enableAgent',
    rule: 'type',
    code: BAD,
  },
  {
    name: 'an unknown field',
    input: { instanceIds: ['a'], hostname: 'x' },
    ok: false,
    path: 'hostname',
    rule: 'unknown',
    code: 'INVALID_PARAMETER_UNKNOWN',
    message: 'hostname is not a parameter of ResetInstances',
  },
]

const VMPW = PW
const vmReset: Row[] = [
  {
    name: 'the vendor example',
    input: { instanceId: 'instanceId', imageId: 'img-xxxxxxxxx', password: 'Example+123' },
    ok: true,
  },
  {
    name: 'no instanceId',
    input: {},
    ok: false,
    path: 'instanceId',
    rule: 'required',
    code: 'INVALID_PARAMETER_MISSING',
  },
  { name: 'neither password nor keyId', input: { instanceId: 'i' }, ok: true },
  {
    name: 'a 7-character password',
    input: { instanceId: 'i', password: 'Abcd+12' },
    ok: false,
    rule: 'minLength',
    code: VMPW,
  },
  { name: 'an 8-character password', input: { instanceId: 'i', password: 'Abcd+123' }, ok: true },
  { name: 'a 16-character password', input: { instanceId: 'i', password: 'Abcdefgh(1234567' }, ok: true },
  {
    name: 'a 17-character password',
    input: { instanceId: 'i', password: 'Abcdefgh(12345678' },
    ok: false,
    rule: 'maxLength',
    code: VMPW,
  },
  {
    name: 'a password without an upper-case letter',
    input: { instanceId: 'i', password: 'example+123' },
    ok: false,
    rule: 'pattern',
    code: VMPW,
    message: 'password must contain an upper-case letter',
  },
  {
    name: 'a password without a lower-case letter',
    input: { instanceId: 'i', password: 'EXAMPLE+123' },
    ok: false,
    rule: 'pattern',
    code: VMPW,
    message: 'password must contain a lower-case letter',
  },
  {
    name: 'a password without a digit',
    input: { instanceId: 'i', password: 'Example+abc' },
    ok: false,
    rule: 'pattern',
    code: VMPW,
  },
  {
    name: 'a password without a special',
    input: { instanceId: 'i', password: 'Example1234' },
    ok: false,
    rule: 'pattern',
    code: VMPW,
  },
  { name: 'a password with # and % (vm specials)', input: { instanceId: 'i', password: 'Ex#mple%12' }, ok: true },
  {
    name: 'a password with _ (not a vm special)',
    input: { instanceId: 'i', password: 'Example_12+' },
    ok: false,
    rule: 'pattern',
    code: VMPW,
  },
  {
    name: 'a password and a keyId',
    input: { instanceId: 'i', password: 'Example+123', keyId: 'k' },
    ok: false,
    rule: 'exclusive',
    code: 'INVALID_PARAMETER_PASSWORD_KEY_ID_CONFLICT',
  },
  {
    name: 'a 3-character wanName',
    input: { instanceId: 'i', wanName: 'eth' },
    ok: false,
    path: 'wanName',
    rule: 'minLength',
    code: 'INVALID_PARAMETER_VALUE_WAN_NAME_MALFORMED',
  },
  { name: 'a 4-character wanName', input: { instanceId: 'i', wanName: 'eth0' }, ok: true },
  { name: 'a 15-character lanName', input: { instanceId: 'i', lanName: 'l'.repeat(15) }, ok: true },
  {
    name: 'a 16-character lanName',
    input: { instanceId: 'i', lanName: 'l'.repeat(16) },
    ok: false,
    path: 'lanName',
    rule: 'maxLength',
    code: 'INVALID_PARAMETER_VALUE_LAN_NAME_MALFORMED',
  },
  {
    name: 'a NIC name starting with a digit',
    input: { instanceId: 'i', lanName: '0lan' },
    ok: false,
    rule: 'pattern',
    code: 'INVALID_PARAMETER_VALUE_LAN_NAME_MALFORMED',
  },
  {
    name: 'a NIC name with an upper-case letter',
    input: { instanceId: 'i', wanName: 'Wan0' },
    ok: false,
    rule: 'pattern',
    code: 'INVALID_PARAMETER_VALUE_WAN_NAME_MALFORMED',
  },
  { name: 'an initScript of 32,768 bytes', input: { instanceId: 'i', initScript: 'x'.repeat(32_768) }, ok: true },
  {
    name: 'an initScript of 32,769 bytes',
    input: { instanceId: 'i', initScript: 'x'.repeat(32_769) },
    ok: false,
    path: 'initScript',
    code: 'INVALID_REGION_SCRIPT_EXCEED_LENGTH',
  },
  {
    name: 'an initScript of 16,384 two-byte characters (32,768 bytes)',
    input: { instanceId: 'i', initScript: 'é'.repeat(16_384) },
    ok: true,
  },
  {
    name: 'an initScript of 16,385 two-byte characters (32,770 bytes, within maxLength)',
    input: { instanceId: 'i', initScript: 'é'.repeat(16_385) },
    ok: false,
    path: 'initScript',
    rule: 'maxUtf8Bytes',
    code: 'INVALID_REGION_SCRIPT_EXCEED_LENGTH',
    xOnly: true,
  },
  {
    name: 'an initScript of 8,192 four-byte characters (32,768 bytes)',
    input: { instanceId: 'i', initScript: '😀'.repeat(8_192) },
    ok: true,
  },
  {
    name: 'an unknown field',
    input: { instanceId: 'i', timezone: 'UTC' },
    ok: false,
    rule: 'unknown',
    code: 'INVALID_PARAMETER_UNKNOWN',
  },
]

const describeRows: Row[] = [
  { name: 'nothing (all instances)', input: {}, ok: true },
  { name: '100 ids', input: { instanceIds: ids(100) }, ok: true },
  { name: '101 ids', input: { instanceIds: ids(101) }, ok: false, path: 'instanceIds', rule: 'maxItems', code: IDS },
  { name: 'pageSize 0', input: { pageSize: 0 }, ok: false, path: 'pageSize', rule: 'minimum', code: BAD },
  { name: 'pageSize 1', input: { pageSize: 1 }, ok: true },
  { name: 'pageSize 1000', input: { pageSize: 1000 }, ok: true },
  { name: 'pageSize 1001', input: { pageSize: 1001 }, ok: false, path: 'pageSize', rule: 'maximum', code: BAD },
  { name: 'pageNum 0', input: { pageNum: 0 }, ok: false, path: 'pageNum', rule: 'minimum', code: BAD },
  { name: 'a fractional pageNum', input: { pageNum: 1.5 }, ok: false, path: 'pageNum', rule: 'type', code: BAD },
  { name: 'a pageNum beyond 2^53 (still an integer)', input: { pageNum: 2 ** 60 }, ok: true },
  { name: 'pageSize as a string', input: { pageSize: '20' }, ok: false, path: 'pageSize', rule: 'type', code: BAD },
]

const suites = [
  {
    title: 'zec ResetInstances',
    validate: validateResetInstancesRequest,
    zod: zecZod.actions.ResetInstances.request,
    ajv: ajvFor('zec', 'ResetInstances', 'request'),
    rows: zecReset,
  },
  {
    title: 'vm ResetInstance',
    validate: validateResetInstanceRequest,
    zod: vmZod.actions.ResetInstance.request,
    ajv: ajvFor('vm', 'ResetInstance', 'request'),
    rows: vmReset,
  },
  {
    title: 'zec DescribeInstancesStatus',
    validate: zecDescribe,
    zod: zecZod.actions.DescribeInstancesStatus.request,
    ajv: ajvFor('zec', 'DescribeInstancesStatus', 'request'),
    rows: describeRows,
  },
  {
    title: 'vm DescribeInstancesStatus',
    validate: vmDescribe,
    zod: vmZod.actions.DescribeInstancesStatus.request,
    ajv: ajvFor('vm', 'DescribeInstancesStatus', 'request'),
    rows: describeRows,
  },
]

describe.each(suites)('$title', ({ validate, zod, ajv, rows }) => {
  it.each(rows)('$name', (row) => {
    const result = expectSameAsZod(validate, zod, row.input)
    expect(result.ok).toBe(row.ok)
    if (!result.ok) {
      expect(result.code).toBe(row.code)
      const first = result.issues[0]
      if (row.path !== undefined) expect(first?.path).toBe(row.path)
      if (row.rule !== undefined) expect(result.issues.map((i) => i.rule)).toContain(row.rule)
      if (row.message !== undefined) expect(result.issues.map((i) => i.message)).toContain(row.message)
    }
    expect(ajv(row.input), row.xOnly ? 'a rule only x-zc states: ajv must accept' : 'ajv agrees').toBe(
      row.xOnly ? true : row.ok,
    )
  })
})
