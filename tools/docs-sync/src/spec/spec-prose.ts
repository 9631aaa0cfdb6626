// The spec against its own prose. A schema's description is read by the same
// prose reader as a vendor page's ("2-63 characters", "only lower-case letters
// and digits are allowed", "default value: eth0"), and every limit it states
// is held to the schema's own rule: a description that says 2-63 over a
// `maxLength: 40` is drift, as generated JSDoc would then say both. A limit
// the description states and the schema does not enforce is drift too.
import type { ObjectNode, OperationModel, SchemaNode } from '@zenlayer-reset/codegen'
import type { Finding } from '../compare.js'
import { canonical, FIELD_LIMITS } from '../facts.js'
import { plainText } from '../page/markdown.js'
import { readProse } from '../page/prose.js'
import { fieldFacts, specType } from './spec-facts.js'

/** Nodes nested deeper than this are not read (no spec here nests past 3). */
const MAX_DEPTH = 8

interface Described {
  readonly op: OperationModel
  readonly subject: 'input' | 'output'
  readonly name: string
  readonly node: SchemaNode
}

/** Every schema node of an object, the object's own included, each with the field path that reaches it first. */
function nodesOf(
  op: OperationModel,
  subject: 'input' | 'output',
  object: ObjectNode,
  out: Described[],
  prefix = '',
  depth = 0,
): void {
  for (const p of object.properties) {
    const name = `${prefix}${p.name}`
    out.push({ op, subject, name, node: p.schema })
    if (depth >= MAX_DEPTH) continue
    let inner: SchemaNode = p.schema
    let suffix = ''
    while (inner.kind === 'array') {
      inner = inner.items
      suffix += '[]'
    }
    if (inner.kind === 'object') nodesOf(op, subject, inner, out, `${name}${suffix}.`, depth + 1)
  }
}

/** Each description of the specs that states a limit its schema does not have, as drift. */
export function specProse(operations: readonly OperationModel[], root: string): { read: number; findings: Finding[] } {
  const nodes: Described[] = []
  for (const op of operations) {
    nodesOf(op, 'input', op.request, nodes)
    nodesOf(op, 'output', op.response, nodes)
  }
  const seen = new Set<string>()
  const findings: Finding[] = []
  let read = 0
  for (const { op, subject, name, node } of nodes) {
    if (!node.description) continue
    // A named schema reached from several places is one description: read it once.
    const key = `${node.location.file}#${node.location.pointer}\n${node.description}`
    if (seen.has(key)) continue
    seen.add(key)
    read++
    const schema = fieldFacts(name, undefined, node, root)
    const prose = readProse(plainText(node.description), specType(node))
    for (const limit of FIELD_LIMITS) {
      const stated = prose.limits[limit]
      if (!stated) continue
      const rule = schema.limits[limit]
      if (rule && canonical(rule.value) === canonical(stated.value)) continue
      findings.push({
        service: op.service,
        action: op.action,
        subject: 'description',
        field: `${subject} ${name}`,
        fact: limit,
        verdict: 'drift',
        page: stated.value,
        spec: rule?.value,
        quote: stated.quote,
        where: schema.source.witness === 'spec' ? schema.source.place : undefined,
        specPlace: schema.source.witness === 'spec' ? schema.source.place : undefined,
        decision: undefined,
      })
    }
  }
  return { read, findings }
}
