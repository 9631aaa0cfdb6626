// A paged query's filters (x-zc-filters), applied to each item as the query
// shows it: one function for every service, reading the request fields, the
// item paths and the kinds of match from the spec's table. An item is listed
// only when it matches every filter the request gives; a filter the request
// leaves out filters nothing.
import type { RequestFilter } from './descriptor.js'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The values at an item path (`tags.tags[].key`): a `[]` step goes on with each element of a list. */
function valuesAt(item: unknown, path: string): unknown[] {
  let values: unknown[] = [item]
  for (const step of path.split('.')) {
    const list = step.endsWith('[]')
    const name = list ? step.slice(0, -2) : step
    const next: unknown[] = []
    for (const value of values) {
      const field = isObj(value) ? value[name] : undefined
      if (!list) {
        if (field !== undefined) next.push(field)
      } else if (Array.isArray(field)) next.push(...field)
    }
    values = next
  }
  return values
}

/** A request value against an item value: an object matches an object with the same value in each field it gives. */
function same(asked: unknown, value: unknown): boolean {
  if (isObj(asked)) return isObj(value) && Object.entries(asked).every(([k, v]) => same(v, value[k]))
  return asked === value
}

/** Whether one of `values` (an item's, at the filter's path) matches what the request asked. */
type Test = (values: readonly unknown[]) => boolean

/**
 * A filter's test, made once per request: a list's plain values go into a set, so that a long list (up to the 1 MiB a
 * body may hold) costs one look-up per item value, not one per pair.
 */
function testOf(filter: RequestFilter, asked: unknown): Test {
  switch (filter.match) {
    case 'equal':
      return (values) => values.some((v) => same(asked, v))
    case 'anyOf': {
      const list = Array.isArray(asked) ? asked : []
      const plain = new Set(list.filter((a) => !isObj(a)))
      const objects = list.filter(isObj)
      return (values) => values.some((v) => plain.has(v) || objects.some((a) => same(a, v)))
    }
    case 'wildcard': {
      // Ending in `*`: the item's value contains what precedes it; otherwise it is the value exactly.
      if (typeof asked !== 'string' || !asked.endsWith('*')) return (values) => values.some((v) => same(asked, v))
      const part = asked.slice(0, -1)
      return (values) => values.some((v) => typeof v === 'string' && v.includes(part))
    }
  }
}

/** The filters a request gives (its field set); an empty list when it gives none. */
export function askedFilters(
  filters: readonly RequestFilter[] | undefined,
  input: Readonly<Record<string, unknown>>,
): readonly RequestFilter[] {
  return (filters ?? []).filter((f) => input[f.field] !== undefined)
}

/**
 * The test of the filters a request gives, made once per request: whether an item, as the query shows it, matches
 * every one of them (a filter the request leaves out filters nothing).
 */
export function filterTest(
  filters: readonly RequestFilter[] | undefined,
  input: Readonly<Record<string, unknown>>,
): (item: Readonly<Record<string, unknown>>) => boolean {
  const tests = askedFilters(filters, input).map((f) => ({ path: f.item, test: testOf(f, input[f.field]) }))
  return (item) => tests.every(({ path, test }) => test(valuesAt(item, path)))
}

/** Whether an item, as the query shows it, matches every filter of `filters` the request gives. */
export function matchesFilters(
  filters: readonly RequestFilter[],
  input: Readonly<Record<string, unknown>>,
  item: Readonly<Record<string, unknown>>,
): boolean {
  return filterTest(filters, input)(item)
}
