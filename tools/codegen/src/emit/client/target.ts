// The client target: a typed, signed client package per service.

import type { Target } from '../../target.js'
import { biomeFormatter } from '../../write/format.js'
import { keepNpmVersion } from '../shared/package-files.js'
import { emitClient } from './emit-client.js'

export const clientTarget: Target = {
  kind: 'client',
  emit: emitClient,
  ownedDirs: ['src/generated'],
  formatter: biomeFormatter,
  // schema.ts comes from our own printer of openapi-typescript's output; openapi-typescript itself (on
  // a worker) only loads for a document that printer refuses (openapi-types.ts).
  keep: keepNpmVersion,
}
