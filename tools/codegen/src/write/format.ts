import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const FORMATTED = /\.(ts|js|mjs|json|md)$/

/**
 * Formats generated files (and sorts their imports) with the repo's own biome configuration, in one
 * biome run over a scratch folder, so that generated code reads like the rest
 * of the repo and `biome ci` passes on it. `files` maps repo-relative paths
 * to contents; the result has the same keys.
 */
export function formatFiles(repoRoot: string, files: ReadonlyMap<string, string>): Map<string, string> {
  const scratch = mkdtempSync(join(tmpdir(), 'zr-codegen-'))
  try {
    copyFileSync(join(repoRoot, 'biome.json'), join(scratch, 'biome.json'))
    for (const [path, content] of files) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true })
      writeFileSync(join(scratch, path), content)
    }
    const targets = [...files.keys()].filter((p) => FORMATTED.test(p))
    if (targets.length > 0) {
      const biome = biomeBin()
      const run = spawnSync(
        biome,
        [
          'check',
          '--write',
          '--linter-enabled=false',
          '--vcs-enabled=false',
          '--files-ignore-unknown=true',
          ...targets,
        ],
        {
          cwd: scratch,
          encoding: 'utf8',
        },
      )
      if (run.status !== 0) {
        throw new Error(`biome could not format the generated files:\n${run.stdout}\n${run.stderr}`)
      }
    }
    return new Map([...files.keys()].map((path) => [path, readFileSync(join(scratch, path), 'utf8')]))
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function biomeBin(): string {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('@biomejs/biome/package.json')
  return join(dirname(pkg), 'bin', 'biome')
}
