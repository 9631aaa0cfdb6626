// The MCP target: @zenlayer-reset/mcp (bin zenlayer-reset-mcp), one tool table
// per service over the hand-written @zenlayer-reset/mcp-runtime. A suite
// target: one package made from every service at once.
import type { Target } from '../../target.js'
import { biomeFormatter } from '../../write/format.js'
import { keepNpmVersion } from '../shared/package-files.js'
import { emitMcp } from './emit-mcp.js'

export const mcpTarget: Target = {
  kind: 'mcp',
  emitSuite: emitMcp,
  // The tables are the generator's alone: a service removed from specs/ loses its table.
  ownedDirs: ['src/services'],
  formatter: biomeFormatter,
  keep: keepNpmVersion,
}
