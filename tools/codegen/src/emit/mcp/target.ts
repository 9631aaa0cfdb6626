// The MCP target: @zenlayer-reset/mcp (bin zenlayer-reset-mcp), one tool table
// per service over the hand-written @zenlayer-reset/mcp-runtime. Its package
// serves every service, so each service's run writes its own table and the
// same shared files; no folder is owned (a run for one service must not remove
// another's table).
import type { Target } from '../../target.js'
import { biomeFormatter } from '../../write/format.js'
import { keepNpmVersion } from '../shared/package-files.js'
import { emitMcp } from './emit-mcp.js'

export const mcpTarget: Target = {
  kind: 'mcp',
  emit: emitMcp,
  ownedDirs: [],
  formatter: biomeFormatter,
  keep: keepNpmVersion,
}
