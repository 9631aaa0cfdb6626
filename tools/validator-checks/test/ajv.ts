import type { ValidateFunction } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { schemaOf } from './shipped-schema.js'

/**
 * ajv, in its default strict mode, compiled from the JSON Schema a validator
 * package ships (json-schema/<Action>.<request|reply>.json): an independent
 * reading of the same spec.
 */
export function ajvFor(service: 'zec' | 'vm', action: string, which: 'request' | 'reply'): ValidateFunction {
  return new Ajv2020({ allErrors: false }).compile(schemaOf(service, action, which))
}
