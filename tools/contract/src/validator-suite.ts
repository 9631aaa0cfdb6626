// Validator packages: every validation case gives the same verdict, field and code, on each
// route the package ships: the compiled `validators` table (the fast path the client and the mock
// use) and the `zodValidators` table built from the exported zod schemas. Both run, so a rule
// broken on either route turns the suite red.
import { describe, expect, it } from 'vitest'
import { loadCases } from './cases.js'

type Validate = (input: unknown) => { ok: boolean; code?: string; issues?: readonly { path: string; code: string }[] }

export function validatorSuite(options: {
  service: string
  casesDir: string
  validator: { readonly validators: ValidatorTable; readonly zodValidators?: ValidatorTable }
}): void {
  const { validation } = loadCases(options.casesDir, options.service)
  const routes: [string, ValidatorTable | undefined][] = [
    ['validators', options.validator.validators],
    ['zodValidators', options.validator.zodValidators],
  ]
  for (const [name, table] of routes) {
    if (table === undefined) continue
    describe(`contract: ${options.service} validator (${name})`, () => {
      it.each(validation)('$action $id', (c) => {
        expect(table.service).toBe(options.service)
        const validate = table.actions[c.action]?.request as Validate | undefined
        expect(validate, `${name}.actions.${c.action}.request`).toBeTypeOf('function')
        const result = (validate as Validate)(c.input)
        expect(result.ok).toBe(c.valid)
        if (!c.valid) {
          expect(result.code).toBe(c.code)
          if (c.path !== undefined) expect(result.issues?.[0]?.path).toBe(c.path)
        }
      })
    })
  }
}

type ValidatorTable = {
  readonly service: string
  readonly actions: Readonly<Record<string, { readonly request: unknown }>>
}
