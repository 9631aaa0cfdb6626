#!/usr/bin/env node
// The bundle of dist/cli.js (scripts/bundle-cli.mjs) starts faster: one module
// to load instead of about ninety. It runs only while every file it was made
// from is older than it or still has the bytes it was made from
// (fresh-bundle.js: tsc rewrites unchanged outputs); otherwise (a workspace
// package or codegen rebuilt from changed source, or no bundle) dist/cli.js,
// which always is what tsc last wrote.
// Nothing is warmed up here: openapi-typescript loads (on a worker) only for a
// document our own printer of its output refuses (src/emit/client/openapi-types.ts).
import { freshBundle } from './fresh-bundle.js'

const bundle = freshBundle(
  new URL('../dist/cli.bundle.js', import.meta.url),
  new URL('../dist/cli.bundle.inputs.json', import.meta.url),
)
const { main } = await import(bundle ?? '../dist/cli.js')
process.exitCode = await main(process.argv.slice(2))
