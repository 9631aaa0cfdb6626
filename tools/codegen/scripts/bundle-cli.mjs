#!/usr/bin/env node
// The last step of `build`: dist/cli.js and every workspace module it imports
// (spec-tools, the runtimes' few files, js-yaml), about ninety ES modules,
// bundled into dist/cli.bundle.js, which bin/zr-codegen.js starts. Node loads
// each module of an unbundled run on its own (resolve, read, compile, link):
// about a tenth of a second of a regeneration that takes half a second
// (measured with tools/codegen/bench/regenerate.mjs). The source keeps its
// small files; only the start changes.
//
// Also written: dist/cli.bundle.inputs.json, every file the bundle was made
// from, each with the SHA-256 of the text bundled. The bin starts the bundle
// while every input is either not newer than it or, newer, still that text
// (tsc rewrites every output of a build, changed or not), and dist/cli.js
// otherwise (an input that changed since: a workspace package rebuilt from
// other source, say).
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, '..', 'dist')
const outfile = join(dist, 'cli.bundle.js')

// Loaded from node_modules at run time, as before: their own loading is lazy
// already (openapi-typescript on a worker, only when our printer refuses a
// document; ajv only for an extension value the quick check cannot pass), or
// they are not JavaScript (biome's native binary).
const external = ['openapi-typescript', 'typescript', 'ajv', 'ajv-formats', 'ajv/*', '@biomejs/biome']

/**
 * A bundled module that finds files from its own location (`createRequire(import.meta.url)`,
 * to load ajv lazily, say) would look from dist/cli.bundle.js instead, where its own package's
 * dependencies are not installed (pnpm installs a package's dependencies beside it only). In a
 * workspace package's file, `import.meta.url` becomes that file's URL found at run time from
 * the package's entry point as this package resolves it: right wherever the repository is.
 */
const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, async (args) => {
      const bytes = await readFile(args.path)
      hashes.set(args.path, createHash('sha256').update(bytes).digest('hex'))
      const text = bytes.toString('utf8')
      const owner = text.includes('import.meta.url') ? workspacePackage(args.path) : undefined
      if (!owner) return { contents: text, loader: 'js' }
      const sub = relative(dirname(owner.entry), args.path).split(sep).join('/')
      const url = `__zrFileUrl(${JSON.stringify(owner.name)}, ${JSON.stringify(sub)})`
      return { contents: text.replaceAll('import.meta.url', url), loader: 'js' }
    })
  },
}

/** Absolute path of each file read into the bundle -> the SHA-256 of the text read. */
const hashes = new Map()

const root = join(here, '..', '..', '..')
const resolveHere = createRequire(join(here, '..', 'package.json'))

/** The workspace package (other than this one) a file belongs to: its name and its entry point's path. */
function workspacePackage(path) {
  const match = /^(tools|packages|specs)\/([^/]+)\//.exec(relative(root, path).split(sep).join('/'))
  if (!match || (match[1] === 'tools' && match[2] === 'codegen')) return undefined
  const { name } = JSON.parse(readFileSync(join(root, match[1], match[2], 'package.json'), 'utf8'))
  // Throws (and the build fails, naming the package) if this package cannot resolve it.
  return { name, entry: resolveHere.resolve(name) }
}

// `__zrFileUrl(name, sub)`: the URL of `sub`, a path from the folder of package `name`'s entry point.
const banner = `import { createRequire as __zrCreateRequire } from 'node:module'
import { dirname as __zrDirname, join as __zrJoin } from 'node:path'
import { pathToFileURL as __zrPathToFileURL } from 'node:url'
const __zrRequire = __zrCreateRequire(import.meta.url)
function __zrFileUrl(name, sub) {
  return __zrPathToFileURL(__zrJoin(__zrDirname(__zrRequire.resolve(name)), sub)).href
}`

const result = await build({
  absWorkingDir: join(here, '..'),
  entryPoints: [join(dist, 'cli.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  plugins: [ownLocation],
  banner: { js: banner },
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
})

const inputs = Object.keys(result.metafile.inputs).map((p) => {
  const sha256 = hashes.get(join(here, '..', p))
  // Every input goes through the plugin above; one that did not would have no text to compare.
  if (!sha256) throw new Error(`bundle-cli: ${p} was bundled without passing through the own-location plugin`)
  return {
    path: relative(dist, join(here, '..', p))
      .split(sep)
      .join('/'),
    sha256,
  }
})
inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
writeFileSync(join(dist, 'cli.bundle.inputs.json'), `${JSON.stringify(inputs, null, 2)}\n`)
