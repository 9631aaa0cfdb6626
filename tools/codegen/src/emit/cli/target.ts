// The CLI target: @zenlayer-reset/cli, one command table per service over the
// hand-written @zenlayer-reset/cli-runtime. Its package serves every service,
// so each service's run writes its own table and the same shared files; no
// folder is owned (a run for one service must not remove another's table).
import type { Target } from '../../target.js'
import { biomeFormatter } from '../../write/format.js'
import { keepNpmVersion } from '../shared/package-files.js'
import { emitCli } from './emit-cli.js'

export const cliTarget: Target = {
  kind: 'cli',
  emit: emitCli,
  ownedDirs: [],
  formatter: biomeFormatter,
  keep: keepNpmVersion,
}
