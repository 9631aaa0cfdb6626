// Prints a SchemaNode as a zod 4 expression in the `zod/mini` form (functions
// and `.check(...)` rather than methods), so a bundler keeps only the parts of
// zod a package uses: a consumer validating one service's requests pays a few
// kilobytes, not zod classic's ~90 kB. The schemas are zod schemas all the
// same (parse, safeParse, Standard Schema, z.infer). Every rule carries its
// message (without the field name: the runtime prefixes the path), so the
// validator's reports read "password must contain a digit". Rules zod has no
// check for (UTF-8 length, uniqueness, "not both") call helpers of
// @zenlayer-reset/validator-runtime, which also tag them with a rule name.
import type { ArrayNode, NumberNode, ObjectNode, SchemaNode, StringNode } from '../../model/types.js'
import { literal } from '../shared/files.js'
import { checkableFormat, regexLiteral } from './formats.js'
import { ruleMessages } from './rule-messages.js'

export { regexLiteral }

export type Strictness = 'strict' | 'loose'

export interface PrintContext {
  readonly mode: Strictness
  /** Named non-object schemas already printed as constants, by node. */
  readonly named: ReadonlyMap<SchemaNode, string>
  /** Runtime helpers the printed code uses. */
  readonly helpers: Set<string>
}

const err = (message: string): string => `{ error: ${literal(message)} }`

export function printSchema(node: SchemaNode, ctx: PrintContext, allowNamed = true): string {
  // Replies are read leniently: an enumeration the vendor extends tomorrow must not make today's reply invalid.
  if (ctx.mode === 'loose' && node.kind === 'string' && node.values && node.values.length > 1) {
    ctx.helpers.add('openEnum')
    // A named enum is printed once as a constant: its open form refers to it rather than repeating the values.
    const constant = ctx.named.get(node)
    return `openEnum(${constant ? `${constant}.options` : literal(node.values)})`
  }
  const constant = allowNamed ? ctx.named.get(node) : undefined
  if (constant) return constant
  switch (node.kind) {
    case 'object':
      return printObject(node, ctx)
    case 'array':
      return printArray(node, ctx)
    case 'string':
      return printString(node, ctx)
    case 'integer':
    case 'number':
      return printNumber(node, ctx)
    case 'boolean':
      return `z.boolean(${err(ruleMessages.type.boolean)})`
  }
}

function printObject(node: ObjectNode, ctx: PrintContext): string {
  const fields = node.properties.map((p) => {
    const value = printSchema(p.schema, ctx)
    return `${literal(p.name)}: ${p.required ? value : `z.optional(${value})`}`
  })
  const strict = ctx.mode === 'strict' && !node.additionalProperties
  const checks = node.exclusive.map((rule) => {
    ctx.helpers.add('atMostOneOf')
    return `atMostOneOf(${literal(rule.fields)}, ${literal(rule.message)}, ${literal(rule.errorCode ?? null)})`
  })
  // The rules JSON Schema cannot say hold for requests; replies are read leniently (as their open enums).
  if (ctx.mode === 'strict') {
    for (const rule of node.distinct) {
      ctx.helpers.add('distinct')
      checks.push(`distinct(${literal(rule.fields)}, ${literal(rule.message)})`)
    }
  }
  return withChecks(
    `z.${strict ? 'strictObject' : 'looseObject'}({ ${fields.join(', ')} }, ${err(ruleMessages.type.object)})`,
    checks,
  )
}

/** `base.check(a, b)`, or `base` alone when there is nothing to check. */
function withChecks(base: string, checks: readonly string[]): string {
  return checks.length > 0 ? `${base}.check(${checks.join(', ')})` : base
}

function printArray(node: ArrayNode, ctx: PrintContext): string {
  const checks: string[] = []
  if (node.minItems !== undefined)
    checks.push(`z.minLength(${node.minItems}, ${err(ruleMessages.minItems(node.minItems))})`)
  if (node.maxItems !== undefined)
    checks.push(`z.maxLength(${node.maxItems}, ${err(ruleMessages.maxItems(node.maxItems))})`)
  if (node.uniqueItems) {
    ctx.helpers.add('noDuplicates')
    checks.push('noDuplicates')
  }
  if (ctx.mode === 'strict' && node.consecutive) {
    ctx.helpers.add('consecutive')
    checks.push('consecutive')
  }
  if (ctx.mode === 'strict' && node.firstItem) {
    ctx.helpers.add('firstItemIn')
    const { field, values } = node.firstItem
    checks.push(`firstItemIn(${literal(field)}, ${literal(values)}, ${literal(ruleMessages.enum(values))})`)
  }
  return withChecks(`z.array(${printSchema(node.items, ctx)}, ${err(ruleMessages.type.array)})`, checks)
}

function printString(node: StringNode, ctx: PrintContext): string {
  checkableFormat(node)
  if (node.values) {
    const [only] = node.values
    const message = err(ruleMessages.enum(node.values))
    if (node.values.length === 1 && only !== undefined) return `z.literal(${literal(only)}, ${message})`
    return `z.enum(${literal(node.values)}, ${message})`
  }
  const checks: string[] = []
  // JSON Schema counts characters as code points; zod's minLength/maxLength count UTF-16 units.
  if (node.minLength !== undefined) {
    ctx.helpers.add('minChars')
    checks.push(`minChars(${node.minLength})`)
  }
  if (node.maxLength !== undefined) {
    ctx.helpers.add('maxChars')
    checks.push(`maxChars(${node.maxLength})`)
  }
  for (const p of node.patterns) {
    const message = ruleMessages.pattern(p)
    if (p.errorCode) {
      checks.push(
        `z.refine((v: string) => ${regexLiteral(p.pattern)}.test(v), { error: ${literal(message)}, params: { rule: 'pattern', code: ${literal(p.errorCode)} } })`,
      )
    } else {
      checks.push(`z.regex(${regexLiteral(p.pattern)}, ${err(message)})`)
    }
  }
  if (node.maxUtf8Bytes !== undefined) {
    ctx.helpers.add('maxUtf8Bytes')
    checks.push(`maxUtf8Bytes(${node.maxUtf8Bytes})`)
  }
  return withChecks(`z.string(${err(ruleMessages.type.string)})`, checks)
}

function printNumber(node: NumberNode, ctx: PrintContext): string {
  const checks: string[] = []
  // JSON Schema's integer is any whole number; z.int() would also refuse unsafe integers.
  if (node.kind === 'integer') {
    ctx.helpers.add('wholeNumber')
    checks.push('wholeNumber')
  }
  if (node.minimum !== undefined) checks.push(`z.gte(${node.minimum}, ${err(ruleMessages.minimum(node.minimum))})`)
  if (node.maximum !== undefined) checks.push(`z.lte(${node.maximum}, ${err(ruleMessages.maximum(node.maximum))})`)
  if (ctx.mode === 'strict' && node.values) {
    ctx.helpers.add('numberIn')
    checks.push(`numberIn(${literal(node.values)}, ${literal(ruleMessages.enum(node.values.map(String)))})`)
  }
  return withChecks(`z.number(${err(ruleMessages.type.number)})`, checks)
}
