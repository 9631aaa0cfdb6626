// The MCP server package, @zenlayer-reset/mcp (bin zenlayer-reset-mcp): one
// tool table per service (src/services/<service>.ts, from that service's
// model) and the files that name every service (package.json, the lazy service
// index, the bin). No tool is written by hand and no behaviour is generated:
// the runtime, @zenlayer-reset/mcp-runtime, reads these tables.
import type { SpecSource } from '../../load-service.js'
import type { ServiceModel } from '../../model/types.js'
import { banner, type GeneratedFile, type GeneratedPackage, literal, SCOPE } from '../shared/files.js'
import { mcpPackageFiles } from './package.js'
import { ALL_SPECS_BANNER, repoRootOf, servicesOf } from './services.js'
import { toolTable } from './tools.js'

export const MCP_DIR = 'packages/mcp'
export const MCP_NAME = `${SCOPE}/mcp`

function table(service: ServiceModel): string {
  return `${banner(service)}import type { ServiceTools } from '${SCOPE}/mcp-runtime'

/** The ${service.name} tools: one per action of the spec. The client's descriptor and the validators load only when a tool runs. */
export const tools: ServiceTools = {
  ...${literal(toolTable(service))},
  load: async () => {
    const [client, validator] = await Promise.all([
      import('${SCOPE}/${service.name}-client'),
      import('${SCOPE}/${service.name}-validator'),
    ])
    return { service: client.service, validators: validator.validators }
  },
}
`
}

function index(services: readonly string[]): string {
  const entries = services.map((s) => `  ${s}: () => import('./${s}.js').then((m) => m.tools),`).join('\n')
  return `${ALL_SPECS_BANNER}import type { ServiceIndex } from '${SCOPE}/mcp-runtime'

/** Every service's tools, loaded only when the server serves it (--services). */
export const services: ServiceIndex = {
${entries}
}
`
}

const BIN = `#!/usr/bin/env node
${ALL_SPECS_BANNER}import { main } from '${SCOPE}/mcp-runtime'
import { services } from '../dist/services/index.js'

process.exitCode = await main(services, process.argv.slice(2))
`

export function emitMcp(service: ServiceModel, source: SpecSource): GeneratedPackage {
  const services = servicesOf(repoRootOf(service))
  const files: GeneratedFile[] = [
    { path: `src/services/${service.name}.ts`, content: table(service) },
    { path: 'src/services/index.ts', content: index(services) },
    { path: 'bin/zenlayer-reset-mcp.js', content: BIN },
    ...mcpPackageFiles(services, source.repo),
  ]
  return { dir: MCP_DIR, name: MCP_NAME, files }
}
