// Prints a request or reply SchemaNode as the body of a plain TypeScript
// function: one `if` per rule, no schema objects and no library in between, as
// typia and ajv's standalone code do. It reads the same model nodes as the zod
// printer and reports exactly what the zod route reports (rule, path, code,
// message, in zod's order), so the two can be held against each other:
//
// - a node of the wrong type reports that alone (zod stops there as well);
// - every other rule of a node that has the right type is checked, and all
//   broken ones are reported;
// - a list's `uniqueItems` and an object's "at most one of" are checked only
//   when nothing below them had the wrong type ("hard" issues, which abort
//   the rest in zod: `hard` counts them), a list's length always.
//
// Paths are strings fixed when generating, except below a list, where the
// index is filled in at run time; messages and codes for a fixed path are
// worked out here, with the runtime's own functions, and emitted as literals.

import type { ValidatorCodes } from '@zenlayer-reset/validator-runtime/code-roles'
import {
  fieldMessage,
  INTEGER_MESSAGE,
  maxCharsMessage,
  minCharsMessage,
  nearestCode,
  requiredMessage,
} from '@zenlayer-reset/validator-runtime/compiled'
import type { ArrayNode, NumberNode, ObjectNode, SchemaNode, StringNode } from '../../model/types.js'
import { literal } from '../shared/files.js'
import { checkableFormat, regexLiteral } from './formats.js'
import { ruleMessages } from './rule-messages.js'
import type { Strictness } from './zod-printer.js'

export interface CompiledContext {
  readonly mode: Strictness
  readonly action: string
  readonly direction: 'request' | 'response'
  /** The spec's x-zc-error-code by field path (errorCodesByPath). */
  readonly codes: Readonly<Record<string, string>>
  readonly generic: ValidatorCodes
  /** Module-level constants the functions share (regexes, enumerations): source -> name. */
  readonly constants: Map<string, string>
  /** What the printed code imports from @zenlayer-reset/validator-runtime/compiled. */
  readonly runtime: Set<string>
}

/** Where a node sits: its path for the codes lookup, and how the printed code spells it. */
interface At {
  /** Path parts with 0 for any index: what nearestCode reads. */
  readonly parts: readonly (string | number)[]
  /** The path, when no list index is in it. */
  readonly fixed: string | undefined
  /** The body of a template literal giving the path at run time. */
  readonly template: string
}

/** One function's printing state. */
interface Fn {
  readonly ctx: CompiledContext
  next: number
  /** Whether some rule reads `hard` (a list's uniqueItems, an object's "at most one of"): only then is it counted. */
  readonly tracksHard: boolean
}

const ROOT: At = { parts: [], fixed: '', template: '' }
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** The statements of a validator function over `input`; they add to `issues` (declared by the caller). */
export function printChecks(root: SchemaNode, ctx: CompiledContext): { body: string; tracksHard: boolean } {
  const fn: Fn = { ctx, next: 0, tracksHard: readsHard(root) }
  return { body: checkNode(root, 'input', ROOT, fn, false), tracksHard: fn.tracksHard }
}

function readsHard(node: SchemaNode): boolean {
  if (node.kind === 'object')
    return node.exclusive.length > 0 || node.distinct.length > 0 || node.properties.some((p) => readsHard(p.schema))
  if (node.kind === 'array')
    return node.uniqueItems || node.consecutive || node.firstItem !== undefined || readsHard(node.items)
  return false
}

/** The rules JSON Schema cannot say (x-zc-distinct, -consecutive, -first-item, a number enum) hold for requests only. */
const strictOnly = (fn: Fn): boolean => fn.ctx.mode === 'strict'

function checkNode(node: SchemaNode, v: string, at: At, fn: Fn, maybeUndefined: boolean): string {
  switch (node.kind) {
    case 'object':
      return checkObject(node, v, at, fn, maybeUndefined)
    case 'array':
      return checkArray(node, v, at, fn, maybeUndefined)
    case 'string':
      return checkString(node, v, at, fn, maybeUndefined)
    case 'integer':
    case 'number':
      return checkNumber(node, v, at, fn, maybeUndefined)
    case 'boolean':
      return `if (typeof ${v} !== 'boolean') {\n${wrongType(v, at, fn, ruleMessages.type.boolean, maybeUndefined)}\n}`
  }
}

// ---- nodes

