// A paged query's filters (x-zc-filters) are applied by one function for any
// service, under the names the spec gives: equal (also on each element of a
// list, `[]`), one of a list (objects matched on the fields they give), and a
// wildcard name; filters combine as all of them, and paging counts only what
// matches.
import { describe, expect, it } from 'vitest'
import { describe as describeAction } from '../src/actions.js'
import type { MockOperation, RequestFilter } from '../src/descriptor.js'
import { matchesFilters } from '../src/filters.js'
import { Store } from '../src/store.js'

const filters: readonly RequestFilter[] = [
  { field: 'zone', item: 'where', match: 'equal' },
  { field: 'net', item: 'nets[]', match: 'equal' },
  { field: 'name', item: 'label', match: 'wildcard' },
  { field: 'addresses', item: 'ips[]', match: 'anyOf' },
  { field: 'labelKeys', item: 'marks.list[].k', match: 'anyOf' },
  { field: 'labels', item: 'marks.list[]', match: 'anyOf' },
]
const box = {
  where: 'Z-1',
  nets: ['n-1', 'n-2'],
  label: 'web-07',
  ips: ['10.0.0.1'],
  marks: {
    list: [
      { k: 'env', v: 'prod' },
      { k: 'team', v: 'db' },
    ],
  },
}
const matches = (input: Record<string, unknown>) => matchesFilters(filters, input, box)

describe('matchesFilters', () => {
  it('a filter the request leaves out filters nothing', () => {
    expect(matches({})).toBe(true)
    expect(matches({ other: 'x' })).toBe(true)
  })

  it('equal: the value, or one element of a listed field', () => {
    expect(matches({ zone: 'Z-1' })).toBe(true)
    expect(matches({ zone: 'Z-2' })).toBe(false)
    expect(matches({ net: 'n-2' })).toBe(true)
    expect(matches({ net: 'n-3' })).toBe(false)
  })

  it('wildcard: exact, or with a final `*` every value containing the rest', () => {
    expect(matches({ name: 'web-07' })).toBe(true)
    expect(matches({ name: 'web' })).toBe(false)
    expect(matches({ name: 'web*' })).toBe(true)
    expect(matches({ name: 'b-0*' })).toBe(true)
    expect(matches({ name: 'db*' })).toBe(false)
  })

  it('anyOf: one of the values; an object matches an item object on the fields it gives', () => {
    expect(matches({ addresses: ['10.0.0.9', '10.0.0.1'] })).toBe(true)
    expect(matches({ addresses: ['10.0.0.9'] })).toBe(false)
    expect(matches({ labelKeys: ['owner', 'team'] })).toBe(true)
    expect(matches({ labelKeys: ['owner'] })).toBe(false)
    expect(matches({ labels: [{ k: 'env', v: 'prod' }] })).toBe(true)
    expect(matches({ labels: [{ k: 'env' }] })).toBe(true)
    expect(matches({ labels: [{ k: 'env', v: 'db' }] })).toBe(false)
  })

  it('filters combine as all of them; a path through something missing matches nothing', () => {
    expect(matches({ zone: 'Z-1', name: 'web*', labelKeys: ['env'] })).toBe(true)
    expect(matches({ zone: 'Z-1', name: 'web*', labelKeys: ['owner'] })).toBe(false)
    expect(matchesFilters([{ field: 'x', item: 'none[].k', match: 'anyOf' }], { x: ['a'] }, box)).toBe(false)
    expect(matchesFilters([{ field: 'x', item: 'where[]', match: 'equal' }], { x: 'Z-1' }, box)).toBe(false)
  })
})

describe('a paged query with filters', () => {
  const list: MockOperation = {
    service: 'svc',
    version: 'v',
    path: '/api/v2/svc',
    idempotent: true,
    sensitiveFields: [],
    requestFields: [],
    batch: null,
    errors: {},
    stateRules: [],
    image: null,
    carries: [],
    action: 'ListBoxes',
    pathKey: '/api/v2/svc#ListBoxes',
    transition: null,
    pagination: {
      pageNumber: 'page',
      pageSize: 'size',
      total: 'count',
      items: 'boxes',
      ids: 'boxIds',
      itemId: 'boxId',
      itemStatus: 'state',
      maxIds: null,
      maxPageSize: null,
    },
    itemTemplate: { boxId: 'box-x', state: 'ON', label: 'box-x', picture: 'pic-0' },
    itemImage: 'picture',
    filters: [
      { field: 'status', item: 'state', match: 'equal' },
      { field: 'name', item: 'label', match: 'wildcard' },
      { field: 'pictureId', item: 'picture', match: 'equal' },
    ],
  }
  const store = new Store(undefined, 'OFF')
  store.seed(
    {
      instances: [
        { instanceId: 'web-1', status: 'ON', imageId: 'pic-7' },
        { instanceId: 'web-2', status: 'ON' },
        { instanceId: 'db-1', status: 'ON', imageId: 'pic-7' },
        { instanceId: 'web-3' },
      ],
    },
    0,
  )

  it('lists and counts only the instances matching every filter given, as each would be shown', () => {
    expect(describeAction(list, store, { status: 'ON', name: 'web*' })).toMatchObject({
      shown: ['web-1', 'web-2'],
      response: { count: 2 },
    })
    expect(describeAction(list, store, { pictureId: 'pic-7', size: 1, page: 2 })).toMatchObject({
      shown: ['web-1'],
      response: { count: 2, boxes: [{ boxId: 'web-1', picture: 'pic-7' }] },
    })
    expect(describeAction(list, store, { boxIds: ['web-3', 'web-1'], status: 'OFF' })).toMatchObject({
      shown: ['web-3'],
      response: { count: 1 },
    })
    expect(describeAction(list, store, { name: 'nothing*' })).toMatchObject({ shown: [], response: { count: 0 } })
  })

  it('a table without filters (made before they existed) lists as before', () => {
    const { filters: _, ...older } = list
    expect(describeAction(older, store, { status: 'ON' })).toMatchObject({ response: { count: 4 } })
  })
})
