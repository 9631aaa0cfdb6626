#!/usr/bin/env node
// A TypeScript user's first hour, from the packed tarballs: `pnpm pack` every
// publishable package, install the tarballs in a scratch project outside the
// workspace (with zod, msw, TypeScript 5.9 and Node 20's types from the
// registry), and compile consumer/programs.ts with strict settings twice:
// `module: node16` and `moduleResolution: bundler`. Its @ts-expect-error
// lines are mistakes that must stay errors. Exit 1 on any compile error.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pack, publishableDirs } from '../../ci/pack.mjs'

const programs = fileURLToPath(new URL('../consumer/programs.ts', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'zenlayer-reset-consumer-'))
const tarballs = join(scratch, 'tarballs')
const app = join(scratch, 'app')
mkdirSync(tarballs)
mkdirSync(join(app, 'src'), { recursive: true })
try {
  const packed = pack(publishableDirs(), tarballs).map((p) => p.tarball)
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--prefer-offline',
      ...packed,
      'zod@^4.1.0',
      'msw@^2.7.0',
      'typescript@~5.9.3',
      '@types/node@^20.19.0',
    ],
    { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  copyFileSync(programs, join(app, 'src', 'programs.ts'))
  const strict = {
    strict: true,
    noEmit: true,
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: ['node'],
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    verbatimModuleSyntax: true,
  }
  const configs = {
    node16: { ...strict, module: 'node16', moduleResolution: 'node16' },
    bundler: { ...strict, module: 'esnext', moduleResolution: 'bundler' },
  }
  let failed = false
  for (const [name, compilerOptions] of Object.entries(configs)) {
    const file = join(app, `tsconfig.${name}.json`)
    writeFileSync(file, JSON.stringify({ compilerOptions, include: ['src'] }))
    const tsc = spawnSync(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', file], {
      cwd: app,
      encoding: 'utf8',
    })
    const ok = tsc.status === 0
    console.log(`${name}: ${ok ? 'compiles' : 'FAILED'}`)
    if (!ok) {
      process.stdout.write(tsc.stdout)
      failed = true
    }
  }
  process.exitCode = failed ? 1 : 0
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
