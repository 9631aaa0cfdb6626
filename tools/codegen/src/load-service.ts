// The first stage of the pipeline: a service spec loaded once, then both its
// model (what the spec says, for every target) and its source (the spec as
// one self-contained OpenAPI document, for the targets whose output is cut
// from OpenAPI itself: openapi-typescript's types, JSON Schema files). The
// model stays free of OpenAPI's shape; a target that needs the raw document
// asks for the source.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundleSpec, loadSpec } from '@zenlayer-reset/spec-tools'
import { modelFromSpec } from './model/build-service.js'
import type { ServiceModel } from './model/types.js'

export interface SpecSource {
  /** The spec as one self-contained OpenAPI document, `x-` extensions kept. */
  readonly bundled: Readonly<Record<string, unknown>>
  /** What every published package says of the repository, from its root (one owner each). */
  readonly repo: RepoFacts
}

/** The repository's own facts a package carries: its LICENSE text and where it lives (the root package.json's). */
export interface RepoFacts {
  readonly license: string
  /** `git+https://github.com/<owner>/<name>.git` */
  readonly repositoryUrl: string
  readonly bugsUrl: string
}

/** The root LICENSE and the root package.json's repository and bugs: refused, naming the file, when missing. */
export function readRepoFacts(repoRoot: string): RepoFacts {
  const licenseFile = join(repoRoot, 'LICENSE')
  if (!existsSync(licenseFile)) throw new Error(`${licenseFile} is missing: every published package ships it`)
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    repository?: { url?: unknown }
    bugs?: { url?: unknown }
  }
  const repositoryUrl = pkg.repository?.url
  const bugsUrl = pkg.bugs?.url
  if (typeof repositoryUrl !== 'string' || typeof bugsUrl !== 'string') {
    throw new Error(
      `${join(repoRoot, 'package.json')} needs repository.url and bugs.url: published packages point at them`,
    )
  }
  return { license: readFileSync(licenseFile, 'utf8'), repositoryUrl, bugsUrl }
}

export interface LoadedService {
  readonly model: ServiceModel
  readonly source: SpecSource
}

export function loadService(specFile: string, repoRoot: string): LoadedService {
  const spec = loadSpec(specFile)
  // The model first: a spec it refuses is never bundled.
  const model = modelFromSpec(spec, repoRoot)
  return { model, source: { bundled: bundleSpec(specFile, spec.files), repo: readRepoFacts(repoRoot) } }
}
