// The generated test that runs one of the shared contract suites
// (tools/contract) on a package: the cases come from the service's spec
// package, the code under test from the package itself. Each target says
// which suite it runs and what it passes; this file knows no package kind.
import type { ServiceModel } from '../../model/types.js'
import { banner } from './files.js'

export interface SuiteCall {
  /** Import lines: the suite and what the call passes. */
  readonly imports: readonly string[]
  /** The one call; `casesDir` is in scope. */
  readonly call: string
}

/** The import of the service's bundled spec as `bundled` (suites read its codes and examples). */
export function bundledImport(service: ServiceModel): string {
  return `import bundled from '@zenlayer-reset/spec-${service.name}/bundled.json' with { type: 'json' }`
}

export function contractTest(service: ServiceModel, suite: SuiteCall): string {
  return `${banner(service)}import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
${suite.imports.join('\n')}

// The contract cases kept beside the spec: specs/${service.name}/contract/*.json.
const casesDir = join(dirname(createRequire(import.meta.url).resolve('@zenlayer-reset/spec-${service.name}/package.json')), 'contract')

${suite.call}
`
}
