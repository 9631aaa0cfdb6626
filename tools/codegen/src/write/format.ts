import { spawn } from 'node:child_process'
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Formatter } from '../target.js'
import { mark } from '../timing.js'
import { biomeExecutable } from './biome-binary.js'
import { FormatCache, fileIdentity } from './format-cache.js'

const FORMATTED = /\.(ts|js|mjs|json|md)$/
// JSON Schema output is data, written as JSON.stringify leaves it (and skipped by biome.json):
// formatting hundreds of such files would cost more than the rest of a large run.
const UNFORMATTED = /\/json-schema\//

/**
 * Formats generated files (and sorts their imports) with the repo's own biome
 * configuration, in biome runs over a scratch folder, so that generated
 * code reads like the rest of the repo and `biome ci` passes on it. `files`
 * maps repo-relative paths to contents; the result has the same keys. With
 * `cache` (a regeneration that writes), a file whose text biome formatted
 * before into what is on disk now is taken from the disk (format-cache.ts),
 * and what biome makes of the others is recorded.
 */
export async function formatFiles(
  repoRoot: string,
  files: ReadonlyMap<string, string>,
  options: FormatOptions = {},
): Promise<Map<string, string>> {
  const targets = [...files.keys()].filter((p) => FORMATTED.test(p) && !UNFORMATTED.test(p))
  const config = readFileSync(join(repoRoot, 'biome.json'), 'utf8')
  const cache = options.cache
    ? new FormatCache(repoRoot, [
        String(FORMAT_PASSES),
        fileIdentity(biomeExecutable()),
        config,
        ...ARGS,
        CHAIN.source,
        SECOND_PASS,
      ])
    : undefined
  const result = new Map(files)
  const todo = cache ? targets.filter((p) => !reuse(cache, result, p, files.get(p) ?? '')) : targets
  mark(`format: ${targets.length - todo.length} files as formatted before, ${todo.length} to format`)
  if (todo.length > 0) {
    for (const [path, content] of await runBiomes(config, todo, files)) {
      result.set(path, content)
      cache?.record(path, files.get(path) ?? '', content)
    }
  }
  cache?.save()
  return result
}

/** What of a run the cache knows: the file as on disk, set in `result`; false when biome must format it. */
function reuse(cache: FormatCache, result: Map<string, string>, path: string, raw: string): boolean {
  const onDisk = cache.formattedOnDisk(path, raw)
  if (onDisk === undefined) return false
  result.set(path, onDisk)
  return true
}

/** `paths` (keys of `files`) formatted by biome with configuration `config`, in a scratch folder. */
async function runBiomes(
  config: string,
  paths: readonly string[],
  files: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const scratch = mkdtempSync(join(scratchRoot(), 'zr-codegen-'))
  try {
    writeFileSync(join(scratch, 'biome.json'), config)
    // Only the files biome formats go through the scratch folder; the others come back as they are.
    const made = new Set<string>()
    for (const path of paths) {
      const dir = dirname(join(scratch, path))
      if (!made.has(dir)) mkdirSync(dir, { recursive: true })
      made.add(dir)
      writeFileSync(join(scratch, path), files.get(path) ?? '')
    }
    // biome's layout of a long member chain ending in `.check(...)` (zod/mini schemas) changes on a second
    // pass, and `biome ci` checks the committed files against one more pass: those files get it. They are
    // formatted in a run of their own, beside the run for every other file, so that their second pass
    // overlaps it instead of following it. (`.check` as the raw text has it: formatting adds no member access.)
    const chains = paths.filter((p) => p.endsWith('.ts') && CHAIN.test(files.get(p) ?? ''))
    const others = paths.filter((p) => !chains.includes(p))
    await Promise.all([
      runBiome(others, scratch),
      runBiome(chains, scratch).then(() =>
        runBiome(
          chains.filter((p) => readFileSync(join(scratch, p), 'utf8').includes(SECOND_PASS)),
          scratch,
        ),
      ),
    ])
    return new Map(paths.map((path) => [path, readFileSync(join(scratch, path), 'utf8')]))
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/**
 * Where the scratch folder goes: memory (/dev/shm) where Linux has it, since
 * creating and removing a hundred small files on a disk costs tens of
 * milliseconds; the system's temporary folder otherwise.
 */
function scratchRoot(): string {
  if (process.platform === 'linux') {
    try {
      accessSync(SHM, constants.W_OK)
      if (statSync(SHM).isDirectory()) return SHM
    } catch {
      // No writable /dev/shm: the disk it is.
    }
  }
  return tmpdir()
}

const SHM = '/dev/shm'
const CHAIN = /\.\s*check\b/
/** A chain file whose first pass left this in it gets a second pass. */
const SECOND_PASS = ').check('
/** Bump when formatFiles changes what it makes of a text other than through the constants above (format-cache.ts). */
const FORMAT_PASSES = 2
const ARGS = ['check', '--write', '--linter-enabled=false', '--vcs-enabled=false', '--files-ignore-unknown=true']

/** One biome run over `paths` (relative to the scratch folder); nothing to do for none. */
async function runBiome(paths: readonly string[], scratch: string): Promise<void> {
  if (paths.length === 0) return
  mark(`biome start (${paths.length} files)`)
  const run = await runProcess(biomeExecutable(), [...ARGS, ...paths], scratch)
  mark(`biome end (${paths.length} files)`)
  if (run.status !== 0) throw new Error(`biome could not format the generated files:\n${run.output}`)
}

/** Runs a process without blocking the event loop, so that formatting overlaps other work. */
function runProcess(command: string, args: string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd })
    let output = ''
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString()
    })
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, output }))
  })
}

export interface FormatOptions {
  /** Take a file biome formatted before from the disk, and record what biome makes of the others (format-cache.ts). */
  readonly cache?: boolean
}

/** The formatter of the TypeScript targets: the repo's biome configuration. */
export const biomeFormatter: Formatter = { id: 'biome', format: formatFiles }
