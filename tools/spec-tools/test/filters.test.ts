// x-zc-filters names, for each filter of a paged query, a request field and the
// item path it is matched against; the check refuses a name that is not a
// field, a path through something that is not a list, and a match the field's
// type cannot take, so a renamed field can never turn a mock filter off.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkOperations } from '../src/check/operations.js'
import { loadSpec } from '../src/load/resolve.js'
import { writeFixture } from './fixture-files.js'

const spec = (filters: string, pagination = true) => `openapi: 3.1.0
info: { title: t, version: '2025-01-01' }
x-zc-service: svc
paths:
  /api/v2/svc#Look:
    post:
      operationId: Look
      x-zc-action: Look
      x-zc-idempotent: true
      ${pagination ? 'x-zc-pagination: { pageNumber: page, pageSize: size, total: total, items: things, ids: ids, itemId: thingId, itemStatus: state }' : ''}
      x-zc-filters: ${filters}
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
                zone: { type: string }
                name: { type: string }
                labels: { type: array, items: { type: string } }
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
                            state: { type: string, enum: [OFF, ON] }
                            zoneId: { type: string }
                            title: { type: string }
                            meta:
                              type: object
                              properties:
                                labels: { type: array, items: { type: object, properties: { key: { type: string } } } }
`
const GOOD =
  '{ zone: { item: zoneId, match: equal }, name: { item: title, match: wildcard }, labels: { item: "meta.labels[].key", match: anyOf } }'
const load = (text: string) => loadSpec(join(writeFixture({ 'spec.yaml': text }), 'spec.yaml'))
const problems = (text: string) =>
  checkOperations(load(text))
    .filter((r) => r.check === 'filters')
    .flatMap((r) => r.problems)

describe('x-zc-filters', () => {
  it('filters naming real request fields and item paths pass', () => {
    expect(problems(spec(GOOD))).toEqual([])
  })

  it('a request field or an item path that does not exist is refused', () => {
    expect(problems(spec('{ zones: { item: zoneId, match: equal }, name: { item: name, match: wildcard } }'))).toEqual([
      'filter zones is not a field of the request',
      'filter name reads name, not a field of the items',
    ])
    expect(problems(spec('{ labels: { item: "meta[].labels[].key", match: anyOf } }'))).toEqual([
      'filter labels reads meta[].labels[].key, not a field of the items',
    ])
  })

  it("a match the field's type cannot take, or a paging field, is refused", () => {
    expect(problems(spec('{ zone: { item: zoneId, match: anyOf } }'))).toEqual([
      'filter zone (anyOf) needs a list field',
    ])
    expect(problems(spec('{ labels: { item: "meta.labels[].key", match: equal } }'))).toEqual([
      'filter labels (equal) needs a single value, not a list',
    ])
    expect(problems(spec('{ page: { item: zoneId, match: equal } }'))).toEqual([
      'filter page is a field x-zc-pagination already reads',
    ])
  })

  it('filters without pagination are refused', () => {
    expect(problems(spec(GOOD, false))).toEqual(['x-zc-filters needs x-zc-pagination: it filters the items of a query'])
  })
})
