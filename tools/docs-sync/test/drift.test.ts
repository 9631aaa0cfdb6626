// Every kind of change a vendor page can make, on pages written in the vendor's
// markdown shape: each must be caught, named (service, action, field, fact) and
// shown with both values; nothing else may be reported as drift.
import { describe, expect, it } from 'vitest'
import { exitCode } from '../src/run.js'
import { brief, check, findings } from './helpers.js'
import { type PageParts, renderPage, vmParts, zecParts } from './page-builder.js'

const vm = (change: (p: PageParts) => void = () => {}) => {
  const parts = vmParts()
  change(parts)
  return renderPage(parts)
}
const zec = (change: (p: PageParts) => void = () => {}) => {
  const parts = zecParts()
  change(parts)
  return renderPage(parts)
}
const row = (p: PageParts, name: string) => {
  const found = p.input.find((r) => r.name === name)
  if (!found) throw new Error(`no row ${name}`)
  return found
}

describe('pages that agree with the spec', () => {
  it('a vm page in the spec\'s terms is in sync; its "exactly one" is an accepted departure (decision 5)', () => {
    const run = check(vm())
    expect(run.failures).toEqual([])
    expect(exitCode(run)).toBe(0)
    expect(run.results[0]?.verdict).toBe('accepted')
    expect(findings(run, 'drift')).toEqual([])
    const accepted = findings(run, 'accepted').find((f) => f.fact === 'exclusive')
    expect(accepted).toMatchObject({ field: 'keyId+password', page: 'exactly one', spec: 'at most one' })
    expect(accepted?.decision).toMatchObject({ ref: 5, kind: 'departs-from-page' })
    expect(accepted?.quote).toMatch(/either password or keyId/)
  })

  it('reads every limit the vm page states', () => {
    const agree = findings(check(vm()), 'agree').filter((f) => f.field === 'wanName' || f.field === 'password')
    expect(brief(agree).filter((f) => !['required', 'type'].includes(f.fact))).toEqual([
      { subject: 'input', field: 'password', fact: 'minLength', page: 8, spec: 8 },
      { subject: 'input', field: 'password', fact: 'maxLength', page: 16, spec: 16 },
      expect.objectContaining({ field: 'password', fact: 'charset' }),
      { subject: 'input', field: 'wanName', fact: 'minLength', page: 4, spec: 4 },
      { subject: 'input', field: 'wanName', fact: 'maxLength', page: 15, spec: 15 },
      expect.objectContaining({ field: 'wanName', fact: 'charset' }),
      {
        subject: 'input',
        field: 'wanName',
        fact: 'firstChar',
        page: 'abcdefghijklmnopqrstuvwxyz',
        spec: 'abcdefghijklmnopqrstuvwxyz',
      },
      { subject: 'input', field: 'wanName', fact: 'default', page: 'eth0', spec: 'eth0' },
    ])
  })

  it("a zec page with an empty error table is in sync: the spec's own codes all carry decisions", () => {
    const run = check(zec())
    expect(run.failures).toEqual([])
    expect(exitCode(run)).toBe(0)
    expect(findings(run, 'drift')).toEqual([])
    expect(findings(run, 'accepted').every((f) => f.subject === 'errors' && f.decision !== undefined)).toBe(true)
    expect(findings(run, 'agree').map((f) => `${f.field}.${f.fact}`)).toEqual(
      expect.arrayContaining([
        'password.mustContain',
        'password.charset',
        'instanceName.charset',
        'enableAgent.default',
        'keyId+password.exclusive',
      ]),
    )
  })
})

interface DriftCase {
  name: string
  page: string
  drift: ReturnType<typeof brief>
}

