// The first stage of the pipeline: a service spec loaded once, then both its
// model (what the spec says, for every target) and its source (the spec as
// one self-contained OpenAPI document, for the targets whose output is cut
// from OpenAPI itself: openapi-typescript's types, JSON Schema files). The
// model stays free of OpenAPI's shape; a target that needs the raw document
// asks for the source.
import { bundleSpec, loadSpec } from '@zenlayer-reset/spec-tools'
import { modelFromSpec } from './model/build-service.js'
import type { ServiceModel } from './model/types.js'

export interface SpecSource {
  /** The spec as one self-contained OpenAPI document, `x-` extensions kept. */
  readonly bundled: Readonly<Record<string, unknown>>
}

export interface LoadedService {
  readonly model: ServiceModel
  readonly source: SpecSource
}

export function loadService(specFile: string, repoRoot: string): LoadedService {
  const spec = loadSpec(specFile)
  // The model first: a spec it refuses is never bundled.
  const model = modelFromSpec(spec, repoRoot)
  return { model, source: { bundled: bundleSpec(specFile, spec.files) } }
}
