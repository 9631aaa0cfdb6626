import { join, resolve } from 'node:path'
import { buildService, findRoot, findServices, type OperationModel, SpecProblems } from '@zenlayer-reset/codegen'
import { reasonOf } from './bounded-file.js'
import { catalogUrl } from './catalog/catalog-url.js'
import { escapeControls } from './echo.js'
import { bareFacts } from './facts.js'
import { fetchPages } from './fetch-pages.js'
import { readPageFiles } from './page-files.js'
import { type Record_, RecordError, readRecord, recordKey, writeRecord } from './record.js'
import { jsonReport } from './report/json.js'
import { textReport } from './report/text.js'
import { type CheckRun, checkPages, exitCode } from './run.js'
import { savePages } from './save-pages.js'
import { specProse } from './spec/spec-prose.js'

export { readPageFiles } from './page-files.js'
export { savePages } from './save-pages.js'

/** A line to stderr, escaped: it can quote a file name or a spec. */
function warn(line: string): void {
  console.error(escapeControls(`zr-docs: ${line}`))
}

export const USAGE = `usage: zr-docs [--json] [--fetch] [--full] [--record] [--verbose] [--timeout <s>] [FILE|DIR ...]
       zr-docs --spec
  Compares the vendor's two witnesses, its documentation pages and its YAML catalog, with the
  specs and with each other, fact by fact; and the specs' descriptions with their own schemas.
  FILE|DIR     GitBook markdown pages (*.md) and catalog files (*.yaml, *.yml); in a directory and
               its subdirectories every one of them but README.md
  --fetch      read the live witnesses instead: each operation's externalDocs URL + .md, and its
               catalog file in github.com/zenlayer/zenlayercloud-cli (apis/en-US/<service>/<action>.yaml)
  --spec       only the specs' descriptions against their schemas (no witnesses)
  --json       the findings as JSON on stdout
  --full       compare every witness, even one unchanged since it was reconciled
  --record     remember the witnesses found in sync as reconciled (specs/vendor-pages.json)
  --verbose    list every fact, also those that agree or that only the spec states
  --timeout s  per file, with --fetch (default 20)
  --save dir   with --fetch, also write each file read to dir (for --record from the same versions)
exit: 0 in sync (accepted departures allowed), 1 drift, 2 a witness could not be read, parsed or matched`

interface Args {
  json: boolean
  fetch: boolean
  full: boolean
  record: boolean
  verbose: boolean
  spec: boolean
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
    spec: false,
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
    else if (flag === '--spec') args.spec = true
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
  if (args.spec && (args.fetch || args.paths.length > 0 || args.record))
    return '--spec reads only the specs: no FILE|DIR, --fetch or --record with it'
  if (args.fetch && args.paths.length > 0) return 'give pages as files or --fetch, not both'
  if (!args.fetch && !args.spec && args.paths.length === 0)
    return 'no pages: give FILE|DIR arguments (pages, catalog files), or --fetch for the live ones'
  if (args.save && !args.fetch) return '--save keeps the pages --fetch reads; without --fetch there is nothing to save'
  return args
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE)
    return 0
  }
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    console.error(`${escapeControls(`zr-docs: ${args}`)}\n${USAGE}`)
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
    for (const p of problems) warn(p)
    return 2
  }
  const recordFile = join(root, 'specs', 'vendor-pages.json')
  let record: Record_
  try {
    record = readRecord(recordFile)
  } catch (error) {
    if (!(error instanceof RecordError)) throw error
    warn(error.message)
    return 2
  }
  const input = args.spec
    ? { pages: [], failures: [] }
    : args.fetch
      ? await fetchPages(operations, { timeoutMs: args.timeoutMs })
      : readPageFiles(args.paths)
  const saved = args.save ? savePages(args.save, input.pages) : []
  const checked = checkPages(input.pages, { operations, root, record, full: args.full })
  const run: CheckRun = {
    ...checked,
    failures: [...input.failures, ...saved, ...checked.failures],
    specProse: specProse(operations, root),
  }
  const code = exitCode(run)
  console.log(args.json ? jsonReport(run, code) : textReport(run, { verbose: args.verbose }))
  if (args.record) return recordRun(run, record, recordFile) ?? code
  return code
}

/**
 * --record: remembers the witnesses that do not drift (a witness that
 * disagrees with another without a decision drifts), keeping the hand-kept
 * "uncovered" and "notRead"; 2 when the record cannot be written.
 */
function recordRun(run: CheckRun, record: Record_, recordFile: string): number | undefined {
  const pages = { ...record.pages }
  const catalog = { ...record.catalog }
  const kept: string[] = []
  const disagreeing = new Set(
    (run.disagreements ?? []).filter((f) => f.verdict === 'drift').map((f) => recordKey(f.service, f.action)),
  )
  for (const r of run.results) {
    const key = recordKey(r.service, r.action)
    if (r.verdict === 'drift' || disagreeing.has(key)) continue
    const entry = {
      url: r.witness === 'catalog' ? catalogUrl(r.service, r.action) : r.docsUrl,
      pageSha256: r.pageSha256,
      specSha256: r.specSha256,
      facts: bareFacts(r.pageFacts),
    }
    if (r.witness === 'catalog') catalog[key] = entry
    else pages[key] = entry
    kept.push(`${r.service} ${r.action} (${r.witness})`)
  }
  try {
    writeRecord(recordFile, { ...record, pages, catalog })
  } catch (error) {
    warn(`${recordFile}: cannot write the record (${reasonOf(error)})`)
    return 2
  }
  const skipped = run.results
    .filter((r) => r.verdict === 'drift' || disagreeing.has(recordKey(r.service, r.action)))
    .map((r) => `${r.service} ${r.action} (${r.witness})`)
  warn(
    `recorded ${kept.length} witness(es) as reconciled${kept.length ? ` (${kept.join(', ')})` : ''}${skipped.length ? `; not ${skipped.join(', ')}, which drift` : ''}`,
  )
  return undefined
}
