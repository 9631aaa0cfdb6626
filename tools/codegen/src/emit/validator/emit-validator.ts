// The validator package of a service: zod 4 schemas of every request, reply
// and error body, `validate<Action>Request` / `validate<Action>Response`
// functions, and standalone JSON Schemas.

import type { SpecSource } from '../../load-service.js'
import { VALIDATOR_CODE_ROLES } from '../../model/code-roles.js'
import type { ObjectNode, ServiceModel, StringNode } from '../../model/types.js'
import { names } from '../names.js'
import { codesFor } from '../shared/codes.js'
import { compareEnglish } from '../shared/collate.js'
import { bundledImport, contractTest } from '../shared/contract-test.js'
import { banner, type GeneratedFile, type GeneratedPackage, literal, SCOPE } from '../shared/files.js'
import { packageFiles } from '../shared/package-files.js'
import { errorCodesByPath, sharedNamedNodes } from '../shared/walk-nodes.js'
import { type CompiledContext, printChecks } from './compiled-printer.js'
import { jsonSchemaFor } from './json-schemas.js'
import { type PrintContext, printSchema } from './zod-printer.js'

export function emitValidator(service: ServiceModel, source: SpecSource): GeneratedPackage {
  const name = `${SCOPE}/${service.name}-validator`
  const files: GeneratedFile[] = [
    ...packageFiles(
      service,
      {
        name,
        description: `zod 4 schemas and validators for every request and response of the Zenlayer ${service.name} OS-reset API`,
        dependencies: { '@zenlayer-reset/validator-runtime': 'workspace:^' },
        peerDependencies: { zod: '^4.1.0' },
        devDependencies: { zod: '^4.1.0', '@zenlayer-reset/contract': 'workspace:*' },
        exports: { './json-schema/*': './json-schema/*' },
        files: ['json-schema'],
        keywords: ['validator', 'zod', 'json-schema'],
        readme: readme(service),
      },
      source.repo,
    ),
    { path: 'src/generated/schemas.ts', content: schemasFile(service) },
    { path: 'src/generated/validate.ts', content: validateFile(service) },
    { path: 'src/generated/zod-validators.ts', content: zodValidatorsFile(service) },
    {
      path: 'src/index.ts',
      content: `${banner(service)}export * from './generated/schemas.js'\nexport * from './generated/validate.js'\nexport * from './generated/zod-validators.js'\n`,
    },
    { path: 'test/spec-examples.test.ts', content: examplesTest(service) },
    {
      path: 'test/contract.test.ts',
      content: contractTest(service, {
        imports: [
          "import { validatorSuite } from '@zenlayer-reset/contract'",
          "import * as validator from '../src/index.js'",
        ],
        call: `validatorSuite({ service: '${service.name}', casesDir, validator })`,
      }),
    },
  ]
  for (const op of service.operations) {
    for (const which of ['request', 'reply'] as const) {
      files.push({
        path: `json-schema/${op.action}.${which}.json`,
        content: `${JSON.stringify(jsonSchemaFor(service, source, op, which), null, 2)}\n`,
      })
    }
  }
  return { dir: `packages/${service.name}-validator`, name, files }
}

function schemasFile(service: ServiceModel): string {
  const roots = service.operations.flatMap((op) => [op.request, op.reply])
  const named = sharedNamedNodes(roots)
  const helpers = new Set<string>()
  const strict: PrintContext = { mode: 'strict', named, helpers }
  const loose: PrintContext = { mode: 'loose', named, helpers }
  const body: string[] = []
  for (const [node, constName] of named) {
    const doc = node.description ? `/** ${node.description.replace(/\*\//g, '* /')} */\n` : ''
    body.push(`${doc}export const ${constName} = ${printSchema(node, strict, false)}`)
  }
  for (const op of service.operations) {
    const requestId = op.reply.properties.find((p) => p.name === 'requestId')?.schema as StringNode | undefined
    const codes = op.errors.map((e) => e.code)
    body.push(
      `/** ${op.action} request: strict, an unknown field is an error. */\nexport const ${names.schema(op.action, 'Request')} = ${printSchema(op.request, strict)}`,
      `export type ${names.schema(op.action, 'Request')} = z.input<typeof ${names.schema(op.action, 'Request')}>`,
      `/** ${op.action} reply as on the wire: lenient, unknown fields are kept. */\nexport const ${names.schema(op.action, 'Reply')} = ${printSchema(op.reply, loose)}`,
      `export type ${names.schema(op.action, 'Reply')} = z.output<typeof ${names.schema(op.action, 'Reply')}>`,
      `/** Error body of ${op.action}, with the codes it documents. */\nexport const ${names.schema(op.action, 'ErrorBody')} = z.looseObject({ requestId: ${requestId ? printSchema(requestId, loose) : 'z.string()'}, code: openEnum(${literal(codes)}), message: z.string() })`,
      `export type ${names.schema(op.action, 'ErrorBody')} = z.output<typeof ${names.schema(op.action, 'ErrorBody')}>`,
    )
  }
  // An error body's code is read as any reply's enumeration: open to a code documented later.
  if (service.operations.length > 0) helpers.add('openEnum')
  // Imported as a namespace from zod/mini: a bundler keeps only the zod functions the schemas call.
  const imports = [`import * as z from 'zod/mini'`]
  if (helpers.size > 0)
    imports.push(`import { ${[...helpers].sort().join(', ')} } from '@zenlayer-reset/validator-runtime'`)
  return `${banner(service)}${imports.join('\n')}\n\n${body.join('\n\n')}\n`
}

