#!/usr/bin/env node
// Lints the publishable packages as npm users get them: each is packed
// (pack.mjs), and its tarball is checked by
// - publint, strict (its warnings are errors; suggestions are printed only):
//   package.json fields, exports and the files they name, formats;
// - arethetypeswrong (@arethetypeswrong/core): TypeScript finds each entry
//   point's types and they describe its JavaScript. The packages are ES
//   modules only (Node 20.19+, which can also require() them), so, as
//   `attw --profile esm-only` does, findings that only concern the node10 and
//   node16 CommonJS resolution modes are listed but not counted;
// - what it ships: every .map names sources the package ships too (or embeds
//   them, sourcesContent), every sourceMappingURL names a shipped map, a
//   LICENSE holds the text of the license the manifest names, and a README;
//   a manifest without repository, homepage, bugs or keywords is a note.
// `node tools/ci/lint-packages.mjs [package-folder...]`: without folders, every
// publishable package (pack.mjs). Builds nothing: run it after the build.
// Exit 1 on any counted finding, 2 when nothing could be packed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, resolve } from 'node:path'
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core'
import { problemAffectsResolutionKind, problemKindInfo } from '@arethetypeswrong/core/problems'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { pack, publishableDirs } from './pack.mjs'

const RESOLUTION_KINDS = ['node10', 'node16-cjs', 'node16-esm', 'bundler']
/** What an ES-module-only package does not support (attw's esm-only profile). */
const NOT_SUPPORTED = new Set(['node10', 'node16-cjs'])

async function lintPublint(bytes) {
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true })
  const text = (m) => `publint ${m.code}: ${formatMessage(m, pkg, { color: false }) ?? m.path.join('.')}`
  return {
    errors: messages.filter((m) => m.type !== 'suggestion').map(text),
    notes: messages.filter((m) => m.type === 'suggestion').map(text),
  }
}

function describeProblem(problem, kinds) {
  const where = problem.entrypoint ?? problem.typesFileName ?? problem.fileName ?? ''
  const info = problemKindInfo[problem.kind]
  return `attw ${problem.kind} at ${where} (${kinds.join(', ') || 'no resolution mode'}): ${info?.description ?? ''}`
}

/** `NoResolution (node10) x2`: the findings not counted, by kind. */
function summarise(ignored) {
  const counts = new Map()
  for (const { problem, kinds } of ignored) {
    const key = `${problem.kind} (${kinds.join(', ')})`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([key, n]) => `${key} x${n}`).join(', ')
}

/**
 * What the tarball holds beyond what publint and attw look at: source maps
 * whose sources are shipped (or embedded), a LICENSE for the license the
 * manifest names, a README. Errors; missing links to the repository are notes.
 */
function lintContents(pkg) {
  const dir = `/node_modules/${pkg.packageName}/`
  const files = pkg.listFiles().map((f) => f.slice(dir.length))
  const shipped = new Set(files)
  const errors = []
  const missingSources = new Set()
  const badMaps = []
  for (const file of files) {
    if (file.endsWith('.map')) {
      let map
      try {
        map = JSON.parse(pkg.readFile(dir + file))
      } catch {
        errors.push(`source map ${file} is not JSON`)
        continue
      }
      const base = posix.join(posix.dirname(file), map.sourceRoot ?? '')
      ;(map.sources ?? []).forEach((source, i) => {
        const path = posix.join(base, source)
        if (typeof map.sourcesContent?.[i] !== 'string' && !shipped.has(path)) {
          missingSources.add(path)
          badMaps.push(file)
        }
      })
    } else if (/\.(c|m)?js$|\.d\.(c|m)?ts$/.test(file)) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(pkg.readFile(dir + file))?.[1]
      if (url && !url.startsWith('data:') && !shipped.has(posix.join(posix.dirname(file), url))) {
        errors.push(`${file} points at ${url}, which the package does not ship`)
      }
    }
  }
  if (missingSources.size > 0) {
    errors.push(
      `${badMaps.length} source maps name ${missingSources.size} sources the package does not ship (${[...missingSources].sort().join(', ')}): ship them ("files") or embed them (inlineSources)`,
    )
  }
  const manifest = JSON.parse(pkg.readFile(`${dir}package.json`))
  if (manifest.license && !files.some((f) => /^licen[cs]e(\.\w+)?$/i.test(f))) {
    errors.push(`license is ${manifest.license}, but the package ships no LICENSE file with its text`)
  }
  if (!files.some((f) => /^readme(\.\w+)?$/i.test(f))) errors.push('the package ships no README')
  const notes = ['repository', 'homepage', 'bugs', 'keywords']
    .filter((field) => manifest[field] === undefined)
    .map((field) => `package.json has no "${field}" (npm shows it on the package page)`)
  return { errors, notes }
}

async function lintAttw(bytes) {
  const pkg = createPackageFromTarballData(new Uint8Array(bytes))
  const analysis = await checkPackage(pkg)
  const { errors, notes } = lintContents(pkg)
  if (analysis.types === false) return { errors: [...errors, 'attw: the package ships no types'], notes, ignored: [] }
  const ignored = []
  for (const problem of analysis.problems) {
    const kinds = RESOLUTION_KINDS.filter((k) => problemAffectsResolutionKind(problem, k, analysis))
    if (kinds.length > 0 && kinds.every((k) => NOT_SUPPORTED.has(k))) ignored.push({ problem, kinds })
    else errors.push(describeProblem(problem, kinds))
  }
  return { errors, notes, ignored, entrypoints: Object.keys(analysis.entrypoints).length }
}

/** Every finding for one tarball: `errors` fail the lint; `notes` (publint's suggestions) and `ignored` are shown. */
async function lintTarball(path) {
  const bytes = readFileSync(path)
  const [a, b] = await Promise.all([lintPublint(bytes), lintAttw(bytes)])
  return {
    errors: [...a.errors, ...b.errors],
    notes: [...a.notes, ...b.notes],
    ignored: b.ignored,
    entrypoints: b.entrypoints ?? 0,
  }
}

const args = process.argv.slice(2)
const dirs = args.length > 0 ? args.map((a) => resolve(a)) : publishableDirs()
const scratch = mkdtempSync(join(tmpdir(), 'zenlayer-reset-lint-'))
let failed = 0
try {
  const packed = pack(dirs, scratch)
  if (packed.length === 0) {
    console.log('no publishable package found')
    process.exitCode = 2
  }
  for (const { name, version, tarball } of packed) {
    const { errors, notes, ignored, entrypoints } = await lintTarball(tarball)
    const verdict = errors.length === 0 ? 'ok' : `${errors.length} error${errors.length === 1 ? '' : 's'}`
    console.log(`${name}@${version}: ${verdict} (${entrypoints} entry points)`)
    for (const e of errors) console.log(`  ERROR ${e}`)
    for (const n of notes) console.log(`  note ${n}`)
    if (ignored.length > 0) console.log(`  not counted (ES modules only): ${summarise(ignored)}`)
    if (errors.length > 0) failed += 1
  }
  console.log(`linted ${packed.length} packed packages with publint and arethetypeswrong: ${failed} failed`)
  if (failed > 0) process.exitCode = 1
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
