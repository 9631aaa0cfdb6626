#!/usr/bin/env node
// `npm run pack [-- <folder>]`: the publishable packages as npm would get
// them, one tarball each, in dist-packs/ (or <folder>) and nothing else there.
// Builds them first (turbo, cached: nothing runs when they are built already),
// then packs each with the repository's pnpm (pack.mjs, which also decides
// what is publishable), so `workspace:` ranges become versions and only each
// package's `files` ship: no .turbo logs, no test results, no private tool.
// The tarballs are made in a new folder that replaces the old one only once
// every package has packed; a folder holding anything but tarballs is never
// emptied.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { env, root } from './env.mjs'
import { pack, publishablePackages } from './pack.mjs'

const USAGE = 'usage: npm run pack [-- <folder>]   (default: dist-packs/ in the repository)'
const fail = (message, code = 1) => {
  console.error(`pack: ${message}`)
  process.exit(code)
}

const args = process.argv.slice(2)
if (args.length > 1 || args[0]?.startsWith('-')) fail(`unexpected argument ${args.at(-1)}\n${USAGE}`, 2)
// A folder given is from where the command was typed (npm runs scripts from the root, and says where in INIT_CWD).
const typedIn = process.env.INIT_CWD ?? process.cwd()
const destination = args[0] === undefined ? join(root, 'dist-packs') : resolve(typedIn, args[0])
const near = relative(typedIn, destination)
const shown = near === '' ? '.' : near.startsWith('..') || isAbsolute(near) ? destination : near
if (!existsSync(dirname(destination))) fail(`${dirname(destination)} does not exist\n${USAGE}`, 2)
if (existsSync(destination)) {
  const others = statSync(destination).isDirectory()
    ? readdirSync(destination).filter((f) => !f.endsWith('.tgz'))
    : [basename(destination)]
  // Its old contents are replaced: only ever a folder of tarballs.
  if (others.length > 0)
    fail(`${shown} holds more than tarballs (${others.slice(0, 3).join(', ')}); name another folder`, 2)
}

const packages = publishablePackages()
if (packages.length === 0) fail('no publishable package found: every workspace package is private')

console.log(`pack: building the ${packages.length} publishable packages (turbo; a cached build is reused)`)
const build = spawnSync(
  process.execPath,
  [join(root, 'tools/ci/turbo.mjs'), '--quiet', 'run', 'build', ...packages.map((p) => `--filter=${p.name}`)],
  { cwd: root, env, stdio: 'inherit' },
)
if (build.status !== 0) fail(`the build failed (exit ${build.status ?? build.signal}); nothing was packed`)

// Beside the destination, so that putting it in place is a rename on one file system.
const fresh = join(dirname(destination), `.${basename(destination)}-${process.pid}`)
rmSync(fresh, { recursive: true, force: true })
mkdirSync(fresh)
let packed
try {
  packed = pack(
    packages.map((p) => p.dir),
    fresh,
  )
} catch (error) {
  rmSync(fresh, { recursive: true, force: true })
  fail(`${error.message.split('\n')[0]}; ${shown} is left as it was`)
}
rmSync(destination, { recursive: true, force: true })
renameSync(fresh, destination)

for (const file of readdirSync(destination).sort()) {
  console.log(`  ${join(shown, file)}  ${(statSync(join(destination, file)).size / 1024).toFixed(1)} kB`)
}
console.log(`pack: ${packed.length} tarballs in ${shown}/, one per publishable package`)
