// The neutral model takes any witness: here a hand-built "SDK" witness (the
// fields a vendor SDK's request class carries) is compared with the spec by the
// same function as a page.
import { describe, expect, it } from 'vitest'
import { compareFacts } from '../src/compare.js'
import type { FieldFacts, OperationFacts, Source } from '../src/facts.js'
import { specFacts } from '../src/spec/spec-facts.js'
import { brief, ROOT, realOperations } from './helpers.js'

const sdk = (name: string): Source => ({
  witness: 'page',
  page: 'sdk:zenlayercloud-sdk-go',
  table: 'ResetInstancesRequest',
  row: undefined,
  cell: undefined,
  line: 1,
  quote: name,
})
const field = (name: string, type: string): FieldFacts => ({
  name,
  source: sdk(name),
  required: undefined,
  type: { value: type, source: sdk(name) },
  limits: {},
})

describe('a second witness plugs into the same comparison', () => {
  it('an SDK request type with a field the spec lacks, and one with another type', () => {
    const op = realOperations().find((o) => o.service === 'zec' && o.action === 'ResetInstances')
    if (!op) throw new Error('no zec ResetInstances')
    const spec = specFacts(op, ROOT)
    const witness: OperationFacts = {
      service: 'zec',
      action: 'ResetInstances',
      input: spec.input
        .filter((f) => f.name !== 'userData')
        .map((f) =>
          f.name === 'enableAgent' ? field('enableAgent', 'string') : field(f.name, f.type?.value ?? 'string'),
        )
        .concat(field('hostname', 'string')),
      output: [],
      errors: [],
      exclusive: [],
      statuses: undefined,
      actionName: undefined,
    }
    const drift = compareFacts(witness, spec).filter((f) => f.verdict === 'drift' && f.subject === 'input')
    expect(brief(drift)).toEqual([
      { subject: 'input', field: 'enableAgent', fact: 'type', page: 'string', spec: 'boolean' },
      { subject: 'input', field: 'hostname', fact: 'presence', page: true, spec: undefined },
      { subject: 'input', field: 'userData', fact: 'presence', page: undefined, spec: true },
    ])
  })
})
