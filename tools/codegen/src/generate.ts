import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { warmUpTypes } from './emit/client/openapi-types.js'
import type { GeneratedPackage } from './emit/shared/files.js'
import { EMITTERS } from './emitters.js'
import { buildService } from './model/build-service.js'
import type { ServiceModel } from './model/types.js'
import { formatFiles } from './write/format.js'
import { carryVersion, type PackageChanges, syncPackage } from './write/sync-package.js'

export interface GenerateOptions {
  readonly repoRoot: string
  /** Only these packages (`zec-client`); all when empty. */
  readonly packages?: readonly string[]
  /** Compare only; write nothing. */
  readonly check?: boolean
}

/** Every service spec: `specs/<name>/openapi.yaml`. */
export function findServices(repoRoot: string): string[] {
  const specs = join(repoRoot, 'specs')
  return readdirSync(specs, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(specs, e.name, 'openapi.yaml')))
    .map((e) => e.name)
    .sort()
}

/** Every package the generator can produce, `<service>-<kind>`. */
export function allPackages(repoRoot: string): string[] {
  return findServices(repoRoot).flatMap((s) => Object.keys(EMITTERS).map((kind) => `${s}-${kind}`))
}

/**
 * The whole pipeline: load and model each needed spec, run the emitters,
 * format, then compare with or write to the disk. Nothing is written unless
 * every package was generated without error.
 */
export async function generate(options: GenerateOptions): Promise<PackageChanges[]> {
  const wanted = options.packages?.length ? options.packages : allPackages(options.repoRoot)
  const known = new Set(allPackages(options.repoRoot))
  const unknown = wanted.filter((p) => !known.has(p))
  if (unknown.length > 0) throw new Error(`unknown package ${unknown.join(', ')}; known: ${[...known].join(', ')}`)

  if (wanted.some((p) => p.endsWith('-client'))) warmUpTypes()
  // Models first (synchronous, each spec once), then every emitter at once: the
  // client emitters wait for openapi-typescript on its worker while the other
  // packages are already being formatted by biome in another process.
  const models = new Map<string, ServiceModel>()
  const modelOf = (serviceName: string): ServiceModel => {
    let model = models.get(serviceName)
    if (!model) {
      model = buildService(join(options.repoRoot, 'specs', serviceName, 'openapi.yaml'), options.repoRoot)
      models.set(serviceName, model)
    }
    return model
  }
  const jobs: { kind: string; pkg: Promise<GeneratedPackage> }[] = []
  for (const pkg of wanted) {
    const cut = pkg.lastIndexOf('-')
    const kind = pkg.slice(cut + 1)
    const emitter = EMITTERS[kind]
    if (emitter) jobs.push({ kind, pkg: Promise.resolve(emitter(modelOf(pkg.slice(0, cut)))) })
  }
  const batch = async (selected: typeof jobs): Promise<[GeneratedPackage, Map<string, string>][]> => {
    const packages = await Promise.all(selected.map((j) => j.pkg))
    const all = new Map<string, string>()
    for (const pkg of packages) {
      for (const file of pkg.files) {
        const path = `${pkg.dir}/${file.path}`
        all.set(
          path,
          file.path === 'package.json' ? carryVersion(options.repoRoot, pkg.dir, file.content) : file.content,
        )
      }
    }
    const formatted = await formatFiles(options.repoRoot, all)
    return packages.map((pkg) => [pkg, new Map([...formatted].filter(([path]) => path.startsWith(`${pkg.dir}/`)))])
  }
  const done = (
    await Promise.all([batch(jobs.filter((j) => j.kind !== 'client')), batch(jobs.filter((j) => j.kind === 'client'))])
  ).flat()
  // Report in the order asked for (packages/<name>).
  done.sort(
    ([a], [b]) => wanted.indexOf(a.dir.slice('packages/'.length)) - wanted.indexOf(b.dir.slice('packages/'.length)),
  )
  return done.map(([pkg, files]) => syncPackage(options.repoRoot, pkg.dir, files, options.check ?? false))
}
