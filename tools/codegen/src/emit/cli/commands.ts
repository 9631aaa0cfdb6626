// One service's command table: for each action of the spec, the command name,
// its flags (one per request field, named from the field), the help text of
// each (description, every rule in words, default, example) and what the
// runtime must know to run it (destructive, fleet, paginated). Data only: the
// behaviour common to every command is @zenlayer-reset/cli-runtime's.
import type { OperationModel, SchemaNode, ServiceModel } from '../../model/types.js'
import { ruleWords } from '../client/ts-types.js'

/** `ResetInstances` -> `reset-instances`, `instanceIds` -> `instance-ids`, `enableQGA` -> `enable-qga`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
}

/** How a flag's text becomes a value: the runtime's FlagKind. */
type FlagKind = 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'json'

function kindOf(node: SchemaNode): { kind: FlagKind; item?: 'string' | 'integer' | 'number' } {
  switch (node.kind) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: node.kind }
    case 'array':
      // A list of scalars is a repeated or comma-separated flag; anything deeper is JSON.
      return node.items.kind === 'string' || node.items.kind === 'integer' || node.items.kind === 'number'
        ? { kind: 'list', item: node.items.kind }
        : { kind: 'json' }
    default:
      return { kind: 'json' }
  }
}

/** The help lines of a field: its description, its rules in words, its default and an example (never a secret's). */
function help(node: SchemaNode): string[] {
  const lines: string[] = []
  if (node.description) lines.push(node.description.trim().replace(/\s+/g, ' '))
  const rules = ruleWords(node)
  if (rules.length > 0) lines.push(`Rules: ${rules.join('; ')}.`)
  if (node.default !== undefined) lines.push(`Default: ${JSON.stringify(node.default)}.`)
  const example = node.examples[0]
  if (example !== undefined && !node.sensitive) lines.push(`Example: ${JSON.stringify(example)}.`)
  return lines
}

function field(prop: OperationModel['request']['properties'][number]) {
  const { kind, item } = kindOf(prop.schema)
  const values = prop.schema.kind === 'string' ? prop.schema.values : undefined
  return {
    name: prop.name,
    flag: kebab(prop.name),
    kind,
    ...(item ? { item } : {}),
    required: prop.required,
    sensitive: prop.schema.sensitive,
    ...(values ? { values } : {}),
    help: help(prop.schema),
  }
}

function action(op: OperationModel) {
  const t = op.transition
  const instances = op.batch?.instances ?? t?.instances
  return {
    command: kebab(op.action),
    action: op.action,
    summary: op.summary.trim().replace(/\s+/g, ' '),
    description: op.description.trim(),
    docsUrl: op.docsUrl,
    // A transition wipes or rebuilds what it applies to: the runtime asks before sending.
    destructive: t !== undefined,
    // Resets run as a fleet (never sent twice, followed to their end) when the client has a fleet method.
    fleet:
      t?.fleet && instances
        ? { instances, single: op.batch === undefined, from: t.from, to: t.to, observe: t.observe }
        : null,
    paginated: op.pagination !== undefined,
    fields: op.request.properties.map(field),
  }
}

/** The command table of a service, as the runtime's ServiceCommands reads it (without `load`, which is code). */
export function commandTable(service: ServiceModel) {
  return {
    service: service.name,
    version: service.version,
    title: service.title,
    // Named in --help; the spec's (x-zc-signing credentialsFromEnv), never the runtime's.
    credentialsEnv: {
      accessKeyId: service.signing.envAccessKeyId,
      accessKeySecret: service.signing.envAccessKeySecret,
    },
    actions: service.operations.map(action),
  }
}
