// x-zc-pagination names every field a runtime reads of the status query
// (the ids it asks about, each item's id and status); the check refuses a
// name that is not a field, and the statuses come from the item status field.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkOperations, observedStatuses } from '../src/check/operations.js'
import { loadSpec } from '../src/load/resolve.js'
import { writeFixture } from './fixture-files.js'

const spec = (pagination: string, statusField = 'state') => `openapi: 3.1.0
info: { title: t, version: '2025-01-01' }
x-zc-service: svc
paths:
  /api/v2/svc#Look:
    post:
      operationId: Look
      x-zc-action: Look
      x-zc-idempotent: true
      x-zc-pagination: ${pagination}
      parameters:
        - { name: X-ZC-Action, in: header, required: true, schema: { type: string, const: Look } }
        - { name: X-ZC-Version, in: header, required: true, schema: { type: string, const: '2025-01-01' } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                ids: { type: array, items: { type: string } }
                page: { type: integer }
                size: { type: integer }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  requestId: { type: string }
                  response:
                    type: object
                    properties:
                      total: { type: integer }
                      things:
                        type: array
                        items:
                          type: object
                          properties:
                            thingId: { type: string }
                            ${statusField}: { $ref: '#/components/schemas/Whatever' }
components:
  schemas:
    Whatever: { type: string, enum: [OFF, ON, BUSY] }
`
const GOOD =
  '{ pageNumber: page, pageSize: size, total: total, items: things, ids: ids, itemId: thingId, itemStatus: state }'
const load = (text: string) => loadSpec(join(writeFixture({ 'spec.yaml': text }), 'spec.yaml'))
const problems = (text: string) =>
  checkOperations(load(text))
    .filter((r) => r.check === 'pagination')
    .flatMap((r) => r.problems)

describe('x-zc-pagination fields', () => {
  it('a query naming its real fields passes, and its item status enum is the status set', () => {
    expect(problems(spec(GOOD))).toEqual([])
    expect(observedStatuses(load(spec(GOOD)).document)).toEqual(['OFF', 'ON', 'BUSY'])
  })

  it('a renamed item status field is refused, not silently ignored', () => {
    expect(problems(spec(GOOD, 'status'))).toEqual([
      'the items of things have no field state',
      'things[].state lists no statuses (enum)',
    ])
  })

  it('an ids field that is not a list, and an unknown item id field, are refused', () => {
    expect(problems(spec(GOOD.replace('ids: ids', 'ids: page').replace('itemId: thingId', 'itemId: id')))).toEqual([
      'request has no list field page',
      'the items of things have no field id',
    ])
  })
})
