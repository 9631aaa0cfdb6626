export { checkDecisionRefs, decisionIds } from './check/decision-refs.js'
export { checkExtensions } from './check/extensions.js'
export { checkOperations, observedStatuses } from './check/operations.js'
export type { CheckResult } from './check/result.js'
export { runChecks } from './check/run-checks.js'
export { createSchemaValidator, utf8Length } from './check/schema-validator.js'
export { constStrings, walkSchema } from './check/schema-walk.js'
export {
  DECISION_FACTS,
  type DecisionFact,
  EXTENSIONS,
  type ExtensionDefinition,
  type ExtensionPlace,
} from './extensions/vocabulary.js'
export { bundleSpec } from './load/bundle.js'
export { appendPointer, formatPointer, getAt, isObject, parsePointer } from './load/json-pointer.js'
export { type LoadedSpec, loadSpec, readDocumentAt } from './load/resolve.js'
export { formatLocation, type Location, SpecError } from './load/spec-error.js'
