// What an operator can get wrong around the command: a folder or a FIFO where
// a page should be, a link to a device, a damaged record, a --save folder that
// cannot be written or holds a planted link. Each is one line naming the path
// and the rule, exit 2, in bounded time and memory; never a stack trace.
import { execFileSync } from 'node:child_process'
import { lstatSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GitHub } from '../src/loop/github.js'
import { runLoop } from '../src/loop/run-loop.js'
import { run, workspace } from './cli-run.js'
import { renderPage, vmParts, zecParts } from './page-builder.js'

const LIMIT = { timeout: 10_000 }

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** No stack frame and no multi-line message anywhere in what the command printed. */
function noStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .*[(:]\d+/m)
  expect(text).not.toMatch(/Error: .*\n\s+at /)
}

/** A workspace with one good page in `pages`, so that the failure is the only problem. */
function withGoodPage(): string {
  const dir = workspace()
  writeFileSync(join(dir, 'pages/vm.md'), renderPage(vmParts()))
  return dir
}

describe('pages that are not readable files (issue 26, item 9)', () => {
  it('a directory named b.md among the pages', LIMIT, async () => {
    const dir = withGoodPage()
    mkdirSync(join(dir, 'pages/b.md'))
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(2)
    expect(out).toMatch(/^vm ResetInstance/m)
    expect(out).toMatch(/^ERROR .*pages\/b\.md: not a regular file \(a directory\)$/m)
    noStackTrace(out + err)
  })

  it('a FIFO page is refused without waiting for a writer', LIMIT, async () => {
    const dir = withGoodPage()
    execFileSync('mkfifo', [join(dir, 'pages/fifo.md')])
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(2)
    expect(out).toMatch(/^ERROR .*pages\/fifo\.md: not a regular file \(a FIFO\)$/m)
    noStackTrace(out + err)
  })

  it('a page linked to /dev/zero is refused without reading it', LIMIT, async () => {
    const dir = withGoodPage()
    symlinkSync('/dev/zero', join(dir, 'pages/zero.md'))
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages/zero.md')])
    expect(code).toBe(2)
    expect(out).toMatch(/^ERROR .*pages\/zero\.md: not a regular file \(a character device\)$/m)
    noStackTrace(out + err)
  })

  it('a page file of 3 GB is refused by its size, not read', LIMIT, async () => {
    const dir = withGoodPage()
    const huge = join(dir, 'pages/huge.md')
    writeFileSync(huge, '')
    truncateSync(huge, 3 * 1024 ** 3) // sparse: takes no space
    const { code, out, err } = await run(['--root', dir, huge])
    expect(code).toBe(2)
    expect(out).toMatch(/^ERROR .*pages\/huge\.md: larger than 2097152 bytes; a page is a few kilobytes$/m)
    noStackTrace(out + err)
  })
})

describe('a damaged record file (issue 26, item 9)', () => {
  it.each([
    ['truncated', '{"note": "x", "pages": {"vm ResetInstance": {"url": "h', /is not JSON/],
    ['a null entry', '{"pages": {"vm ResetInstance": null}}', /pages\["vm ResetInstance"\] is not an object/],
    ['an entry without its hashes', '{"pages": {"vm ResetInstance": {"facts": {}}}}', /pageSha256/],
    ['pages that are a list', '{"pages": []}', /"pages" is not an object/],
    ['null', 'null', /is not an object with "pages"/],
  ])('%s', async (_name, text, rule) => {
    const dir = withGoodPage()
    writeFileSync(join(dir, 'specs/vendor-pages.json'), text)
    const { code, out, err } = await run(['--root', dir, join(dir, 'pages')])
    expect(code).toBe(2)
    expect(err).toMatch(/^zr-docs: .*specs\/vendor-pages\.json: /m)
    expect(err).toMatch(rule)
    expect(err).toMatch(/--record/)
    expect(err.split('\n')).toHaveLength(1)
    noStackTrace(out + err)
  })
})

/** --fetch against a fake site: the reset pages as the builder writes them, the other pages missing. */
function fakeSite(): void {
  vi.stubGlobal('fetch', async (url: string | URL) => {
    const u = String(url)
    if (u.endsWith('/vm/virtual-machine-instance/resetinstance.md')) return new Response(renderPage(vmParts()))
    if (u.endsWith('/zec/instance/resetinstances.md')) return new Response(renderPage(zecParts()))
    return new Response('gone', { status: 404 })
  })
}

describe('--save (issue 26, items 9 and 10)', () => {
  it('a --save folder that cannot be made is one line and exit 2', LIMIT, async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'not-a-folder'), 'x')
    fakeSite()
    const { code, out, err } = await run(['--root', dir, '--fetch', '--save', join(dir, 'not-a-folder/pages')])
    expect(code).toBe(2)
    expect(`${out}\n${err}`).toMatch(/--save .*not-a-folder\/pages: cannot write .*\(ENOTDIR/)
    noStackTrace(out + err)
  })

  it('a page name taken by a folder in the --save folder is one line and exit 2', LIMIT, async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'saved/vm-virtual-machine-instance-resetinstance.md'), { recursive: true })
    fakeSite()
    const { code, out, err } = await run(['--root', dir, '--fetch', '--save', join(dir, 'saved')])
    expect(code).toBe(2)
    expect(out).toMatch(/^ERROR --save .*vm-virtual-machine-instance-resetinstance\.md: cannot write /m)
    noStackTrace(out + err)
  })

  it('a symlink planted in the --save folder is replaced, and the file it points to is untouched', LIMIT, async () => {
    const dir = workspace()
    const saved = join(dir, 'saved')
    mkdirSync(saved)
    writeFileSync(join(dir, 'victim.txt'), 'not yours\n')
    const planted = join(saved, 'vm-virtual-machine-instance-resetinstance.md')
    symlinkSync(join(dir, 'victim.txt'), planted)
    fakeSite()
    await run(['--root', dir, '--fetch', '--save', saved])
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('not yours\n')
    expect(lstatSync(planted).isSymbolicLink()).toBe(false)
    expect(readFileSync(planted, 'utf8')).toBe(renderPage(vmParts()))
  })
})

describe('zr-docs-loop', () => {
  it('a FIFO named as the report is refused without waiting for a writer', LIMIT, async () => {
    const dir = workspace()
    const fifo = join(dir, 'report.json')
    execFileSync('mkfifo', [fifo])
    const github = {} as GitHub // never reached
    await expect(runLoop({ root: dir, reportFile: fifo, pagesDir: dir, github, baseBranch: 'main' })).rejects.toThrow(
      /report\.json is not a docs:check --json report: not a regular file \(a FIFO\)$/,
    )
  })
})
