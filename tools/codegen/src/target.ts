// What the pipeline knows of an output kind: nothing but this. A target is a
// plug-in: what it emits from a service (a pure function of the model and,
// when it cuts its output from OpenAPI itself, the bundled source), which
// folders of its package only the generator writes, how its files are
// formatted, and what of a file on disk it keeps. A new output kind (a CLI, a
// Python client) is a new target in targets.ts, not an edit to the pipeline.
import type { GeneratedPackage } from './emit/shared/files.js'
import type { SpecSource } from './load-service.js'
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

export interface Target {
  /** The kind, and the suffix of the package name: `client` -> `<service>-client`. */
  readonly kind: string
  readonly emit: (model: ServiceModel, source: SpecSource) => Promise<GeneratedPackage> | GeneratedPackage
  /** Folders of the package that only the generator writes: files there it no longer produces are removed. */
  readonly ownedDirs: readonly string[]
  readonly formatter: Formatter
  /** What of a file already on disk the generated one keeps (the version changesets gave a package.json). */
  readonly keep?: (path: string, generated: string, onDisk: string) => string
}
