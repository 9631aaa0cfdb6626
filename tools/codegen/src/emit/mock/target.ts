// The mock target: the route table a stateful mock of each service runs on.
import type { Target } from '../../target.js'
import { biomeFormatter } from '../../write/format.js'
import { keepNpmVersion } from '../shared/package-files.js'
import { emitMock } from './emit-mock.js'

export const mockTarget: Target = {
  kind: 'mock',
  emit: emitMock,
  ownedDirs: ['src/generated'],
  formatter: biomeFormatter,
  keep: keepNpmVersion,
}
