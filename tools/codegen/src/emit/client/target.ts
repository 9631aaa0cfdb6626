// The client target: a typed, signed client package per service.

import type { Target } from '../../target.js'
import { biomeFormatter } from '../../write/format.js'
import { keepNpmVersion } from '../shared/package-files.js'
import { emitClient } from './emit-client.js'
import { warmUpTypes } from './openapi-types.js'

export const clientTarget: Target = {
  kind: 'client',
  emit: emitClient,
  ownedDirs: ['src/generated'],
  formatter: biomeFormatter,
  // openapi-typescript runs on a worker (its TypeScript import is the slowest step of a run).
  slow: true,
  warmUp: warmUpTypes,
  keep: keepNpmVersion,
}