const DRIFT: DriftCase[] = [
  {
    name: 'a parameter added',
    page: vm((p) => p.input.push({ name: 'hostname', type: 'String', description: 'Host name of the new system.' })),
    drift: [{ subject: 'input', field: 'hostname', fact: 'presence', page: true, spec: undefined }],
  },
  {
    name: 'a parameter removed',
    page: vm((p) => {
      p.input = p.input.filter((r) => r.name !== 'initScript')
    }),
    drift: [{ subject: 'input', field: 'initScript', fact: 'presence', page: undefined, spec: true }],
  },
  {
    name: 'a parameter renamed',
    page: vm((p) => {
      row(p, 'instanceName').name = 'displayName'
    }),
    drift: [
      { subject: 'input', field: 'displayName', fact: 'presence', page: true, spec: undefined },
      { subject: 'input', field: 'instanceName', fact: 'presence', page: undefined, spec: true },
    ],
  },
  {
    name: 'a required flag flipped',
    page: vm((p) => {
      row(p, 'imageId').required = 'Yes'
    }),
    drift: [{ subject: 'input', field: 'imageId', fact: 'required', page: true, spec: false }],
  },
  {
    name: 'a type changed',
    page: zec((p) => {
      row(p, 'enableAgent').type = 'String'
    }),
    drift: [
      { subject: 'input', field: 'enableAgent', fact: 'type', page: 'string', spec: 'boolean' },
      { subject: 'input', field: 'enableAgent', fact: 'default', page: 'false', spec: false },
    ],
  },
  {
    name: 'a length changed in the prose',
    page: vm((p) => {
      row(p, 'wanName').description = row(p, 'wanName').description.replace('4 to 15', '4 to 20')
    }),
    drift: [{ subject: 'input', field: 'wanName', fact: 'maxLength', page: 20, spec: 15 }],
  },
  {
    name: 'a length the spec fills in, now stated differently by the page (a fills-gap decision no longer covers it)',
    page: zec((p) => {
      row(p, 'password').description += '<p>It is 8 to 20 characters long.</p>'
    }),
    drift: [{ subject: 'input', field: 'password', fact: 'maxLength', page: 20, spec: 16 }],
  },
  {
    name: 'a character set changed in the prose',
    page: vm((p) => {
      row(p, 'lanName').description = row(p, 'lanName').description.replace(
        'Only numbers and lowercase letters are allowed',
        'Only numbers, lowercase letters and hyphens (-) are allowed',
      )
    }),
    drift: [
      {
        subject: 'input',
        field: 'lanName',
        fact: 'charset',
        page: '-0123456789abcdefghijklmnopqrstuvwxyz',
        spec: '0123456789abcdefghijklmnopqrstuvwxyz',
      },
    ],
  },
  {
    name: 'a required kind of character added',
    page: zec((p) => {
      row(p, 'password').description = row(p, 'password').description.replace(
        'these three kinds: letters: \\[a-zA-Z]',
        'these four kinds: lowercase letters: \\[a-z], uppercase letters: \\[A-Z]',
      )
    }),
    drift: [expect.objectContaining({ subject: 'input', field: 'password', fact: 'mustContain' })],
  },
  {
    name: 'a maximum count stated by the page',
    page: zec((p) => {
      row(p, 'instanceIds').description = 'Instances to reinstall, at most 50 instance IDs.'
    }),
    drift: [{ subject: 'input', field: 'instanceIds', fact: 'maxItems', page: 50, spec: 100 }],
  },
  {
    name: 'a default changed in the prose',
    page: vm((p) => {
      row(p, 'lanName').description = row(p, 'lanName').description.replace('eth1', 'ens4')
    }),
    drift: [{ subject: 'input', field: 'lanName', fact: 'default', page: 'ens4', spec: 'eth1' }],
  },
  {
    name: 'an enumeration the spec does not have',
    page: zec((p) => {
      row(p, 'timezone').description = '<p>Time zone.</p><p>Valid values: `UTC`, `Asia/Tokyo`</p>'
    }),
    drift: [{ subject: 'input', field: 'timezone', fact: 'enum', page: ['UTC', 'Asia/Tokyo'], spec: undefined }],
  },
  {
    name: 'an error code added',
    page: vm((p) => p.errors.push(['409', 'OPERATION_DENIED_INSTANCE_LOCKED', 'The instance is locked.'])),
    drift: [
      { subject: 'errors', field: 'OPERATION_DENIED_INSTANCE_LOCKED', fact: 'errorCode', page: 409, spec: undefined },
    ],
  },
  {
    name: 'an error code removed',
    page: vm((p) => {
      p.errors = p.errors.filter(([, code]) => code !== 'INVALID_IMAGE_SIZE_EXCEED')
    }),
    drift: [{ subject: 'errors', field: 'INVALID_IMAGE_SIZE_EXCEED', fact: 'errorCode', page: undefined, spec: 404 }],
  },
  {
    name: 'an error code moved to another status',
    page: vm((p) => {
      const entry = p.errors.find(([, code]) => code === 'INVALID_IMAGE_SIZE_EXCEED')
      if (entry) entry[0] = '400'
    }),
    drift: [{ subject: 'errors', field: 'INVALID_IMAGE_SIZE_EXCEED', fact: 'errorStatus', page: 400, spec: 404 }],
  },
  {
    name: 'an output field added',
    page: vm((p) => p.output.push({ name: 'instanceStatus', type: 'String', description: 'Status after the call.' })),
    drift: [{ subject: 'output', field: 'instanceStatus', fact: 'presence', page: true, spec: undefined }],
  },
  {
    name: 'an output field changed type',
    page: zec((p) => {
      const out = p.output.find((r) => r.name === 'instanceIds')
      if (out) out.type = 'String'
    }),
    drift: [{ subject: 'output', field: 'instanceIds', fact: 'type', page: 'string', spec: 'array of string' }],
  },
  {
    name: 'a status the spec does not know named in the notes',
    page: vm((p) => p.notes.push('A reset that cannot finish leaves the instance `REBUILD_FAILED`.')),
    drift: [{ subject: 'notes', field: 'REBUILD_FAILED', fact: 'statuses', page: 'REBUILD_FAILED', spec: undefined }],
  },
  {
    name: 'an action header the spec does not send, with no decision (zec)',
    page: zec((p) => {
      p.request[2] = 'X-ZC-Action: resetInstances'
    }),
    drift: [
      { subject: 'example', field: 'X-ZC-Action', fact: 'actionName', page: 'resetInstances', spec: 'ResetInstances' },
    ],
  },
]

describe('each kind of change is drift, named with both values', () => {
  it.each(DRIFT)('$name', ({ page, drift }) => {
    const run = check(page)
    expect(run.failures).toEqual([])
    expect(exitCode(run)).toBe(1)
    expect(run.results[0]?.verdict).toBe('drift')
    expect(brief(findings(run, 'drift'))).toEqual(drift)
  })
})

describe('departures covered by a decision are accepted, with its reason', () => {
  it("the vm example's lower-case action (decision 1)", () => {
    const run = check(
      vm((p) => {
        p.request[2] = 'X-ZC-Action: resetInstance'
      }),
    )
    expect(exitCode(run)).toBe(0)
    const f = findings(run, 'accepted').find((x) => x.fact === 'actionName')
    expect(f).toMatchObject({ page: 'resetInstance', spec: 'ResetInstance', decision: { ref: 1 } })
  })

  it('a fills-gap decision explains a fact only the spec states, without turning it into drift', () => {
    const f = findings(check(zec()), 'unstated').find((x) => x.field === 'password' && x.fact === 'maxLength')
    expect(f).toMatchObject({ spec: 16, page: undefined, decision: { ref: 3, kind: 'fills-gap' } })
  })
})
