// The record of reconciled pages: an unchanged page against an unchanged spec
// is not compared again; a changed page says what changed since; a fact the
// reconciled version stated and the page no longer states is drift.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bareFacts } from '../src/facts.js'
import { type Record_, readRecord, writeRecord } from '../src/record.js'
import { exitCode } from '../src/run.js'
import { check, findings } from './helpers.js'
import { renderPage, vmParts, zecParts } from './page-builder.js'

/** The record `--record` would write after checking this page. */
function reconciled(markdown: string): Record_ {
  const run = check(markdown, { full: true })
  const r = run.results[0]
  if (!r) throw new Error('page not checked')
  return {
    pages: {
      [`${r.service} ${r.action}`]: {
        url: r.docsUrl,
        pageSha256: r.pageSha256,
        specSha256: r.specSha256,
        facts: bareFacts(r.pageFacts),
      },
    },
  }
}

describe('the record of reconciled pages', () => {
  const page = renderPage(vmParts())
  const record = reconciled(page)

  it('an unchanged page against an unchanged spec is not compared', () => {
    const run = check(page, { record })
    expect(run.results[0]).toMatchObject({ verdict: 'unchanged', compared: false, findings: [] })
    expect(exitCode(run)).toBe(0)
  })

  it('--full compares it anyway', () => {
    expect(check(page, { record, full: true }).results[0]).toMatchObject({ compared: true, verdict: 'accepted' })
  })

  it("GitBook's appended instructions and trailing spaces do not count as a change", () => {
    const restyled = page
      .replace('Text that GitBook appends to every page.', 'Other appended text.')
      .replace(/\n/g, '  \n')
    expect(check(restyled, { record }).results[0]?.verdict).toBe('unchanged')
  })

  it('a page whose text changed but no fact did is compared and says so', () => {
    const reworded = page.replace('Key pair to install.', 'The key pair to put on the instance.')
    const r = check(reworded, { record }).results[0]
    expect(r).toMatchObject({ compared: true, pageChanged: true, specChanged: false, changes: [], verdict: 'accepted' })
  })

  it('a changed page lists the facts that changed since the reconciled version', () => {
    const parts = vmParts()
    const wan = parts.input.find((r) => r.name === 'wanName')
    if (wan) wan.description = wan.description.replace('4 to 15', '4 to 20')
    const r = check(renderPage(parts), { record }).results[0]
    expect(r?.changes).toEqual([{ key: 'input.wanName.maxLength', before: 15, after: 20 }])
    expect(r?.verdict).toBe('drift')
  })

  it('a fact the reconciled version stated and the page no longer states is drift', () => {
    const parts = vmParts()
    const wan = parts.input.find((r) => r.name === 'wanName')
    if (wan) wan.description = '<p>Public interface name.</p><p>Default value: eth0</p>'
    const run = check(renderPage(parts), { record })
    const drift = findings(run, 'drift')
    expect(drift.map((f) => `${f.field}.${f.fact}`)).toEqual([
      'wanName.minLength',
      'wanName.maxLength',
      'wanName.charset',
      'wanName.firstChar',
    ])
    expect(drift[1]).toMatchObject({ page: undefined, spec: 15, reconciled: 15 })
    expect(exitCode(run)).toBe(1)
  })

  it('without a record, a silent page is not drift', () => {
    const parts = vmParts()
    const wan = parts.input.find((r) => r.name === 'wanName')
    if (wan) wan.description = '<p>Public interface name.</p><p>Default value: eth0</p>'
    expect(exitCode(check(renderPage(parts)))).toBe(0)
  })

  it('a spec change makes an unchanged page be compared again', () => {
    const stale: Record_ = {
      pages: Object.fromEntries(
        Object.entries(record.pages).map(([k, v]) => [k, { ...v, specSha256: '0'.repeat(64) }]),
      ),
    }
    expect(check(page, { record: stale }).results[0]).toMatchObject({ compared: true, specChanged: true })
  })

  it('writes a sorted, stable file and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zr-docs-'))
    const file = join(dir, 'vendor-pages.json')
    const both: Record_ = { pages: { ...reconciled(renderPage(zecParts())).pages, ...record.pages } }
    writeRecord(file, both)
    const text = readFileSync(file, 'utf8')
    expect(Object.keys(JSON.parse(text).pages)).toEqual(['vm ResetInstance', 'zec ResetInstances'])
    expect(readRecord(file)).toEqual({ pages: JSON.parse(text).pages, catalog: {}, uncovered: {}, notRead: [] })
    writeRecord(file, readRecord(file))
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(text).not.toMatch(/Key pair to install|interface name/)
  })
})
