// The witnesses named on the command line: files, and in folders the *.md
// pages and the *.yaml / *.yml catalog files, subfolders included (the
// catalog keeps one folder per product). Anything that goes wrong with one
// path (missing, unreadable, not a regular file, too large) is a failure
// naming it, one line, exit 2 (issue 26, item 9).
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { FileProblem, MAX_PAGE_BYTES, readBoundedFile, reasonOf } from './bounded-file.js'
import type { PageFailure, PageInput } from './run.js'

/** Subfolders deeper than this are not searched; the catalog is two deep. */
const MAX_DEPTH = 4
/** More files than any vendor folder holds; a folder with more is a mistake, not a catalog. */
const MAX_FILES = 2_000

const isWitness = (f: string): boolean => {
  const name = f.toLowerCase()
  return (name.endsWith('.md') && name !== 'readme.md') || name.endsWith('.yaml') || name.endsWith('.yml')
}

/**
 * The files a path names: itself, or the witnesses of the folder it is, sorted.
 * Links to folders and hidden entries are not followed: a folder is searched,
 * not what it points to.
 */
function filesOf(path: string, depth = 0, found: string[] = []): string[] {
  if (depth === 0 && !statSync(path).isDirectory()) return [path]
  for (const entry of readdirSync(path).sort()) {
    if (entry.startsWith('.')) continue
    const full = join(path, entry)
    const stats = lstatSync(full)
    // Anything named like a witness is read, and refused there if it is not a regular file (a FIFO, a link to a device).
    if (isWitness(entry)) found.push(full)
    else if (stats.isDirectory() && depth < MAX_DEPTH) filesOf(full, depth + 1, found)
    if (found.length > MAX_FILES) throw new Error(`more than ${MAX_FILES} files`)
  }
  return found
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
    if (files.length === 0)
      failures.push({ page: path, problem: `${path}: no *.md pages or *.yaml catalog files in this directory` })
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
