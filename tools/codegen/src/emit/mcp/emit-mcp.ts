// The MCP server package, @zenlayer-reset/mcp (bin zenlayer-reset-mcp): one
// tool table per service (src/services/<service>.ts, from that service's
// model) and the files that name every service (package.json, the lazy service
// index, the bin). No tool is written by hand and no behaviour is generated:
// the runtime, @zenlayer-reset/mcp-runtime, reads these tables.
import type { LoadedService } from '../../load-service.js'
import type { ServiceModel } from '../../model/types.js'
import { banner, type GeneratedFile, type GeneratedPackage, literal, SCOPE } from '../shared/files.js'
import { ALL_SPECS_BANNER } from '../shared/suite.js'
import { accessKeyEnv, secretFields } from './credential-env.js'
import { mcpPackageFiles } from './package.js'
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

// The package's own manifest: --version and the server's reported version are this package's, not the runtime's.
process.exitCode = await main(services, process.argv.slice(2), { manifest: new URL('../package.json', import.meta.url) })
`

export function emitMcp(services: readonly LoadedService[]): GeneratedPackage {
  const repo = services[0]?.source.repo
  if (!repo) throw new Error('mcp target: no service to serve')
  const names = services.map((s) => s.model.name)
  const models = services.map((s) => s.model)
  const files: GeneratedFile[] = [
    ...services.map(({ model }) => ({ path: `src/services/${model.name}.ts`, content: table(model) })),
    { path: 'src/services/index.ts', content: index(names) },
    { path: 'bin/zenlayer-reset-mcp.js', content: BIN },
    ...mcpPackageFiles(names, repo, accessKeyEnv(models), secretFields(models)),
  ]
  return { dir: MCP_DIR, name: MCP_NAME, files }
}
