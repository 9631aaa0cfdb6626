import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildService, findRoot, findServices, type OperationModel, SpecProblems } from '@zenlayer-reset/codegen'
import { bareFacts } from './facts.js'
import { fetchPages } from './fetch-pages.js'
import { readRecord, recordKey, writeRecord } from './record.js'
import { jsonReport } from './report/json.js'
import { textReport } from './report/text.js'
import { type CheckRun, checkPages, exitCode, type PageFailure, type PageInput } from './run.js'

export const USAGE = `usage: zr-docs [--json] [--fetch] [--full] [--record] [--verbose] [--timeout <s>] [FILE|DIR ...]
  Compares the vendor's documentation pages with the specs, fact by fact.
  FILE|DIR     GitBook markdown pages; in a directory every *.md but README.md
  --fetch      read the live pages instead: each operation's externalDocs URL + .md
  --json       the findings as JSON on stdout
  --full       compare every page, even one unchanged since it was reconciled
  --record     remember the pages found in sync as reconciled (specs/vendor-pages.json)
  --verbose    list every fact, also those that agree or that only the spec states
  --timeout s  per page, with --fetch (default 20)
  --save dir   with --fetch, also write each page read to dir (for --record from the same versions)
exit: 0 in sync (accepted departures allowed), 1 drift, 2 a page could not be read, parsed or matched`

interface Args {
  json: boolean
  fetch: boolean
  full: boolean
  record: boolean
  verbose: boolean
  timeoutMs: number
  root: string | undefined
  save: string | undefined
  paths: string[]
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = {
    json: false,
    fetch: false,
    full: false,
    record: false,
    verbose: false,
    timeoutMs: 20_000,
    root: undefined,
    save: undefined,
    paths: [],
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = (): string | undefined => inline ?? argv[++i]
    if (flag === '--json') args.json = true
    else if (flag === '--fetch') args.fetch = true
    else if (flag === '--full') args.full = true
    else if (flag === '--record') args.record = true
    else if (flag === '--verbose' || flag === '-v') args.verbose = true
    else if (flag === '--timeout') {
      const s = Number(value())
      if (!Number.isFinite(s) || s <= 0 || s > 600)
        return '--timeout needs a number of seconds, more than 0 and at most 600'
      args.timeoutMs = Math.round(s * 1000)
    } else if (flag === '--save') {
      const v = value()
      if (!v) return '--save needs a directory'
      args.save = v
    } else if (flag === '--root') {
      const v = value()
      if (!v) return '--root needs a directory'
      args.root = v
    } else if (arg.startsWith('-')) return `unknown option ${arg}`
    else args.paths.push(arg)
  }
  if (args.fetch && args.paths.length > 0) return 'give pages as files or --fetch, not both'
  if (!args.fetch && args.paths.length === 0) return 'no pages: give FILE|DIR arguments, or --fetch for the live pages'
  if (args.save && !args.fetch) return '--save keeps the pages --fetch reads; without --fetch there is nothing to save'
  return args
}

/** The pages named on the command line; a path that is neither a file nor a directory is a failure. */
export function readPageFiles(paths: readonly string[]): { pages: PageInput[]; failures: PageFailure[] } {
  const pages: PageInput[] = []
  const failures: PageFailure[] = []
  for (const path of paths) {
    if (!existsSync(path)) {
      failures.push({ page: path, problem: `${path}: no such file or directory` })
      continue
    }
    const files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.toLowerCase().endsWith('.md') && f.toLowerCase() !== 'readme.md')
          .sort()
          .map((f) => join(path, f))
      : [path]
    if (files.length === 0) failures.push({ page: path, problem: `${path}: no *.md pages in this directory` })
    for (const file of files) pages.push({ name: file, markdown: readFileSync(file, 'utf8') })
  }
  return { pages, failures }
}

/** Writes fetched pages as `<service>-<section>-<page>.md`, named from their address. */
export function savePages(dir: string, pages: readonly PageInput[]): void {
  mkdirSync(dir, { recursive: true })
  for (const page of pages) {
    const path = new URL(page.url ?? page.name).pathname.replace(/\.md$/, '')
    const slug = path.split('/compute/')[1] ?? path
    writeFileSync(join(dir, `${slug.split('/').filter(Boolean).join('-')}.md`), page.markdown)
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE)
    return 0
  }
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    console.error(`zr-docs: ${args}\n${USAGE}`)
    return 2
  }
  let operations: OperationModel[]
  let root: string
  try {
    root = resolve(args.root ?? findRoot(process.cwd()))
    operations = findServices(root).flatMap(
      (s) => buildService(join(root, 'specs', s, 'openapi.yaml'), root).operations,
    )
  } catch (error) {
    const problems = error instanceof SpecProblems ? error.problems.map((p) => p.message) : [(error as Error).message]
    for (const p of problems) console.error(`zr-docs: ${p}`)
    return 2
  }
  const input = args.fetch ? await fetchPages(operations, { timeoutMs: args.timeoutMs }) : readPageFiles(args.paths)
  if (args.save) savePages(args.save, input.pages)
  const recordFile = join(root, 'specs', 'vendor-pages.json')
  const record = readRecord(recordFile)
  const checked = checkPages(input.pages, { operations, root, record, full: args.full })
  const run: CheckRun = { results: checked.results, failures: [...input.failures, ...checked.failures] }
  const code = exitCode(run)
  console.log(args.json ? jsonReport(run, code) : textReport(run, { verbose: args.verbose }))
  if (args.record) {
    const pages = { ...record.pages }
    const kept: string[] = []
    for (const r of run.results) {
      if (r.verdict === 'drift') continue
      pages[recordKey(r.service, r.action)] = {
        url: r.docsUrl,
        pageSha256: r.pageSha256,
        specSha256: r.specSha256,
        facts: bareFacts(r.pageFacts),
      }
      kept.push(`${r.service} ${r.action}`)
    }
    writeRecord(recordFile, { pages })
    const skipped = run.results.filter((r) => r.verdict === 'drift').map((r) => `${r.service} ${r.action}`)
    console.error(
      `zr-docs: recorded ${kept.length} page(s) as reconciled${kept.length ? ` (${kept.join(', ')})` : ''}${skipped.length ? `; not ${skipped.join(', ')}, which drift` : ''}`,
    )
  }
  return code
}