function checkObject(node: ObjectNode, v: string, at: At, fn: Fn, maybeUndefined: boolean): string {
  const o = local(fn, 'o')
  const distinct = strictOnly(fn) ? node.distinct : []
  const hardBefore = node.exclusive.length > 0 || distinct.length > 0 ? local(fn, 'hard') : undefined
  const lines: string[] = [`const ${o} = ${v} as Record<string, unknown>`]
  if (hardBefore) lines.push(`const ${hardBefore} = hard`)
  for (const p of node.properties) {
    const value = local(fn, 'v')
    const child = field(at, p.name)
    lines.push(`const ${value} = ${member(o, p.name)}`)
    const inner = checkNode(p.schema, value, child, fn, false)
    if (p.required) {
      lines.push(`if (${value} === undefined) {\n${required(child, fn)}\n} else {\n${inner}\n}`)
    } else {
      lines.push(`if (${value} !== undefined) {\n${inner}\n}`)
    }
  }
  if (fn.ctx.mode === 'strict' && !node.additionalProperties) {
    const key = local(fn, 'k')
    const known = node.properties.map((p) => `${key} !== ${literal(p.name)}`).join(' && ') || 'true'
    // A template literal, as biome wants it, below the body: `nic.${k}`, `raidConfig.customRaids[${i}].${k}`.
    const path = at.fixed === '' ? key : `\`${at.template}.\${${key}}\``
    fn.ctx.runtime.add('unknownMessage')
    lines.push(
      `for (const ${key} in ${o}) {\nif (${known}) {\n${push(path, 'unknown', `unknownMessage(${key}, ${literal(fn.ctx.action)})`, fn.ctx.generic.parameterUnknown)}\n}\n}`,
    )
  }
  if (hardBefore) {
    const rules = node.exclusive.map((rule) => {
      const all = rule.fields.map((f) => `${member(o, f)} !== undefined`).join(' && ')
      // A rule on the body names its fields itself; deeper down the field comes first, as for any rule.
      const message = at.fixed === '' ? literal(rule.message) : messageExpr(at, fn, literal(rule.message), rule.message)
      return `if (${all}) {\n${push(pathExpr(at), 'exclusive', message, rule.errorCode ?? code(at, fn))}\n}`
    })
    for (const rule of distinct) {
      const set = local(fn, 'set')
      const values = `[${rule.fields.map((f) => member(o, f)).join(', ')}].filter((x) => x !== undefined)`
      const message = at.fixed === '' ? literal(rule.message) : messageExpr(at, fn, literal(rule.message), rule.message)
      rules.push(
        `const ${set} = ${values}\nif (new Set(${set}).size !== ${set}.length) {\n${push(pathExpr(at), 'distinct', message, code(at, fn))}\n}`,
      )
    }
    lines.push(`if (hard === ${hardBefore}) {\n${rules.join('\n')}\n}`)
  }
  return `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) {\n${wrongType(v, at, fn, ruleMessages.type.object, maybeUndefined)}\n} else {\n${lines.join('\n')}\n}`
}

function checkArray(node: ArrayNode, v: string, at: At, fn: Fn, maybeUndefined: boolean): string {
  const i = local(fn, 'i')
  const item = local(fn, 'v')
  const consecutive = strictOnly(fn) && node.consecutive
  const firstItem = strictOnly(fn) ? node.firstItem : undefined
  const hardBefore = node.uniqueItems || consecutive || firstItem ? local(fn, 'hard') : undefined
  const lines: string[] = []
  if (hardBefore) lines.push(`const ${hardBefore} = hard`)
  const below = index(at, i)
  lines.push(
    `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${item} = ${v}[${i}]\n${checkNode(node.items, item, below, fn, true)}\n}`,
  )
  if (node.minItems !== undefined)
    lines.push(
      `if (${v}.length < ${node.minItems}) {\n${soft(at, fn, 'minItems', ruleMessages.minItems(node.minItems))}\n}`,
    )
  if (node.maxItems !== undefined)
    lines.push(
      `if (${v}.length > ${node.maxItems}) {\n${soft(at, fn, 'maxItems', ruleMessages.maxItems(node.maxItems))}\n}`,
    )
  if (hardBefore) {
    const rules: string[] = []
    if (node.uniqueItems) {
      const dup = local(fn, 'dup')
      fn.ctx.runtime.add('firstDuplicate').add('duplicateMessage')
      const message = messageExpr(at, fn, `duplicateMessage(${v}[${dup}])`)
      rules.push(
        `const ${dup} = firstDuplicate(${v})\nif (${dup} !== -1) {\n${push(pathExpr(at), 'uniqueItems', message, code(at, fn))}\n}`,
      )
    }
    if (consecutive) {
      const gap = local(fn, 'gap')
      fn.ctx.runtime.add('firstGap').add('consecutiveMessage')
      const message = messageExpr(at, fn, `consecutiveMessage(${v}[${gap} - 1], ${v}[${gap}])`)
      rules.push(
        `const ${gap} = firstGap(${v})\nif (${gap} !== -1) {\n${push(pathExpr(at), 'consecutive', message, code(at, fn))}\n}`,
      )
    }
    if (firstItem) {
      const first = local(fn, 'first')
      const value = local(fn, 'f')
      const below = field(index(at, '0'), firstItem.field)
      const text = ruleMessages.enum(firstItem.values)
      const allowed = firstItem.values.map((x) => `${value} !== ${literal(x)}`).join(' && ')
      rules.push(
        `const ${first} = ${v}[0]\nif (typeof ${first} === 'object' && ${first} !== null) {\nconst ${value} = ${member(`(${first} as Record<string, unknown>)`, firstItem.field)}\nif (typeof ${value} === 'string' && ${allowed}) {\n${push(pathExpr(below), 'firstItem', messageExpr(below, fn, literal(text), text), code(below, fn))}\n}\n}`,
      )
    }
    lines.push(`if (hard === ${hardBefore}) {\n${rules.join('\n')}\n}`)
  }
  return `if (!Array.isArray(${v})) {\n${wrongType(v, at, fn, ruleMessages.type.array, maybeUndefined)}\n} else {\n${lines.join('\n')}\n}`
}

