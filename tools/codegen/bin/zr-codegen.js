#!/usr/bin/env node
// Nothing is warmed up here: openapi-typescript loads (on a worker) only for a
// document our own printer of its output refuses (src/emit/client/openapi-types.ts).
const { main } = await import('../dist/cli.js')
process.exitCode = await main(process.argv.slice(2))
