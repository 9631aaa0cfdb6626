// `--save`: the pages --fetch read, written to a folder so that --record can
// later remember those exact versions. A page that cannot be written is a
// failure of the run (exit 2), one line naming the file.
import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { reasonOf } from './bounded-file.js'
import { type PageFailure, type PageInput, witnessOf } from './run.js'

/** `<service>-<section>-<page>.md` from a page's address; `catalog-<service>-<action>.yaml` from a catalog file's. */
function fileName(page: PageInput): string {
  if (witnessOf(page) === 'catalog') {
    const parts = new URL(page.url ?? page.name).pathname.split('/').filter(Boolean)
    return `catalog-${parts.slice(-2).join('-')}`
  }
  const path = new URL(page.url ?? page.name).pathname.replace(/\.md$/, '')
  const slug = path.split('/compute/')[1] ?? path
  return `${slug.split('/').filter(Boolean).join('-')}.md`
}

/**
 * Writes `text` as `dir/name` without following anything already there. The
 * folder may hold a symlink planted under a page's name (issue 26, item 10):
 * writing to that name would write through the link, to a file outside the
 * folder. So the text goes to a new file of a random name, created with `wx`
 * (O_CREAT|O_EXCL, which fails on any existing entry, a link included, and
 * never follows one), and is renamed over the name: rename replaces the entry
 * itself, a link included, never the file a link points to. Unlinking first
 * and then creating would leave a moment for a new link to be planted; the
 * rename also means a reader never sees half a page.
 */
function writeInside(dir: string, name: string, text: string): void {
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temp, text, { flag: 'wx', mode: 0o644 })
    renameSync(temp, join(dir, name))
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

export function savePages(dir: string, pages: readonly PageInput[]): PageFailure[] {
  try {
    mkdirSync(dir, { recursive: true })
  } catch (error) {
    return [{ page: dir, problem: `--save ${dir}: cannot write the folder (${reasonOf(error)})` }]
  }
  const failures: PageFailure[] = []
  for (const page of pages) {
    let name = page.name
    try {
      name = fileName(page)
      writeInside(dir, name, page.markdown)
    } catch (error) {
      const file = join(dir, name)
      failures.push({ page: file, problem: `--save ${file}: cannot write (${reasonOf(error)})` })
    }
  }
  return failures
}
