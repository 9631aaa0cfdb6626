// The pages named on the command line: files, and the *.md pages of folders.
// Anything that goes wrong with one path (missing, unreadable, not a regular
// file, too large) is a failure naming it, one line, exit 2 (issue 26, item 9).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { FileProblem, MAX_PAGE_BYTES, readBoundedFile, reasonOf } from './bounded-file.js'
import type { PageFailure, PageInput } from './run.js'

/** The files a path names: itself, or the pages of the folder it is. */
function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path)
    .filter((f) => f.toLowerCase().endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => join(path, f))
}

export function readPageFiles(paths: readonly string[]): { pages: PageInput[]; failures: PageFailure[] } {
  const pages: PageInput[] = []
  const failures: PageFailure[] = []
  for (const path of paths) {
    if (!existsSync(path)) {
      failures.push({ page: path, problem: `${path}: no such file or directory` })
      continue
    }
    let files: string[]
    try {
      files = filesOf(path)
    } catch (error) {
      failures.push({ page: path, problem: `${path}: cannot read (${reasonOf(error)})` })
      continue
    }
    if (files.length === 0) failures.push({ page: path, problem: `${path}: no *.md pages in this directory` })
    for (const file of files) {
      try {
        pages.push({ name: file, markdown: readBoundedFile(file, MAX_PAGE_BYTES) })
      } catch (error) {
        if (!(error instanceof FileProblem)) throw error
        failures.push({ page: file, problem: `${file}: ${error.message}` })
      }
    }
  }
  return { pages, failures }
}
