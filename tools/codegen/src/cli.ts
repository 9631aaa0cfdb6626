import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { SpecError } from '@zenlayer-reset/spec-tools'
import { generate } from './generate.js'
import { SpecProblems } from './model/build-service.js'

const USAGE = `usage: zr-codegen [--check] [--package <service>-<kind>]... [--root <repo>]
  regenerates the client, validator and mock packages from specs/*/openapi.yaml
  --check     write nothing; exit 1 and name every file that would change`

function findRoot(from: string): string {
  let dir = resolve(from)
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('no pnpm-workspace.yaml above the working directory; pass --root')
    dir = up
  }
  return dir
}

export async function main(argv: readonly string[]): Promise<number> {
  let check = false
  let root: string | undefined
  const packages: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--check') check = true
    else if (arg === '--package' && argv[i + 1]) packages.push(argv[++i] as string)
    else if (arg === '--root' && argv[i + 1]) root = argv[++i]
    else {
      console.error(USAGE)
      return 2
    }
  }
  const started = performance.now()
  try {
    const results = await generate({ repoRoot: root ?? findRoot(process.cwd()), packages, check })
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
      console.error(`zr-codegen --check: ${dirty} package(s) differ from the specs; run \`pnpm generate\` and commit.`)
      return 1
    }
    console.log(`zr-codegen: ${results.length} package(s), ${dirty} changed, ${ms} ms`)
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
