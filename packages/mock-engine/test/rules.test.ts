import { expect, it } from 'vitest'
import { RULE_IDS } from '../src/rule-ids.js'
import { RULES } from '../src/rules.js'

// rule-ids.ts is the one list: the generator imports it to accept a spec's
// rules, and RULES is typed by it. This also holds at run time (a cast or a
// stray key would show here).
it('implements exactly the listed state rules', () => {
  expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort())
  for (const id of RULE_IDS) {
    expect(typeof RULES[id].holds).toBe('function')
    expect(typeof RULES[id].explain).toBe('function')
  }
})
