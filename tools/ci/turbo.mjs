#!/usr/bin/env node
// turbo with its telemetry (and redocly's) off: this repo's scripts call turbo through here.
import { spawnSync } from 'node:child_process'
import { bin, env } from './env.mjs'

const outcome = spawnSync(bin('turbo'), process.argv.slice(2), { stdio: 'inherit', env: env })
process.exitCode = outcome.status ?? 1
