// The fields a state rule reads (x-zc-state-rules `fields`) and the image a
// transition installs (x-zc-transition `image`) must be fields of the request:
// a renamed field is refused, so a mock check cannot silently turn off.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkOperations } from '../src/check/operations.js'
import { loadSpec } from '../src/load/resolve.js'
import { writeFixture } from './fixture-files.js'

const spec = (ruleFields: string, image: string) => `openapi: 3.1.0
info: { title: t, version: '2025-01-01' }
x-zc-service: svc
paths:
  /api/v2/svc#Redo:
    post:
      operationId: Redo
      x-zc-action: Redo
      x-zc-idempotent: false
      x-zc-state-rules:
        - id: key-pair-exists
          description: The key pair names one of the account's keys.
          violation: { error: BAD_KEY }
          fields: ${ruleFields}
      x-zc-transition: { from: [OFF], via: BUSY, to: 'ON', observe: Redo, instances: thing, image: ${image} }
      parameters:
        - { name: X-ZC-Action, in: header, required: true, schema: { type: string, const: Redo } }
        - { name: X-ZC-Version, in: header, required: true, schema: { type: string, const: '2025-01-01' } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                thing: { type: string }
                key: { type: string }
                picture: { type: string }
                parts: { allOf: [{ type: array, items: { type: object, properties: { at: { type: string } } } }] }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { requestId: { type: string }, response: { type: object } } }
        '400':
          description: bad
          content:
            application/json:
              schema: { type: object, properties: { code: { const: BAD_KEY } } }
`
const problems = (text: string, check: string) =>
  checkOperations(loadSpec(join(writeFixture({ 'spec.yaml': text }), 'spec.yaml')))
    .filter((r) => r.check === check)
    .flatMap((r) => r.problems)

describe('fields a runtime reads of a reset request', () => {
  it('rule fields and the transition image that name request fields pass', () => {
    expect(problems(spec('{ keyPair: key }', 'picture'), 'state rule fields')).toEqual([])
    expect(problems(spec('{ keyPair: key }', 'picture'), 'transition')).toEqual([
      'status OFF is not a status the status query can answer',
      'status BUSY is not a status the status query can answer',
      'status ON is not a status the status query can answer',
    ])
  })

  it('a rule field or an image field that is not in the request is refused, naming both', () => {
    expect(problems(spec('{ keyPair: keyId }', 'imageId'), 'state rule fields')).toEqual([
      'state rule key-pair-exists reads its keyPair from keyId, not a field of the request',
    ])
    expect(problems(spec('{ keyPair: key }', 'imageId'), 'transition')).toContain(
      'image names imageId, not a field of the request',
    )
  })

  it("a field of the items of a list the rule reads counts (bmc partitions' fsPath); of no list it reads, it does not", () => {
    expect(problems(spec('{ list: parts, keyPair: at }', 'picture'), 'state rule fields')).toEqual([])
    expect(problems(spec('{ keyPair: at }', 'picture'), 'state rule fields')).toEqual([
      'state rule key-pair-exists reads its keyPair from at, not a field of the request',
    ])
  })
})
