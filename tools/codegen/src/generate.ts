import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { GeneratedPackage } from './emit/shared/files.js'
import { type LoadedService, loadService } from './load-service.js'
import { isSuiteTarget, type Target } from './target.js'
import { TARGETS } from './targets.js'
import { mark } from './timing.js'
import { type PackageChanges, syncPackage } from './write/sync-package.js'

export interface GenerateOptions {
  readonly repoRoot: string
  /** Only these packages (`zec-client`); all when empty. */
  readonly packages?: readonly string[]
  /** Compare only; write nothing. */
  readonly check?: boolean
  /** The output kinds (default: every target of targets.ts). */
  readonly targets?: readonly Target[]
  /**
   * Let the formatter take a file it formatted before from the disk (write/format-cache.ts). Default:
   * on unless `check`, which compares everything it generates, formatted now, with the disk.
   */
  readonly formatCache?: boolean
}

/** Every service spec: `specs/<name>/openapi.yaml`. */
export function findServices(repoRoot: string): string[] {
  const specs = join(repoRoot, 'specs')
  return readdirSync(specs, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(specs, e.name, 'openapi.yaml')))
    .map((e) => e.name)
    .sort()
}

/** Every package the generator can produce: `<service>-<kind>` for each service by each service target, `<kind>` for each suite target. */
export function allPackages(repoRoot: string, targets: readonly Target[] = TARGETS): string[] {
  return packageNames(findServices(repoRoot), targets)
}

/** The packages of `services` by `targets`: suite packages first, then each service's. */
export function packageNames(services: readonly string[], targets: readonly Target[] = TARGETS): string[] {
  // A suite package serves every service: none without one.
  const suites = services.length > 0 ? targets.filter(isSuiteTarget).map((t) => t.kind) : []
  const perService = targets.filter((t) => !isSuiteTarget(t))
  return [...suites, ...services.flatMap((s) => perService.map((t) => `${s}-${t.kind}`))]
}

interface Job {
  readonly target: Target
  readonly pkg: Promise<GeneratedPackage>
}

/** What makes package `pkg`: a suite target of that kind, or a service and the target of its suffix. */
function planOf(pkg: string, targets: readonly Target[]): { target: Target; service: string | undefined } {
  const suite = targets.find((t) => isSuiteTarget(t) && t.kind === pkg)
  if (suite) return { target: suite, service: undefined }
  const cut = pkg.lastIndexOf('-')
  const kind = pkg.slice(cut + 1)
  return { service: pkg.slice(0, cut), target: targets.find((t) => !isSuiteTarget(t) && t.kind === kind) as Target }
}

/**
 * The whole pipeline: load and model each needed spec once, run each wanted
 * target on it, format, then compare with or write to the disk. Nothing is
 * written unless every package was generated without error. The pipeline
 * knows no package kind: everything kind-specific is the target's.
 */
export async function generate(options: GenerateOptions): Promise<PackageChanges[]> {
  const targets = options.targets ?? TARGETS
  const wanted = options.packages?.length ? options.packages : allPackages(options.repoRoot, targets)
  const known = new Set(allPackages(options.repoRoot, targets))
  const unknown = wanted.filter((p) => !known.has(p))
  if (unknown.length > 0) throw new Error(`unknown package ${unknown.join(', ')}; known: ${[...known].join(', ')}`)

  // Each spec loaded and modelled once, then every target run on it.
  const loaded = new Map<string, LoadedService>()
  const load = (service: string): LoadedService => {
    let found = loaded.get(service)
    if (!found) {
      found = loadService(join(options.repoRoot, 'specs', service, 'openapi.yaml'), options.repoRoot)
      loaded.set(service, found)
      mark(`loaded ${service}`)
    }
    return found
  }
  const jobs: Job[] = wanted.map((wantedPkg) => {
    const { target, service } = planOf(wantedPkg, targets)
    let pkg: Promise<GeneratedPackage>
    if (isSuiteTarget(target)) pkg = Promise.resolve(target.emitSuite(findServices(options.repoRoot).map(load)))
    else {
      const { model, source } = load(service as string)
      pkg = Promise.resolve(target.emit(model, source))
    }
    mark(`emitted ${wantedPkg}`)
    return { target, pkg }
  })
  // One formatting run per formatter.
  const groups = new Map<string, Job[]>()
  for (const job of jobs) groups.set(job.target.formatter.id, [...(groups.get(job.target.formatter.id) ?? []), job])
  const cache = options.formatCache ?? !options.check
  const done = (
    await Promise.all([...groups.values()].map((group) => formatGroup(options.repoRoot, group, cache)))
  ).flat()
  // Report in the order asked for (packages/<name>).
  done.sort(
    (a, b) => wanted.indexOf(a.pkg.dir.slice('packages/'.length)) - wanted.indexOf(b.pkg.dir.slice('packages/'.length)),
  )
  mark('formatted')
  // Every package's writes at once (see syncPackage).
  const changes = await Promise.all(
    done.map(({ pkg, target, files }) =>
      syncPackage(options.repoRoot, pkg.dir, files, target.ownedDirs, options.check ?? false),
    ),
  )
  mark('compared with the disk')
  return changes
}

interface Formatted {
  readonly pkg: GeneratedPackage
  readonly target: Target
  /** Repo-relative path -> formatted content. */
  readonly files: Map<string, string>
}

/** The packages of one group, each file with what the target keeps from the disk, formatted in one run. */
async function formatGroup(repoRoot: string, group: readonly Job[], cache: boolean): Promise<Formatted[]> {
  const packages = await Promise.all(group.map(async (job) => ({ pkg: await job.pkg, target: job.target })))
  const all = new Map<string, string>()
  for (const { pkg, target } of packages) {
    for (const file of pkg.files) {
      const path = `${pkg.dir}/${file.path}`
      const onDisk =
        target.keep && existsSync(join(repoRoot, path)) ? readFileSync(join(repoRoot, path), 'utf8') : undefined
      all.set(path, onDisk === undefined || !target.keep ? file.content : target.keep(file.path, file.content, onDisk))
    }
  }
  const formatter = group[0]?.target.formatter
  const formatted = formatter ? await formatter.format(repoRoot, all, { cache }) : all
  return packages.map(({ pkg, target }) => ({
    pkg,
    target,
    files: new Map([...formatted].filter(([path]) => path.startsWith(`${pkg.dir}/`))),
  }))
}