function checkString(node: StringNode, v: string, at: At, fn: Fn, maybeUndefined: boolean): string {
  checkableFormat(node)
  // Replies are read leniently: any string passes where the spec lists values (see zod-printer).
  if (fn.ctx.mode === 'loose' && node.values && node.values.length > 1) {
    return `if (typeof ${v} !== 'string') {\n${wrongType(v, at, fn, ruleMessages.type.string, maybeUndefined)}\n}`
  }
  if (node.values) {
    // zod's enum and literal test membership alone: a value of another type breaks the `enum` rule too.
    const test =
      node.values.length <= 4
        ? node.values.map((value) => `${v} !== ${literal(value)}`).join(' && ')
        : `!${constant(fn, `new Set<unknown>(${literal(node.values)})`, 'VALUES')}.has(${v})`
    const enumIssue = hard(at, fn, 'enum', ruleMessages.enum(node.values), code(at, fn))
    const body = maybeUndefined
      ? `if (${v} === undefined) {\n${required(at, fn)}\n} else {\n${enumIssue}\n}`
      : enumIssue
    return `if (${test}) {\n${body}\n}`
  }
  const checks: string[] = []
  // Lengths in code points, as JSON Schema counts them: the UTF-16 length bounds the count from both sides.
  if (node.minLength !== undefined) {
    const n = node.minLength
    fn.ctx.runtime.add('codePoints')
    checks.push(
      `if (${v}.length < ${n} || (${v}.length < ${2 * n} && codePoints(${v}) < ${n})) {\n${soft(at, fn, 'minLength', minCharsMessage(n))}\n}`,
    )
  }
  if (node.maxLength !== undefined) {
    const n = node.maxLength
    fn.ctx.runtime.add('codePoints')
    checks.push(
      `if (${v}.length > ${n} && codePoints(${v}) > ${n}) {\n${soft(at, fn, 'maxLength', maxCharsMessage(n))}\n}`,
    )
  }
  for (const p of node.patterns) {
    const re = constant(fn, regexLiteral(p.pattern), 'PATTERN')
    checks.push(`if (!${re}.test(${v})) {\n${soft(at, fn, 'pattern', ruleMessages.pattern(p), p.errorCode)}\n}`)
  }
  if (node.maxUtf8Bytes !== undefined) {
    const max = node.maxUtf8Bytes
    const bytes = local(fn, 'bytes')
    fn.ctx.runtime.add('utf8Length').add('maxUtf8BytesMessage')
    const message = messageExpr(at, fn, `maxUtf8BytesMessage(${max}, ${bytes})`)
    // A UTF-16 unit is at most 3 bytes of UTF-8: a short string needs no count.
    checks.push(
      `if (${v}.length * 3 > ${max}) {\nconst ${bytes} = utf8Length(${v})\nif (${bytes} > ${max}) {\n${push(pathExpr(at), 'maxUtf8Bytes', message, code(at, fn))}\n}\n}`,
    )
  }
  const wrong = wrongType(v, at, fn, ruleMessages.type.string, maybeUndefined)
  return checks.length > 0
    ? `if (typeof ${v} !== 'string') {\n${wrong}\n} else {\n${checks.join('\n')}\n}`
    : `if (typeof ${v} !== 'string') {\n${wrong}\n}`
}

