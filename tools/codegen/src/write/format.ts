import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Formatter } from '../target.js'

const FORMATTED = /\.(ts|js|mjs|json|md)$/
// JSON Schema output is data, written as JSON.stringify leaves it (and skipped by biome.json):
// formatting hundreds of such files would cost more than the rest of a large run.
const UNFORMATTED = /\/json-schema\//

/**
 * Formats generated files (and sorts their imports) with the repo's own biome
 * configuration, in one biome run over a scratch folder, so that generated
 * code reads like the rest of the repo and `biome ci` passes on it. `files`
 * maps repo-relative paths to contents; the result has the same keys.
 */
export async function formatFiles(repoRoot: string, files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const scratch = mkdtempSync(join(tmpdir(), 'zr-codegen-'))
  try {
    copyFileSync(join(repoRoot, 'biome.json'), join(scratch, 'biome.json'))
    for (const [path, content] of files) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true })
      writeFileSync(join(scratch, path), content)
    }
    const targets = [...files.keys()].filter((p) => FORMATTED.test(p) && !UNFORMATTED.test(p))
    if (targets.length > 0) {
      const args = ['check', '--write', '--linter-enabled=false', '--vcs-enabled=false', '--files-ignore-unknown=true']
      const run = await runProcess(biomeBin(), [...args, ...targets], scratch)
      if (run.status !== 0) throw new Error(`biome could not format the generated files:\n${run.output}`)
      // biome's layout of a long member chain ending in `.check(...)` (zod/mini schemas) changes on a second
      // pass, and `biome ci` checks the committed files against one more pass: those files get it.
      const chains = targets.filter(
        (p) => p.endsWith('.ts') && readFileSync(join(scratch, p), 'utf8').includes(').check('),
      )
      if (chains.length > 0) {
        const again = await runProcess(biomeBin(), [...args, ...chains], scratch)
        if (again.status !== 0) throw new Error(`biome could not format the generated files:\n${again.output}`)
      }
    }
    return new Map([...files.keys()].map((path) => [path, readFileSync(join(scratch, path), 'utf8')]))
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function biomeBin(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@biomejs/biome/package.json')), 'bin', 'biome')
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

/** The formatter of the TypeScript targets: the repo's biome configuration. */
export const biomeFormatter: Formatter = { id: 'biome', format: formatFiles }
