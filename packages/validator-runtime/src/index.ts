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
export { openEnum } from './open-enum.js'
export {
  atMostOneOf,
  codePoints,
  maxChars,
  maxUtf8Bytes,
  minChars,
  noDuplicates,
  utf8Length,
  wholeNumber,
} from './rules.js'
