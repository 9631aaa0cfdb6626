#!/usr/bin/env node
// What `npm run demo` runs: the steps that make the demo runnable, each
// announced when it starts and timed when it ends, then the demo itself
// (demo.mjs). Only what the demo uses is made: the generated packages from the
// specs, and the JavaScript of the packages the generator and the demo import,
// without type check or declarations (lib/compile-js.mjs). Those are for
// `npm run build` and `npm test`, which check everything and take minutes on a
// fresh clone; this takes seconds. Nothing installed is imported before the
// install is done.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runtimeClosure, workspacePackages } from '../../ci/workspace.mjs'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const started = performance.now()
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

/** Runs a command from the root, its output held back: `{ status, output }`. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', (error) => resolve({ status: 1, output: `${output}${error.message}\n` }))
    child.on('close', (code, signal) => resolve({ status: code ?? signal, output }))
  })
}

/**
 * One step: its line is printed when it starts (so a wait always says what it
 * is waiting for) and ends with its time and what `work` returns. A failure
 * prints everything the step said, and the demo stops there.
 */
async function step(n, label, work) {
  process.stdout.write(`demo ${n}/4  ${label} ... `)
  const t0 = performance.now()
  let note
  try {
    note = await work()
  } catch (error) {
    process.stdout.write('failed\n')
    console.error(`${error.message.trimEnd()}\ndemo: step ${n}/4 failed; the demo did not run`)
    process.exit(1)
  }
  console.log(`${seconds(performance.now() - t0)}${note ? `, ${note}` : ''}`)
}

/** Throws with the command's output when it failed. */
async function mustRun(command, args) {
  const { status, output } = await run(command, args)
  if (status !== 0) throw new Error(`${output}(exit ${status})`)
  return output
}

// The install is `npm run setup` (package.json owns the command), run by the npm that runs this when
// there is one (npm_execpath: its JavaScript entry point), by the `npm` on PATH otherwise.
const npmCli = process.env.npm_execpath
const npm = npmCli && /\.[cm]?js$/.test(npmCli) && existsSync(npmCli) ? [process.execPath, [npmCli]] : ['npm', []]
await step(1, 'install the locked dependencies (npm run setup: pnpm 10 through npx)', async () => {
  await mustRun(npm[0], [...npm[1], 'run', '--silent', 'setup'])
})

const packages = workspacePackages()

/** The packages among `list` that a demo must compile: those tsc builds (`tsc -p tsconfig.build.json`, first). */
function compiled(list) {
  return list.filter((p) => {
    const build = p.manifest.scripts?.build
    if (build === undefined) return false
    // Any step after tsc (the generator's bundle) only makes starting faster.
    if (build.startsWith('tsc -p tsconfig.build.json')) return true
    throw new Error(`${p.name} builds with \`${build}\`, which the demo does not know how to do without turbo`)
  })
}
// The generator first (it imports the runtimes), then whatever else the demo imports.
const made = new Set()
const compileClosure = async (name, withItself) => {
  // TypeScript is there only once the install is done.
  const { compileJs } = await import('../lib/compile-js.mjs')
  const list = compiled([
    ...runtimeClosure(name, packages),
    ...(withItself ? packages.filter((p) => p.name === name) : []),
  ]).filter((p) => !made.has(p.name))
  const { files, written } = compileJs(list.map((p) => p.dir))
  for (const p of list) made.add(p.name)
  return `${list.length} packages, ${files} files, ${written} written`
}

await step(2, 'compile the generator and what it imports (JavaScript only: no type check, no .d.ts)', () =>
  compileClosure('@zenlayer-reset/codegen', true),
)
await step(3, 'regenerate the client, validator and mock packages from specs/ (zr-codegen)', async () => {
  const output = await mustRun(process.execPath, [join(root, 'tools/codegen/bin/zr-codegen.js')])
  // Its summary line (`zr-codegen: 6 package(s), 0 changed, 300 ms`); one line per package comes before it.
  return output.split('\n').findLast((line) => line.startsWith('zr-codegen: ')) ?? ''
})
await step(4, 'compile the rest of what the demo imports (JavaScript only)', () =>
  compileClosure('@zenlayer-reset/demo', false),
)

console.log(
  `demo: ready in ${seconds(performance.now() - started)} (\`npm run build\` adds the type check and declarations)\n`,
)
const demo = spawn(process.execPath, [fileURLToPath(new URL('demo.mjs', import.meta.url))], { stdio: 'inherit' })
demo.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0)
})
