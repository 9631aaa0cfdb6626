import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { RULES } from '../src/rules.js'

// The generator refuses a spec naming a state rule that is not in its list
// (tools/codegen/src/model/state-rules.ts); that list and this engine's rules
// must be the same, or a rule could pass the generator and be ignored here.
// Read as text: the engine must not depend on the generator.
it('implements exactly the state rules the generator accepts', () => {
  const source = readFileSync(new URL('../../../tools/codegen/src/model/state-rules.ts', import.meta.url), 'utf8')
  const accepted = [...source.matchAll(/^\s+'([a-z][a-z0-9-]*)',$/gm)].map((m) => m[1])
  expect(accepted.length).toBeGreaterThan(5)
  expect(Object.keys(RULES).sort()).toEqual(accepted.sort())
})
