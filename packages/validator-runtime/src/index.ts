export { VALIDATOR_CODE_ROLES, type ValidatorCodeRole, type ValidatorCodes } from './code-roles.js'
export * from './compiled.js'
export { createValidator } from './create-validator.js'
export { openEnum } from './open-enum.js'
export {
  atMostOneOf,
  consecutive,
  distinct,
  firstItemIn,
  maxChars,
  maxUtf8Bytes,
  minChars,
  noDuplicates,
  numberIn,
  wholeNumber,
} from './rules.js'
