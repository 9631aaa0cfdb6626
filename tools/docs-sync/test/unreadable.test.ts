// A page the check cannot read, parse or match is exit 2 with the page and the
// row named, never a silent skip.
import { describe, expect, it } from 'vitest'
import { checkPages, exitCode } from '../src/run.js'
import { check, ROOT, realOperations } from './helpers.js'
import { renderPage, vmParts, zecParts } from './page-builder.js'

function failure(markdown: string) {
  const run = check(markdown, { name: 'pages/broken.md' })
  expect(run.results).toEqual([])
  expect(exitCode(run)).toBe(2)
  expect(run.failures).toHaveLength(1)
  return run.failures[0]?.problem ?? ''
}

describe('unreadable pages', () => {
  it('a table row with a cell missing names the table, row and line', () => {
    const page = renderPage(vmParts()).replace(/\| wanName\s+\| No\s+\| String\s+\|/, '| wanName | No |')
    expect(failure(page)).toMatch(
      /^pages\/broken\.md \(input table, row 6, line \d+\): the row has 3 cells; the header has 4/,
    )
  })

  it('a table without its separator line', () => {
    const page = renderPage(vmParts()).replace(/\n\| -+ \| -+ \| -+ \| -+ \|\n/, '\n')
    expect(failure(page)).toMatch(/input table, line \d+\): the header row is not followed by a \|---\| line/)
  })

  it('a Required cell that is neither Yes nor No', () => {
    const parts = vmParts()
    const first = parts.input[0]
    if (first) first.required = 'Sometimes'
    expect(failure(renderPage(parts))).toMatch(/input table, row 1, line \d+\): Required of instanceId is "Sometimes"/)
  })

  it('a type the check does not know', () => {
    const parts = vmParts()
    const first = parts.input[0]
    if (first) first.type = 'String or Integer'
    expect(failure(renderPage(parts))).toMatch(/type "String or Integer" of instanceId/)
  })

  it('an error row whose status is not a status', () => {
    const parts = vmParts()
    parts.errors.push(['4xx', 'INVALID_THING', 'Bad.'])
    expect(failure(renderPage(parts))).toMatch(/errors table, row 7, line \d+\): HTTP status "4xx" of INVALID_THING/)
  })

  it('a parameter listed twice', () => {
    const parts = vmParts()
    parts.input.push({ name: 'keyId', type: 'String', description: 'Again.' })
    expect(failure(renderPage(parts))).toMatch(/keyId is listed twice/)
  })

  it('a page without an input table section', () => {
    expect(failure(renderPage(vmParts()).replace('## 2. Input Parameters', '## 2. Parameters In'))).toMatch(
      /no "Input Parameters" section/,
    )
  })

  it('a page without a title', () => {
    expect(failure('Just some text.\n')).toMatch(/no `# <Action>` title/)
  })
})

describe('pages that match no operation', () => {
  it('an action no spec defines', () => {
    const parts = vmParts()
    parts.title = 'RebootInstance'
    expect(failure(renderPage(parts))).toMatch(
      /documents vm RebootInstance, which the vm spec does not define \(it has ResetInstance, DescribeInstancesStatus\)/,
    )
  })

  it('a service no spec describes', () => {
    const parts = vmParts()
    parts.request[0] = 'POST /api/v2/ecs HTTP/1.1'
    expect(failure(renderPage(parts))).toMatch(/names the service ecs, which no spec describes/)
  })

  it('a page that names no service', () => {
    const parts = vmParts()
    parts.request = ['POST / HTTP/1.1', 'Host: console.zenlayer.com', 'X-ZC-Action: ResetInstance']
    expect(failure(renderPage(parts))).toMatch(/names no service/)
  })

  it('a page whose example and address name different services', () => {
    const parts = vmParts()
    parts.url = 'https://docs.console.zenlayer.com/api-reference/compute/zec/instance/resetinstance'
    expect(failure(renderPage(parts))).toMatch(
      /names several services: vm in the example's request line .*; zec in the page's address/,
    )
  })

  it('the service named only by the Host line, as on the real vm page', () => {
    const parts = vmParts()
    parts.request = ['POST / HTTP/1.1', 'Host: console.zenlayer.com/api/v2/vm', 'X-ZC-Action: ResetInstance']
    const run = check(renderPage(parts))
    expect(run.failures).toEqual([])
    expect(run.results[0]).toMatchObject({ service: 'vm', action: 'ResetInstance' })
  })

  it('two pages for one operation: the second is an error naming the first', () => {
    const page = renderPage(zecParts())
    const run = checkPages(
      [
        { name: 'a.md', markdown: page },
        { name: 'b.md', markdown: page },
      ],
      { operations: realOperations(), root: ROOT, record: { pages: {} }, full: false },
    )
    expect(run.results.map((r) => r.page)).toEqual(['a.md'])
    expect(run.failures).toEqual([
      { page: 'b.md', problem: 'b.md (matching): documents zec ResetInstances, as a.md already does' },
    ])
  })
})
