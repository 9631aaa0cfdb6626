import { emitClient } from './emit/client/emit-client.js'
import { emitMock } from './emit/mock/emit-mock.js'
import type { Emitter } from './emit/shared/files.js'
import { emitValidator } from './emit/validator/emit-validator.js'

/** Every package kind, by the suffix of its package name. A new kind is a new entry here and a new emitter. */
export const EMITTERS: Readonly<Record<string, Emitter>> = {
  client: emitClient,
  validator: emitValidator,
  mock: emitMock,
}
