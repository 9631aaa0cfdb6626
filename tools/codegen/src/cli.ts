import { SpecError } from '@zenlayer-reset/spec-tools'
import { generate } from './generate.js'
import { SpecProblems } from './model/build-service.js'
import { findRoot } from './repo-root.js'
import { mark, printMarks } from './timing.js'

const USAGE = `usage: zr-codegen [--check] [--no-cache] [--package <service>-<kind>]... [--root <repo>]
       zr-codegen diff [--base <git-ref>] [--json] [--root <repo>]
       zr-codegen changeset [--base <git-ref>] [--root <repo>]
       zr-codegen changeset-check [--base <git-ref>] [--root <repo>]
  regenerates the client, validator and mock packages from specs/*/openapi.yaml
  --check          write nothing; exit 1 and name every file that would change (formats every file)
  --no-cache       format every file, none taken from the disk as formatted before
                   (node_modules/.cache/zr-codegen: what biome made of each file last time)
  diff             each spec change since <git-ref> (default HEAD) with its class, rule and packages
  changeset        write one .changeset/*.md for the changes since <git-ref> (default HEAD)
  changeset-check  exit 1 unless every generated package changed since <git-ref> (default: the
                   last release) has a pending changeset with at least the bump its changes need`

const SUBCOMMANDS = new Set(['diff', 'changeset', 'changeset-check'])

async function subcommand(name: string, argv: readonly string[]): Promise<number> {
  let base: string | undefined
  let json = false
  let root: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--base' && argv[i + 1]) base = argv[++i]
    else if (arg?.startsWith('--base=')) base = arg.slice('--base='.length)
    else if (arg === '--json' && name === 'diff') json = true
    else if (arg === '--root' && argv[i + 1]) root = argv[++i]
    else {
      console.error(`zr-codegen ${name}: unknown argument ${arg}\n${USAGE}`)
      return 2
    }
  }
  try {
    // Loaded only for these commands: a regeneration needs none of the classifier's modules.
    const { checkChangesets, classifySince, diffJson, diffLines, writeSpecChangeset } = await import(
      './diff/commands.js'
    )
    const repo = root ?? findRoot(process.cwd())
    if (name === 'diff') {
      const result = classifySince(repo, base ?? 'HEAD')
      console.log(json ? diffJson(result) : diffLines(result).join('\n'))
      return 0
    }
    if (name === 'changeset') {
      const written = writeSpecChangeset(repo, base ?? 'HEAD')
      console.log(
        written
          ? `zr-codegen changeset: wrote ${written.file}\n\n${written.text}`
          : 'zr-codegen changeset: no generated package changed; no changeset written',
      )
      return 0
    }
    const gate = checkChangesets(repo, base)
    for (const m of gate.missing) {
      console.error(
        `zr-codegen changeset-check: ${m.pkg} needs a ${m.need} changeset (pending: ${m.have ?? 'none'}), because: ${m.because.join('; ') || 'its generated files changed'}`,
      )
    }
    const summary = [...gate.required].map(([p, b]) => `${p} ${b}`).join(', ') || 'none'
    console.log(
      `zr-codegen changeset-check: since ${gate.base.slice(0, 12)}, required: ${summary}; ${gate.missing.length} missing`,
    )
    if (gate.missing.length > 0)
      console.error('Run `npm run generate -- --changeset` (or `npm run changeset`) and commit the changeset.')
    return gate.missing.length > 0 ? 1 : 0
  } catch (error) {
    const problems = error instanceof SpecProblems ? error.problems.map((p) => p.message) : [(error as Error).message]
    for (const p of problems) console.error(`zr-codegen ${name}: ${p}`)
    return 2
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] && SUBCOMMANDS.has(argv[0])) return subcommand(argv[0], argv.slice(1))
  let check = false
  let cache = true
  let root: string | undefined
  const packages: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--check') check = true
    else if (arg === '--no-cache') cache = false
    else if (arg === '--package' && argv[i + 1]) packages.push(argv[++i] as string)
    else if (arg === '--root' && argv[i + 1]) root = argv[++i]
    else {
      console.error(USAGE)
      return 2
    }
  }
  const started = performance.now()
  mark('main')
  try {
    const results = await generate({
      repoRoot: root ?? findRoot(process.cwd()),
      packages,
      check,
      formatCache: cache && !check,
    })
    let dirty = 0
    for (const r of results) {
      const touched = [...r.changed, ...r.stale.map((s) => `${s} (stale)`)]
      if (touched.length === 0) {
        console.log(`${r.dir}: unchanged`)
        continue
      }
      dirty += 1
      const verb = check ? 'would change' : 'changed'
      console.log(`${r.dir}: ${verb} ${touched.length} file${touched.length === 1 ? '' : 's'}`)
      for (const t of touched) console.log(`  ${t}`)
    }
    const ms = Math.round(performance.now() - started)
    if (check && dirty > 0) {
      console.error(
        `zr-codegen --check: ${dirty} package(s) differ from the specs; run \`npm run generate\` and commit.`,
      )
      return 1
    }
    console.log(`zr-codegen: ${results.length} package(s), ${dirty} changed, ${ms} ms`)
    printMarks()
    return 0
  } catch (error) {
    if (error instanceof SpecProblems) {
      for (const p of error.problems) console.error(`zr-codegen: ${p.message}`)
      console.error('zr-codegen: nothing was written.')
      return 1
    }
    if (error instanceof SpecError) {
      console.error(`zr-codegen: ${error.message}\nzr-codegen: nothing was written.`)
      return 1
    }
    console.error(`zr-codegen: ${(error as Error).message}\nzr-codegen: nothing was written.`)
    return 1
  }
}
