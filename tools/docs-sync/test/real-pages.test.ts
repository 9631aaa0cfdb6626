// The vendor's real pages, when ../shared/seeds is beside the checkout (it is in
// CI; a clone from GitHub has no such folder, and the live pages are checked by
// `npm run docs:check -- --fetch` instead). They are read here, never copied.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPageFiles } from '../src/cli.js'
import { readRecord } from '../src/record.js'
import { checkPages, exitCode } from '../src/run.js'
import { brief, findings, ROOT, realOperations } from './helpers.js'

const SEEDS = join(ROOT, '..', 'shared', 'seeds')

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
