#!/usr/bin/env node
// turbo with its telemetry (and redocly's) off: this repo's scripts call turbo through here.
import { spawnSync } from 'node:child_process'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
// The repo's own bin folder first: turbo must find the pinned pnpm, not a global one.
const PATH = `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`
const env = { ...process.env, PATH, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', REDOCLY_TELEMETRY: 'off' }
const outcome = spawnSync(join(root, 'node_modules', '.bin', 'turbo'), process.argv.slice(2), { stdio: 'inherit', env })
process.exitCode = outcome.status ?? 1
