// The command as a user runs it: pages from files and directories, exit codes
// 0/1/2, the text and JSON reports, and --record, on a copy of the specs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run, workspace } from './cli-run.js'
import { ROOT } from './helpers.js'
import { renderPage, vmParts, zecParts } from './page-builder.js'

afterEach(() => vi.restoreAllMocks())

describe('zr-docs', () => {
  it('exit 0 on pages in sync, with a line per accepted departure and a summary', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(vmParts()))
    writeFileSync(join(dir, 'pages/zec.md'), renderPage(zecParts()))
    writeFileSync(join(dir, 'pages/README.md'), '# Not a page\n')
    const { code, out } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(0)
    expect(out).toMatch(/^vm ResetInstance \(.*pages\/vm\.md\): in sync, with accepted departures/m)
    expect(out).toMatch(
      /^ {2}ACCEPTED vm ResetInstance rules keyId\+password exclusive: page exactly one, spec at most one \| page: ".*either password or keyId.*" \(input, row 2 \(Description\), line \d+\) \| decision 5 \(specs\/DECISIONS\.md#d5\), departs-from-page: /m,
    )
    expect(out.split('\n').at(-1)).toBe(
      'docs:check: 2 page(s): 2 in sync (2 with accepted departures), 0 drift, 0 unchanged, 0 unreadable',
    )
  })

  it('exit 1 on drift, one line naming service, action, field, both values and the page cell', async () => {
    const dir = workspace()
    const parts = vmParts()
    const wan = parts.input.find((r) => r.name === 'wanName')
    if (wan) wan.description = wan.description.replace('4 to 15', '4 to 20')
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(parts))
    const { code, out } = await run(['--root', dir, join(dir, 'pages/vm.md')])
    expect(code).toBe(1)
    expect(out).toMatch(
      /^ {2}DRIFT {4}vm ResetInstance input wanName maxLength: page 20, spec 15 \| page: "Only numbers and lowercase letters are allowed, starting with a letter, 4 to 20 characters long\." \(input, row 6 \(Description\), line \d+\)$/m,
    )
  })

  it('exit 2 when a page cannot be read, the others still reported', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(vmParts()))
    const { code, out } = await run(['--root', dir, join(dir, 'pages/vm.md'), join(dir, 'pages/missing.md')])
    expect(code).toBe(2)
    expect(out).toMatch(/^vm ResetInstance/m)
    expect(out).toMatch(/^ERROR .*missing\.md: no such file or directory$/m)
  })

  it('--json gives the same findings for machines', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(vmParts()))
    const { code, out } = await run(['--root', dir, '--json', join(dir, 'pages')])
    expect(code).toBe(0)
    const report = JSON.parse(out)
    expect(report.exitCode).toBe(0)
    expect(report.pages[0]).toMatchObject({ service: 'vm', action: 'ResetInstance', verdict: 'accepted' })
    expect(report.pages[0].findings.find((f: { fact: string }) => f.fact === 'exclusive')).toMatchObject({
      verdict: 'accepted',
      page: 'exactly one',
      spec: 'at most one',
      decision: { ref: 5 },
    })
  })

  it('--record remembers pages in sync, and the next run says unchanged without comparing', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(vmParts()))
    expect((await run(['--root', dir, '--record', join(dir, 'pages')])).err).toMatch(
      /recorded 1 witness\(es\) as reconciled \(vm ResetInstance \(page\)\)/,
    )
    const record = JSON.parse(readFileSync(join(dir, 'specs/vendor-pages.json'), 'utf8'))
    expect(Object.keys(record.pages)).toEqual(['vm ResetInstance'])
    expect(record.pages['vm ResetInstance'].url).toBe(
      'https://docs.console.zenlayer.com/api-reference/compute/vm/virtual-machine-instance/resetinstance',
    )
    const again = await run(['--root', dir, join(dir, 'pages')])
    expect(again.code).toBe(0)
    expect(again.out).toMatch(
      /vm ResetInstance \(.*\): unchanged since it was reconciled with the spec \(not compared\)/,
    )
  })

  it('--record does not record a page that drifts', async () => {
    const dir = workspace()
    const parts = vmParts()
    parts.input.push({ name: 'hostname', type: 'String', description: 'New.' })
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(parts))
    const { code, err } = await run(['--root', dir, '--record', join(dir, 'pages')])
    expect(code).toBe(1)
    expect(err).toMatch(/recorded 0 witness\(es\) as reconciled; not vm ResetInstance \(page\), which drift/)
    expect(JSON.parse(readFileSync(join(dir, 'specs/vendor-pages.json'), 'utf8')).pages).toEqual({})
  })

  it.each([
    [[], /no pages: give FILE\|DIR arguments \(pages, catalog files\), or --fetch/],
    [['--fetch', 'x.md'], /give pages as files or --fetch, not both/],
    [['--timeout', '0', '--fetch'], /--timeout needs a number of seconds/],
    [['--bogus'], /unknown option --bogus/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const { code, err } = await run(['--root', ROOT, ...args])
    expect(code).toBe(2)
    expect(err).toMatch(message)
    expect(err).toMatch(/^usage: zr-docs/m)
  })

  it('--help prints the usage and exits 0', async () => {
    const { code, out } = await run(['--help'])
    expect(code).toBe(0)
    expect(out).toMatch(/exit: 0 in sync/)
  })

  it('never writes the record without --record', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(vmParts()))
    await run(['--root', dir, join(dir, 'pages')])
    expect(existsSync(join(dir, 'specs/vendor-pages.json'))).toBe(false)
  })
})

