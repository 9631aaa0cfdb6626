export {
  BODY_MALFORMED,
  createValidator,
  MALFORMED,
  MISSING,
  UNKNOWN,
  type ValidationIssue,
  type ValidationResult,
  type ValidatorMeta,
} from './create-validator.js'
export { atMostOneOf, maxUtf8Bytes, noDuplicates, utf8Length } from './rules.js'
