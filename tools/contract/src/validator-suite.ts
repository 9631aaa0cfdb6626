// Validator packages: every validation case gives the same verdict, field and code.
import { describe, expect, it } from 'vitest'
import { loadCases } from './cases.js'

type Validate = (input: unknown) => { ok: boolean; code?: string; issues?: readonly { path: string; code: string }[] }

export function validatorSuite(options: {
  service: string
  casesDir: string
  validator: {
    readonly validators: {
      readonly service: string
      readonly actions: Readonly<Record<string, { readonly request: unknown }>>
    }
  }
}): void {
  const { validation } = loadCases(options.casesDir, options.service)
  describe(`contract: ${options.service} validator`, () => {
    it.each(validation)('$action $id', (c) => {
      expect(options.validator.validators.service).toBe(options.service)
      const validate = options.validator.validators.actions[c.action]?.request as Validate | undefined
      expect(validate, `validators.actions.${c.action}.request`).toBeTypeOf('function')
      const result = (validate as Validate)(c.input)
      expect(result.ok).toBe(c.valid)
      if (!c.valid) {
        expect(result.code).toBe(c.code)
        if (c.path !== undefined) expect(result.issues?.[0]?.path).toBe(c.path)
      }
    })
  })
}
