#!/usr/bin/env node
// Start loading openapi-typescript on its worker before anything else: it is
// the slowest import of a run, and it loads on the other core meanwhile.
import { warmUpTypes } from '../dist/emit/client/openapi-types.js'

if (!process.argv.includes('--package') || process.argv.some((a) => a.endsWith('-client'))) warmUpTypes()
const { main } = await import('../dist/cli.js')
process.exitCode = await main(process.argv.slice(2))
