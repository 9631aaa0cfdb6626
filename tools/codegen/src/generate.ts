import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
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

  const models = new Map<string, ServiceModel>()
  const generated: GeneratedPackage[] = []
  for (const pkg of wanted) {
    const cut = pkg.lastIndexOf('-')
    const serviceName = pkg.slice(0, cut)
    const emitter = EMITTERS[pkg.slice(cut + 1)]
    if (!emitter) continue
    let model = models.get(serviceName)
    if (!model) {
      model = buildService(join(options.repoRoot, 'specs', serviceName, 'openapi.yaml'), options.repoRoot)
      models.set(serviceName, model)
    }
    generated.push(await emitter(model))
  }

  const all = new Map<string, string>()
  for (const pkg of generated) {
    for (const file of pkg.files) {
      const path = `${pkg.dir}/${file.path}`
      all.set(path, file.path === 'package.json' ? carryVersion(options.repoRoot, pkg.dir, file.content) : file.content)
    }
  }
  const formatted = formatFiles(options.repoRoot, all)
  return generated.map((pkg) => {
    const own = new Map([...formatted].filter(([path]) => path.startsWith(`${pkg.dir}/`)))
    return syncPackage(options.repoRoot, pkg.dir, own, options.check ?? false)
  })
}
