import { isObject } from '../load/json-pointer.js'
import type { LoadedSpec } from '../load/resolve.js'
import { checkDecisionRefs } from './decision-refs.js'
import { checkExamples } from './examples.js'
import { checkExtensions } from './extensions.js'
import { checkOperations } from './operations.js'
import type { CheckResult } from './result.js'

/** Every check of this project's spec rules. A file without paths (shared components) skips the per-action ones. */
export async function runChecks(spec: LoadedSpec): Promise<CheckResult[]> {
  const results = [...checkExtensions(spec), ...checkExamples(spec), ...checkDecisionRefs(spec)]
  const hasPaths = isObject(spec.document.paths) && Object.keys(spec.document.paths).length > 0
  if (hasPaths) {
    // Loaded only here: openapi-typescript (and TypeScript) take most of a second to import.
    const { checkOpenapiTypescript } = await import('./toolchain.js')
    results.push(...checkOperations(spec), ...(await checkOpenapiTypescript(spec)))
  }
  return results
}
