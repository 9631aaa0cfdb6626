// The services the CLI serves: every spec folder of the repository, as the
// pipeline finds them (specs/<name>/openapi.yaml). The CLI is one package for
// every service, while a target is run once per service: each run emits the
// files that name every service (package.json, the service index) from this
// list, so that every run writes them the same. Only the names are read here;
// each service's commands come from its own model.
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { SchemaNode, ServiceModel } from '../../model/types.js'

/** The repository root of a model: the spec entry's absolute path, less its repo-relative path. */
export function repoRootOf(service: ServiceModel): string {
  const entry = findEntry(service)
  if (!entry) throw new Error(`cli target: cannot locate ${service.specPath} from the model's locations`)
  return entry.slice(0, entry.length - service.specPath.length - 1)
}

function findEntry(service: ServiceModel): string | undefined {
  const suffix = `/${service.specPath}`
  const nodes: SchemaNode[] = service.operations.flatMap((op) => [op.request, op.reply])
  for (const node of nodes) {
    const file = node.location.file.split('\\').join('/')
    if (file.endsWith(suffix)) return node.location.file
  }
  // Every request may be a shared schema: then any location in specs/<name>/ gives the folder.
  const file = nodes[0]?.location.file
  return file && existsSync(join(dirname(dirname(file)), service.name, 'openapi.yaml'))
    ? join(dirname(dirname(file)), service.name, 'openapi.yaml')
    : undefined
}

/** Every service spec of the repository, sorted: `specs/<name>/openapi.yaml`. */
export function servicesOf(repoRoot: string): string[] {
  const specs = join(repoRoot, 'specs')
  return readdirSync(specs, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(specs, e.name, 'openapi.yaml')))
    .map((e) => e.name)
    .sort()
}
