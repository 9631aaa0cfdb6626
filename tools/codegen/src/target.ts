// What the pipeline knows of an output kind: nothing but this. A target is a
// plug-in: what it emits from a service (a pure function of the model and,
// when it cuts its output from OpenAPI itself, the bundled source), which
// folders of its package only the generator writes, how its files are
// formatted, and what of a file on disk it keeps. A new output kind (a CLI, a
// Python client) is a new target in targets.ts, not an edit to the pipeline.
// A target makes one package per service, or one package for all of them.
import type { GeneratedPackage } from './emit/shared/files.js'
import type { LoadedService, SpecSource } from './load-service.js'
import type { ServiceModel } from './model/types.js'

/** Formats a set of generated files (repo-relative path -> content); the result has the same keys. */
export interface Formatter {
  /** Files of targets with the same formatter id may be formatted in one run. */
  readonly id: string
  readonly format: (
    repoRoot: string,
    files: ReadonlyMap<string, string>,
    /** cache: a regeneration that writes may reuse what it formatted before (see write/format-cache.ts). */
    options?: { readonly cache?: boolean },
  ) => Promise<Map<string, string>>
}

interface TargetCommon {
  /** The kind: the package is `<service>-<kind>` (a service target) or `<kind>` (a suite target). */
  readonly kind: string
  /** Folders of the package that only the generator writes: files there it no longer produces are removed. */
  readonly ownedDirs: readonly string[]
  readonly formatter: Formatter
  /** What of a file already on disk the generated one keeps (the version changesets gave a package.json). */
  readonly keep?: (path: string, generated: string, onDisk: string) => string
}

/** One package per service (a client, a validator, a mock), a pure function of that service. */
export interface ServiceTarget extends TargetCommon {
  readonly emit: (model: ServiceModel, source: SpecSource) => Promise<GeneratedPackage> | GeneratedPackage
  readonly emitSuite?: never
}

/**
 * One package for every service (a command line, an MCP server), a pure
 * function of all of them, in the order of their names: a service added or
 * removed is a regeneration, never an edit to the target.
 */
export interface SuiteTarget extends TargetCommon {
  readonly emitSuite: (services: readonly LoadedService[]) => Promise<GeneratedPackage> | GeneratedPackage
  readonly emit?: never
}

export type Target = ServiceTarget | SuiteTarget

export function isSuiteTarget(target: Target): target is SuiteTarget {
  return target.emitSuite !== undefined
}
