export { VALIDATOR_CODE_ROLES, type ValidatorCodeRole, type ValidatorCodes } from './code-roles.js'
export {
  createValidator,
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