/** The compiled validators, the table the client, the mock and the contract suite read: plain code, no zod. */
function validateFile(service: ServiceModel): string {
  const constants = new Map<string, string>()
  const runtime = new Set<string>()
  const generic = codesFor(service, VALIDATOR_CODE_ROLES, 'the validator runtime')
  const functions = service.operations.flatMap((op) =>
    (['request', 'response'] as const).map((direction) => {
      const root = direction === 'request' ? op.request : op.reply
      const type = `s.${names.schema(op.action, direction === 'request' ? 'Request' : 'Reply')}`
      const ctx: CompiledContext = {
        mode: direction === 'request' ? 'strict' : 'loose',
        action: op.action,
        direction,
        codes: errorCodesByPath(root),
        generic,
        constants,
        runtime,
      }
      const { body, tracksHard } = printChecks(root, ctx)
      const doc =
        direction === 'request'
          ? `Checks a ${op.action} request against every rule of the spec, before anything is sent.`
          : `Checks a ${op.action} reply body (the whole envelope); unknown fields pass and are kept.`
      return `/** ${doc} */
export function ${names.validator(op.action, direction)}(input: unknown): ValidationResult<${type}> {
let issues: ValidationIssue[] | undefined
${tracksHard ? 'let hard = 0\n' : ''}${body}
return issues === undefined ? { ok: true, value: input as ${type} } : { ok: false, code: (issues[0] as ValidationIssue).code, issues }
}`
    }),
  )
  const imports = [
    `import { ${[...runtime, 'addIssue', 'type ValidationIssue', 'type ValidationResult'].sort(byName).join(', ')} } from '@zenlayer-reset/validator-runtime/compiled'`,
    `import type * as s from './schemas.js'`,
  ]
  const consts = [...constants].map(([source, name]) => `const ${name} = ${source}`)
  return `${banner(service)}// Compiled from the same model as schemas.ts (tools/codegen/src/emit/validator/compiled-printer.ts): one
// \`if\` per rule, and the same reports as the zod route (zod-validators.ts), which the validator checks hold
// them to.
${imports.join('\n')}

${consts.length > 0 ? `${consts.join('\n')}\n\n` : ''}${functions.join('\n\n')}

${validatorsTable(service, 'validators', "Every action's validators, by action, and the service they check: what a client's `validator` option, the mock and the contract suite read.")}
`
}

/** The zod route: the same checks through the zod schemas (createValidator), for users who compose the schemas. */
function zodValidatorsFile(service: ServiceModel): string {
  const generic = `/** The spec's codes for a missing or unknown field, a broken rule without its own code, and a body that is no object (x-zc-role). */\nconst generic = ${literal(codesFor(service, VALIDATOR_CODE_ROLES, 'the validator runtime'))}`
  const entries = service.operations.map((op) => {
    const meta = (direction: 'request' | 'response', root: ObjectNode) =>
      `{ service: ${literal(service.name)}, action: ${literal(op.action)}, direction: '${direction}', codes: ${literal(errorCodesByPath(root))}, generic }`
    return `    ${op.action}: {
      request: createValidator(s.${names.schema(op.action, 'Request')}, ${meta('request', op.request)}),
      response: createValidator(s.${names.schema(op.action, 'Reply')}, ${meta('response', op.reply)}),
    },`
  })
  return `${banner(service)}import { createValidator } from '@zenlayer-reset/validator-runtime'
import * as s from './schemas.js'

${generic}

/**
 * Every action's validators through zod (createValidator over the schemas of schemas.ts): the same reports
 * as \`validators\`, slower. Kept as the reference the compiled validators are tested against, and for code
 * that validates with schemas it composed from these.
 */
export const zodValidators = {
  service: ${literal(service.name)},
  actions: {
${entries.join('\n')}
  },
} as const
`
}

