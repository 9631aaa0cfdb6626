#!/usr/bin/env node
// Lints .github/workflows/*.yml: each must be a valid GitHub Actions workflow
// (the schema check of @action-validator/core), and every script a step runs
// from this repository (`node <path>`, `npm run <script>`, `pnpm run <script>`)
// must exist, so a renamed file cannot break the scheduled loop unseen.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateWorkflow } from '@action-validator/core'
import { root } from './env.mjs'

const dir = join(root, '.github', 'workflows')
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {}

/** The innermost errors of a validation state, each with its path. */
function leaves(errors, out = []) {
  for (const e of errors ?? []) {
    const nested = (e.states ?? []).flatMap((s) => s.errors ?? [])
    if (nested.length > 0) leaves(nested, out)
    else
      out.push(
        `${e.path ?? (e.location ? `line ${e.location.line}` : '')}: ${e.title}${e.detail ? ` (${e.detail})` : ''}`,
      )
  }
  return out
}

let problems = 0
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
  : []
for (const file of files) {
  const text = readFileSync(join(dir, file), 'utf8')
  const found = leaves(validateWorkflow(text).errors)
  for (const m of text.matchAll(/\bnode ((?:tools|packages)\/[\w./-]+\.m?js)\b/g)) {
    if (!existsSync(join(root, m[1]))) found.push(`runs ${m[1]}, which does not exist`)
  }
  for (const m of text.matchAll(/\b(?:npm|pnpm) run ([\w:-]+)/g)) {
    if (!(m[1] in scripts)) found.push(`runs the script "${m[1]}", which package.json does not define`)
  }
  for (const p of [...new Set(found)]) console.error(`.github/workflows/${file}: ${p}`)
  problems += found.length
  if (found.length === 0) console.log(`.github/workflows/${file}: ok`)
}
if (files.length === 0) console.log('no workflows')
process.exitCode = problems > 0 ? 1 : 0