describe('zr-docs with catalog files', () => {
  it('pages and a folder of catalog files (one per product) in one report, one exit code', async () => {
    const { mkdirSync } = await import('node:fs')
    const { renderCatalog, vmResetCatalog, vmStatusCatalog } = await import('./catalog-builder.js')
    const dir = workspace()
    mkdirSync(join(dir, 'catalog/vm'), { recursive: true })
    writeFileSync(join(dir, 'pages/vm.md'), renderPage(vmParts()))
    writeFileSync(join(dir, 'catalog/vm/reset-instance.yaml'), renderCatalog(vmResetCatalog()))
    writeFileSync(join(dir, 'catalog/vm/describe-instances-status.yaml'), renderCatalog(vmStatusCatalog()))
    writeFileSync(join(dir, 'catalog/README.md'), '# Not a page\n')
    const ok = await run(['--root', dir, join(dir, 'pages'), join(dir, 'catalog')])
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/^vm ResetInstance \[catalog\] \(.*catalog\/vm\/reset-instance\.yaml\): in sync/m)
    expect(ok.out).toMatch(/^spec descriptions: \d+ read, 0 contradict their schema$/m)
    expect(ok.out.split('\n').at(-1)).toBe(
      'docs:check: 1 page(s), 2 catalog file(s): 3 in sync (1 with accepted departures), 0 drift, 0 unchanged, 0 unreadable',
    )
    writeFileSync(
      join(dir, 'catalog/vm/reboot-instance.yaml'),
      renderCatalog({ ...vmStatusCatalog(), name: 'RebootInstance' }),
    )
    const unmatched = await run(['--root', dir, join(dir, 'catalog')])
    expect(unmatched.code).toBe(2)
    expect(unmatched.out).toMatch(/^ERROR .*reboot-instance\.yaml \(matching\): documents vm RebootInstance/m)
    const { code, out } = await run(['--root', dir, '--spec'])
    expect(code).toBe(0)
    expect(out).toMatch(/^spec descriptions: \d+ read, 0 contradict their schema$/)
  })

  it('--record writes the catalog files under "catalog" and keeps "uncovered" and "notRead"', async () => {
    const { renderCatalog, vmResetCatalog } = await import('./catalog-builder.js')
    const dir = workspace()
    const file = join(dir, 'specs/vendor-pages.json')
    writeFileSync(
      file,
      JSON.stringify({
        pages: {},
        uncovered: { 'vm RebootInstance': 'later' },
        notRead: [
          {
            source: 'an SDK',
            operation: 'vm ResetInstance',
            fact: 'exclusive.keyId+password',
            states: 'exactly one',
            decision: 5,
          },
        ],
      }),
    )
    writeFileSync(join(dir, 'pages/reset-instance.yaml'), renderCatalog(vmResetCatalog()))
    expect((await run(['--root', dir, '--record', join(dir, 'pages')])).code).toBe(0)
    const record = JSON.parse(readFileSync(file, 'utf8'))
    expect(Object.keys(record.catalog)).toEqual(['vm ResetInstance'])
    expect(record.catalog['vm ResetInstance'].url).toBe(
      'https://raw.githubusercontent.com/zenlayer/zenlayercloud-cli/main/apis/en-US/vm/reset-instance.yaml',
    )
    expect(record.pages).toEqual({})
    expect(record.uncovered).toEqual({ 'vm RebootInstance': 'later' })
    expect(record.notRead).toHaveLength(1)
    expect((await run(['--root', dir, join(dir, 'pages')])).out).toMatch(
      /\[catalog\].*: unchanged since it was reconciled/,
    )
  })
})
