// The CLI package, @zenlayer-reset/cli (bin zenlayer-reset): one command table
// per service (src/services/<service>.ts, from that service's model) and the
// files that name every service (package.json, the lazy service index, the
// bin). No command is written by hand and no behaviour is generated: the
// runtime, @zenlayer-reset/cli-runtime, reads these tables.
import type { LoadedService } from '../../load-service.js'
import type { ServiceModel } from '../../model/types.js'
import { banner, type GeneratedFile, type GeneratedPackage, literal, SCOPE } from '../shared/files.js'
import { ALL_SPECS_BANNER } from '../shared/suite.js'
import { commandTable } from './commands.js'
import { cliPackageFiles } from './package.js'

export const CLI_DIR = 'packages/cli'
export const CLI_NAME = `${SCOPE}/cli`

function table(service: ServiceModel): string {
  const t = commandTable(service)
  return `${banner(service)}import type { ServiceCommands } from '@zenlayer-reset/cli-runtime'

/** The ${service.name} commands: one per action of the spec. The client and validator load only when a command runs. */
export const commands: ServiceCommands = {
  service: ${literal(t.service)},
  version: ${literal(t.version)},
  title: ${literal(t.title)},
  credentialsEnv: ${literal(t.credentialsEnv)},
  actions: ${literal(t.actions)},
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
  const entries = services.map((s) => `  ${s}: () => import('./${s}.js').then((m) => m.commands),`).join('\n')
  return `${ALL_SPECS_BANNER}import type { ServiceIndex } from '@zenlayer-reset/cli-runtime'

/** Every service's commands, loaded only when named: \`zenlayer-reset --help\` loads none. */
export const services: ServiceIndex = {
${entries}
}
`
}

const BIN = `#!/usr/bin/env node
${ALL_SPECS_BANNER}import { main } from '@zenlayer-reset/cli-runtime'
import { services } from '../dist/services/index.js'

// The package's own manifest: --version names this package and its version, not the runtime's.
process.exitCode = await main(services, process.argv.slice(2), { manifest: new URL('../package.json', import.meta.url) })
`

export function emitCli(services: readonly LoadedService[]): GeneratedPackage {
  const repo = services[0]?.source.repo
  if (!repo) throw new Error('cli target: no service to serve')
  const names = services.map((s) => s.model.name)
  const files: GeneratedFile[] = [
    ...services.map(({ model }) => ({ path: `src/services/${model.name}.ts`, content: table(model) })),
    { path: 'src/services/index.ts', content: index(names) },
    { path: 'bin/zenlayer-reset.js', content: BIN },
    ...cliPackageFiles(names, repo),
  ]
  return { dir: CLI_DIR, name: CLI_NAME, files }
}
