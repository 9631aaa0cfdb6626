// The CLI target: @zenlayer-reset/cli, one command table per service over the
// hand-written @zenlayer-reset/cli-runtime. A suite target: one package made
// from every service at once.
import type { Target } from '../../target.js'
import { biomeFormatter } from '../../write/format.js'
import { keepNpmVersion } from '../shared/package-files.js'
import { emitCli } from './emit-cli.js'

export const cliTarget: Target = {
  kind: 'cli',
  emitSuite: emitCli,
  // The tables are the generator's alone: a service removed from specs/ loses its table.
  ownedDirs: ['src/services'],
  formatter: biomeFormatter,
  keep: keepNpmVersion,
}
