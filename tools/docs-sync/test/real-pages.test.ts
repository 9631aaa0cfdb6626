// The vendor's real pages and catalog files, when ../shared/seeds and
// ../shared/vendor-catalog are beside the checkout (they are in CI; a clone
// from GitHub has no such folder, and the live ones are checked by
// `npm run docs:check -- --fetch` instead). They are read here, never copied.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPageFiles } from '../src/cli.js'
import { readRecord } from '../src/record.js'
import { checkPages, exitCode } from '../src/run.js'
import { brief, findings, ROOT, realOperations } from './helpers.js'

const SEEDS = join(ROOT, '..', 'shared', 'seeds')
const CATALOG = join(ROOT, '..', 'shared', 'vendor-catalog')

describe.runIf(existsSync(SEEDS))('the real vendor pages', () => {
  const { pages, failures } = readPageFiles([SEEDS])
  const run = (full: boolean) =>
    checkPages(pages, {
      operations: realOperations(),
      root: ROOT,
      record: readRecord(join(ROOT, 'specs/vendor-pages.json')),
      full,
    })

  it('both are read, matched and in sync or accepted, compared in full', () => {
    expect(failures).toEqual([])
    const result = run(true)
    expect(result.failures).toEqual([])
    expect(result.results.map((r) => [r.service, r.action, r.verdict])).toEqual([
      ['vm', 'ResetInstance', 'accepted'],
      ['zec', 'ResetInstances', 'accepted'],
    ])
    expect(findings(result, 'drift')).toEqual([])
    expect(exitCode(result)).toBe(0)
  })

  it("the vm page's mistakes are accepted by the decisions that depart from it", () => {
    const departures = findings(run(true), 'accepted').filter((f) => f.decision?.kind === 'departs-from-page')
    expect(brief(departures)).toEqual([
      { subject: 'rules', field: 'keyId+password', fact: 'exclusive', page: 'exactly one', spec: 'at most one' },
      { subject: 'example', field: 'X-ZC-Action', fact: 'actionName', page: 'resetInstance', spec: 'ResetInstance' },
    ])
    expect(departures.map((f) => f.decision?.ref)).toEqual([5, 1])
  })

  it('the committed record matches them: an ordinary run compares nothing', () => {
    const result = run(false)
    expect(
      result.results.map((r) => r.verdict),
      'the spec or a page changed since specs/vendor-pages.json was written: check, then `npm run docs:check -- --full --record ../shared/seeds`',
    ).toEqual(['unchanged', 'unchanged'])
  })

  it("the record holds facts, not the pages' prose", () => {
    const text = readFileSync(join(ROOT, 'specs/vendor-pages.json'), 'utf8')
    expect(text).not.toMatch(/Instance login password|reinstall the|SSH key pair|character types/i)
  })
})

describe.runIf(existsSync(SEEDS) && existsSync(CATALOG))('the real pages and catalog files together', () => {
  const { pages, failures } = readPageFiles([SEEDS, CATALOG])
  const record = readRecord(join(ROOT, 'specs/vendor-pages.json'))
  const run = (full: boolean) => checkPages(pages, { operations: realOperations(), root: ROOT, record, full })

  it('are read, matched and in sync; every disagreement between them is accepted by a numbered decision', () => {
    expect(failures).toEqual([])
    const result = run(true)
    expect(result.failures).toEqual([])
    expect(findings(result, 'drift')).toEqual([])
    expect(result.results.filter((r) => r.witness === 'catalog').length).toBeGreaterThanOrEqual(4)
    const disagreements = result.disagreements ?? []
    expect(disagreements.filter((f) => f.verdict !== 'accepted' || f.decision?.ref === undefined)).toEqual([])
    expect(disagreements.map((f) => `${f.service} ${f.action} ${f.field} ${f.fact}: ${f.decision?.ref}`)).toEqual(
      expect.arrayContaining(['vm ResetInstance password charset: 12']),
    )
    for (const note of result.uncovered ?? [])
      expect(record.uncovered).toHaveProperty([`${note.service} ${note.action}`])
    expect(exitCode(result)).toBe(0)
  })

  it('the committed record matches them: an ordinary run compares nothing', () => {
    expect(
      run(false)
        .results.filter((r) => r.verdict !== 'unchanged')
        .map((r) => `${r.service} ${r.action} (${r.witness})`),
      'a spec, a page or a catalog file changed since specs/vendor-pages.json was written: check, then `npm run docs:check -- --full --record ../shared/seeds ../shared/vendor-catalog`',
    ).toEqual([])
  })

  it("the record holds facts, not the catalog's prose", () => {
    const text = readFileSync(join(ROOT, 'specs/vendor-pages.json'), 'utf8')
    expect(text).not.toMatch(/Whether QGA is enabled|Initialization script|Status list of instances/i)
  })
})
