// The generic error codes a validator answers when no x-zc-error-code of the
// spec applies, by role: the spec marks each code's role (x-zc-role in
// specs/shared/common.yaml) and a generated validator passes the codes of
// these roles to createValidator, so the runtime holds no error code of its
// own. Data only: the generator imports this list to emit exactly these and to
// refuse a spec that lacks one.
export const VALIDATOR_CODE_ROLES = [
  // A required field is absent.
  'parameterMissing',
  // A field the action does not define.
  'parameterUnknown',
  // A value breaks a rule that has no more specific code.
  'valueMalformed',
  // The body itself is not a JSON object.
  'bodyMalformed',
] as const

export type ValidatorCodeRole = (typeof VALIDATOR_CODE_ROLES)[number]

/** The spec's code for each role a validator reads. */
export type ValidatorCodes = Readonly<Record<ValidatorCodeRole, string>>
