// What a call sends is decided once: the input is serialised first, and the
// validator (when configured) checks the parsed bytes, not the object, so a
// getter or a toJSON cannot send something other than what was checked.
import type { RequestValidators, ValidationOutcome } from './client.js'
import type { ClientCodes } from './code-roles.js'
import type { OperationDescriptor } from './descriptor.js'
import { InvalidInputError, ZenlayerError } from './errors.js'

/**
 * The request body exactly as it will be sent; an input that is not a
 * serialisable object is refused with the code the server would answer for
 * such a body (the spec's `bodyMalformed`).
 */
export function serialise(op: OperationDescriptor, codes: ClientCodes, input: unknown): string {
  let body: unknown
  try {
    body = JSON.stringify(input)
  } catch (error) {
    // The error's name only: a throwing getter's message is the caller's text and may hold anything.
    const name = error instanceof Error ? error.name : typeof error
    throw refuse(op, codes, 'serialisable', `the input cannot be serialised to JSON (${name} while serialising)`)
  }
  if (typeof body !== 'string' || body.charCodeAt(0) !== 123 /* { */) {
    throw refuse(op, codes, 'type', 'the input must be an object')
  }
  return body
}

/** With a validator configured, an invalid body never reaches the network. Synchronous: no promise is left behind. */
export function checkInput(op: OperationDescriptor, body: string, validator: RequestValidators): void {
  const validate = validator.validators.actions[op.action]?.request
  if (typeof validate !== 'function') {
    throw new ZenlayerError('VALIDATOR_MISSING', `the configured validator has no ${op.action} (an older package?)`)
  }
  let result: ValidationOutcome
  try {
    result = (validate as (input: unknown) => ValidationOutcome)(JSON.parse(body))
  } catch (error) {
    throw new ZenlayerError(
      'VALIDATOR_FAILED',
      `${op.action}: the validator threw ${error instanceof Error ? error.name : typeof error}; nothing was sent`,
    )
  }
  if (typeof (result as unknown as PromiseLike<unknown>)?.then === 'function') {
    Promise.resolve(result).catch(() => {})
    throw new ZenlayerError('VALIDATOR_FAILED', `${op.action}: the validator answered asynchronously; nothing was sent`)
  }
  if (!result.ok) throw new InvalidInputError(result.code, result.issues, op.action)
}

function refuse(op: OperationDescriptor, codes: ClientCodes, rule: string, message: string): InvalidInputError {
  const code = codes.bodyMalformed
  return new InvalidInputError(code, [{ path: '', rule, message, code }], op.action)
}
