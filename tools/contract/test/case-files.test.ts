import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { caseFileProblems } from '../src/cases.js'

// Every case file beside the specs follows the schema, and the schema can say no.
const specs = fileURLToPath(new URL('../../../specs/', import.meta.url))
const files = readdirSync(specs, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    try {
      return readdirSync(`${specs}${d.name}/contract`).map((f) => `${specs}${d.name}/contract/${f}`)
    } catch {
      return []
    }
  })

describe('contract case files', () => {
  it('exist for every service and all five kinds', () => {
    expect(files.map((f) => f.split('/specs/')[1]).sort()).toEqual(
      ['bmc', 'vm', 'zec'].flatMap((s) =>
        ['fleets', 'requests', 'responses', 'scenarios', 'validation'].map((k) => `${s}/contract/${k}.json`),
      ),
    )
  })
  it.each(files)('%s follows the schema', (file) => {
    expect(caseFileProblems(JSON.parse(readFileSync(file, 'utf8')))).toEqual([])
  })
  // The schema cannot know how many decisions there are: a case's `decision` must be one the file defines.
  const defined = new Set(
    [...readFileSync(`${specs}DECISIONS.md`, 'utf8').matchAll(/^<a id="d(\d+)"><\/a>$/gm)].map((m) => Number(m[1])),
  )
  it.each(files)('%s names only decisions that specs/DECISIONS.md defines', (file) => {
    const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: { id: string; decision?: number }[] }).cases
    expect(cases.filter((c) => c.decision !== undefined && !defined.has(c.decision)).map((c) => c.id)).toEqual([])
    expect(defined.size).toBeGreaterThan(0)
  })
  it.each([
    ['an unknown kind', { service: 'zec', kind: 'vibes', cases: [{}] }],
    [
      'a fleet case without its expected totals',
      {
        service: 'zec',
        kind: 'fleets',
        cases: [
          { id: 'x', description: 'd', action: 'A', state: {}, input: { instanceIds: [] }, options: {}, expect: {} },
        ],
      },
    ],
    [
      'a validation case without its code',
      { service: 'zec', kind: 'validation', cases: [{ id: 'x', action: 'A', input: {}, valid: false }] },
    ],
    [
      'a scenario step of no known kind',
      {
        service: 'zec',
        kind: 'scenarios',
        cases: [{ id: 'x', description: 'd', state: {}, steps: [{ teleport: 1 }] }],
      },
    ],
    [
      'a request case with a partial expectation',
      {
        service: 'vm',
        kind: 'requests',
        cases: [
          {
            id: 'x',
            description: 'd',
            action: 'A',
            input: {},
            config: { baseUrl: 'u', now: 1, credentials: { token: 't' } },
            expect: { method: 'POST' },
          },
        ],
      },
    ],
    ['a response case whose retry is not a boolean', responses({ retry: 'yes' })],
    ['a response case expecting zero requests', responses({ expect: { ...error, requests: 0 } })],
    [
      'a response case whose unknown ids are not strings',
      responses({ expect: { error: { ...error.error, unknownInstanceIds: [1] } } }),
    ],
    [
      'a response case whose mayHaveBeenApplied is not a boolean',
      responses({ expect: { error: { ...error.error, mayHaveBeenApplied: 'yes' } } }),
    ],
    [
      'a response case expecting an error of no known name',
      responses({ expect: { error: { name: 'Oops', code: 'X' } } }),
    ],
  ])('refuses %s', (_name, document) => {
    expect(caseFileProblems(document).length).toBeGreaterThan(0)
  })
  it('takes a response case with retries, a request count and what the error says about the reset', () => {
    expect(
      caseFileProblems(
        responses({
          retry: true,
          reply: { status: 307, headers: { location: 'https://elsewhere.example/' }, body: '' },
          expect: {
            error: { ...error.error, mayHaveBeenApplied: true, unknownInstanceIds: ['a', 'b'] },
            requests: 1,
          },
        }),
      ),
    ).toEqual([])
    expect(caseFileProblems(responses({ expect: { result: {}, requests: 4 } }))).toEqual([])
  })
})

const error = { error: { name: 'ProtocolError', code: 'REPLY_MALFORMED', status: 200 } }

/** A responses file of one case: a well-formed one, with `fields` put over it. */
function responses(fields: Record<string, unknown>) {
  return {
    service: 'zec',
    kind: 'responses',
    cases: [
      {
        id: 'x',
        description: 'd',
        action: 'ResetInstances',
        input: { instanceIds: ['a', 'b'] },
        reply: { status: 200, body: '{}' },
        expect: error,
        ...fields,
      },
    ],
  }
}
