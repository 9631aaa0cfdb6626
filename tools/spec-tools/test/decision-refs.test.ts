import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDecisionRefs, decisionIds } from '../src/check/decision-refs.js'
import { checkExtensions } from '../src/check/extensions.js'
import { loadSpec } from '../src/load/resolve.js'
import { writeFixture } from './fixture-files.js'

const spec = (decision: string) => `openapi: 3.1.0
info: { title: t, version: '1' }
components:
  schemas:
    Name:
      type: string
      x-zc-decision: [${decision}]
`
const DECISIONS = '# Decisions\n\n<a id="d1"></a>\n## 1. One\n\n<a id="d3"></a>\n## 3. Three\n'

function load(decision: string, withRecord = true) {
  const root = writeFixture({
    'specs/svc/openapi.yaml': spec(decision),
    ...(withRecord ? { 'specs/DECISIONS.md': DECISIONS } : {}),
  })
  return loadSpec(join(root, 'specs/svc/openapi.yaml'))
}
const problems = (results: ReturnType<typeof checkDecisionRefs>) => results.flatMap((r) => r.problems)

describe('decision refs point into specs/DECISIONS.md', () => {
  it('reads the anchors of the record', () => {
    expect([...decisionIds(DECISIONS)]).toEqual([1, 3])
  })

  it('passes a ref the record defines', () => {
    expect(problems(checkDecisionRefs(load('{ ref: 3, kind: fills-gap, reason: a reason long enough }')))).toEqual([])
  })

  it('fails a ref the record does not define, naming the number and the file', () => {
    const found = problems(checkDecisionRefs(load('{ ref: 2, kind: fills-gap, reason: a reason long enough }')))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/decision 2 is not defined in .*specs\/DECISIONS\.md/)
  })

  it('fails every ref when the record is missing', () => {
    const found = problems(checkDecisionRefs(load('{ ref: 1, kind: fills-gap, reason: a reason long enough }', false)))
    expect(found).toHaveLength(1)
  })

  it('accepts decisions without a ref', () => {
    expect(problems(checkDecisionRefs(load('{ kind: fills-gap, reason: a reason long enough }')))).toEqual([])
  })
})

describe('the facts a decision names', () => {
  const extensionProblems = (decision: string) => checkExtensions(load(decision)).flatMap((r) => r.problems)

  it('accepts known facts', () => {
    expect(
      extensionProblems('{ ref: 1, kind: fills-gap, reason: a reason long enough, facts: [maxLength, charset] }'),
    ).toEqual([])
  })

  it('refuses an unknown fact and a repeated one', () => {
    expect(
      extensionProblems('{ ref: 1, kind: fills-gap, reason: a reason long enough, facts: [maxLenght] }').length,
    ).toBeGreaterThan(0)
    expect(
      extensionProblems('{ ref: 1, kind: fills-gap, reason: a reason long enough, facts: [maxLength, maxLength] }')
        .length,
    ).toBeGreaterThan(0)
  })
})