function validatorsTable(service: ServiceModel, name: string, doc: string): string {
  const table = service.operations
    .map(
      (op) =>
        `    ${op.action}: { request: ${names.validator(op.action, 'request')}, response: ${names.validator(op.action, 'response')} },`,
    )
    .join('\n')
  return `/** ${doc} */\nexport const ${name} = {\n  service: ${literal(service.name)},\n  actions: {\n${table}\n  },\n} as const`
}

/** Import names in the order biome sorts them (case-insensitive, \`type\` prefixes ignored). */
function byName(a: string, b: string): number {
  const key = (x: string) => x.replace(/^type /, '')
  return compareEnglish(key(a), key(b))
}

function examplesTest(service: ServiceModel): string {
  // Every example of the spec passes the generated validators (tools/contract).
  return `${banner(service)}${bundledImport(service)}
import { validatorExamplesSuite } from '@zenlayer-reset/contract'
import { validators } from '../src/index.js'

validatorExamplesSuite({ bundled, validators })
`
}

function readme(service: ServiceModel): string {
  const first = service.operations[0]?.action ?? 'Action'
  const generic = codesFor(service, VALIDATOR_CODE_ROLES, 'the validator runtime')
  return `# ${SCOPE}/${service.name}-validator

Validators and zod 4 schemas of every request and reply of the Zenlayer
${service.name} OS-reset API (X-ZC-Version ${service.version}), generated from
\`${service.specPath}\`. \`zod\` is a peer dependency (of the schemas).

\`\`\`ts
import { ${names.validator(first, 'request')} } from '${SCOPE}/${service.name}-validator'

const result = ${names.validator(first, 'request')}(input)
if (!result.ok) console.error(result.code, result.issues) // the API error code the server would answer
\`\`\`

- \`validate<Action>Request\` and \`validate<Action>Reply\` are compiled: plain
  code generated from the spec's rules, one \`if\` per rule, no zod at run time,
  faster than ajv on the same JSON Schema (\`npm run bench\`). The client's
  \`validator\` option and the mock run them. An app that takes only these
  (\`import { validators }\`) bundles about 3 kB gzipped and no zod.
- The schemas are zod 4 schemas in the tree-shakable \`zod/mini\` form: an app
  that takes this whole package pays about 9 kB gzipped, zod included (the
  suite's budget is 20 kB; zod classic alone is about 90 kB). Use them as any
  zod schema (\`parse\`, \`safeParse\`, Standard Schema, \`z.infer\`) and
  compose them with \`zod/mini\` functions (\`z.optional(...)\`, \`.check(...)\`).
  \`<Action>Request\`, \`<Action>Reply\` (the whole envelope, as the spec names it)
  and \`<Action>ErrorBody\`. \`zodValidators\` runs the same checks through them
  and gives the very same reports as the compiled validators (the test suite
  holds the two, and ajv, to that), slower.
- Requests are strict: an unknown field is an error, by name. Replies are
  lenient: unknown fields are accepted and kept, and an enumeration (an
  instance status) accepts a value added later, so a new field or status from
  the vendor breaks nobody.
- \`validators\` is the table of every action's request and response
  validators, with the service it checks: what a client's \`validator\` option,
  the mock and the contract suite read (\`import { validators } from '${SCOPE}/${service.name}-validator'\`).
- Validation does not transform: defaults are the server's to apply.
- JSON Schema (2020-12) of every request and reply: \`${SCOPE}/${service.name}-validator/json-schema/<Action>.request.json\`.
- Every rule of the spec is checked, including those JSON Schema cannot
  state: UTF-8 byte limits (\`x-zc-max-utf8-bytes\`), "at most one of" pairs,
  duplicate ids, per-part pattern messages. Lengths count characters as JSON
  Schema does (code points).
- \`code\` is the error code the server answers for that input: the rule's own
  (\`x-zc-error-code\`), else ${generic.parameterMissing} (a missing field),
  ${generic.parameterUnknown} (an unknown field), ${generic.valueMalformed},
  or ${generic.bodyMalformed} for a body that is not an object.

## Not checked here: rules that need server state

${stateRules(service)}
These need the state of the account: the server enforces them, not this package.
`
}

function stateRules(service: ServiceModel): string {
  const lines: string[] = []
  for (const op of service.operations) {
    for (const rule of op.stateRules) {
      const effect = rule.errorCode ? `answers ${rule.errorCode}` : 'puts the instance in the failed list'
      lines.push(`- ${op.action}, \`${rule.id}\`: ${rule.description} (${effect})`)
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : 'None.\n'
}
