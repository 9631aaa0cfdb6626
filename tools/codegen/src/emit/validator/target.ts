// The validator target: zod schemas, validators and JSON Schemas per service.
import type { Target } from '../../target.js'
import { biomeFormatter } from '../../write/format.js'
import { keepNpmVersion } from '../shared/package-files.js'
import { emitValidator } from './emit-validator.js'

export const validatorTarget: Target = {
  kind: 'validator',
  emit: emitValidator,
  ownedDirs: ['src/generated', 'json-schema'],
  formatter: biomeFormatter,
  keep: keepNpmVersion,
}