function checkNumber(node: NumberNode, v: string, at: At, fn: Fn, maybeUndefined: boolean): string {
  const checks: string[] = []
  // JSON Schema's integer is any whole number (zod's wholeNumber check, not z.int()).
  if (node.kind === 'integer')
    checks.push(`if (!Number.isInteger(${v})) {\n${soft(at, fn, 'type', INTEGER_MESSAGE)}\n}`)
  if (node.minimum !== undefined)
    checks.push(`if (${v} < ${node.minimum}) {\n${soft(at, fn, 'minimum', ruleMessages.minimum(node.minimum))}\n}`)
  if (node.maximum !== undefined)
    checks.push(`if (${v} > ${node.maximum}) {\n${soft(at, fn, 'maximum', ruleMessages.maximum(node.maximum))}\n}`)
  if (strictOnly(fn) && node.values) {
    const allowed = node.values.map((x) => `${v} !== ${x}`).join(' && ')
    checks.push(`if (${allowed}) {\n${soft(at, fn, 'enum', ruleMessages.enum(node.values.map(String)))}\n}`)
  }
  // zod's number refuses NaN and the infinities, which no JSON can carry.
  const wrong = wrongType(v, at, fn, ruleMessages.type.number, maybeUndefined)
  const test = `typeof ${v} !== 'number' || !Number.isFinite(${v})`
  return checks.length > 0
    ? `if (${test}) {\n${wrong}\n} else {\n${checks.join('\n')}\n}`
    : `if (${test}) {\n${wrong}\n}`
}

// ---- issues

/** The wrong type: `required` for a missing value below the body, else `type` (the body's own code at the root). */
function wrongType(v: string, at: At, fn: Fn, text: string, maybeUndefined: boolean): string {
  const fallback = at.parts.length === 0 ? fn.ctx.generic.bodyMalformed : fn.ctx.generic.valueMalformed
  const type = hard(at, fn, 'type', text, nearestCode(fn.ctx.codes, at.parts) ?? fallback)
  if (!maybeUndefined || at.parts.length === 0) return type
  return `if (${v} === undefined) {\n${required(at, fn)}\n} else {\n${type}\n}`
}

function required(at: At, fn: Fn): string {
  const message = at.fixed !== undefined ? literal(requiredMessage(at.fixed)) : runtimeCall(fn, 'requiredMessage', at)
  return counted(fn, push(pathExpr(at), 'required', message, fn.ctx.generic.parameterMissing))
}

/** An issue that aborts zod's remaining checks above it. */
function hard(at: At, fn: Fn, rule: string, text: string, issueCode: string): string {
  return counted(fn, push(pathExpr(at), rule, messageExpr(at, fn, literal(text), text), issueCode))
}

function counted(fn: Fn, statement: string): string {
  return fn.tracksHard ? `${statement}\nhard++` : statement
}

/** An issue after which zod goes on checking. */
function soft(at: At, fn: Fn, rule: string, text: string, own?: string): string {
  return push(pathExpr(at), rule, messageExpr(at, fn, literal(text), text), own ?? code(at, fn))
}

function push(path: string, rule: string, message: string, issueCode: string): string {
  return `issues = addIssue(issues, { path: ${path}, rule: ${literal(rule)}, message: ${message}, code: ${literal(issueCode)} })`
}

/** The code of a rule without its own: the nearest x-zc-error-code above, else the spec's generic one. */
function code(at: At, fn: Fn): string {
  return nearestCode(fn.ctx.codes, at.parts) ?? fn.ctx.generic.valueMalformed
}

/** The message of a rule at `at`: a literal when the path is fixed and the text known, else built at run time. */
function messageExpr(at: At, fn: Fn, textExpr: string, text?: string): string {
  const label = at.fixed === '' ? fn.ctx.direction : at.fixed
  if (label !== undefined && text !== undefined) return literal(fieldMessage(label, text))
  fn.ctx.runtime.add('fieldMessage')
  return `fieldMessage(${label !== undefined ? literal(label) : pathExpr(at)}, ${textExpr})`
}

function runtimeCall(fn: Fn, name: string, at: At): string {
  fn.ctx.runtime.add(name)
  return `${name}(${pathExpr(at)})`
}

// ---- paths and names

function field(at: At, name: string): At {
  return {
    parts: [...at.parts, name],
    fixed: at.fixed === undefined ? undefined : at.fixed === '' ? name : `${at.fixed}.${name}`,
    template: at.template === '' ? escapeTemplate(name) : `${at.template}.${escapeTemplate(name)}`,
  }
}

function index(at: At, i: string): At {
  return { parts: [...at.parts, 0], fixed: undefined, template: `${at.template}[\${${i}}]` }
}

function pathExpr(at: At): string {
  return at.fixed !== undefined ? literal(at.fixed) : `\`${at.template}\``
}

function escapeTemplate(text: string): string {
  return text.replace(/[\\`$]/g, (c) => `\\${c}`)
}

function member(object: string, name: string): string {
  return IDENTIFIER.test(name) ? `${object}.${name}` : `${object}[${literal(name)}]`
}

function local(fn: Fn, stem: string): string {
  return `${stem}${fn.next++}`
}

/** A module-level constant, shared by every function that needs the same one. */
function constant(fn: Fn, source: string, stem: string): string {
  const known = fn.ctx.constants.get(source)
  if (known) return known
  const name = `${stem}_${fn.ctx.constants.size}`
  fn.ctx.constants.set(source, name)
  return name
}
