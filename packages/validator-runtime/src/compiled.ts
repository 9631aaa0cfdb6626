// The entry the compiled validators import (`validate<Action>Request` in a
// generated package's src/generated/validate.ts): the measures and messages
// they share with the zod route, and the result types. It pulls in no zod, so
// an app that takes only the compiled validators bundles none.
export { codePoints, firstDuplicate, firstGap, utf8Length } from './measure.js'
export {
  consecutiveMessage,
  duplicateMessage,
  fieldMessage,
  INTEGER_MESSAGE,
  maxCharsMessage,
  maxUtf8BytesMessage,
  minCharsMessage,
  requiredMessage,
  unknownMessage,
} from './messages.js'
export { formatPath, nearestCode } from './paths.js'
export { addIssue, type ValidationIssue, type ValidationResult, type ValidatorMeta } from './result.js'
