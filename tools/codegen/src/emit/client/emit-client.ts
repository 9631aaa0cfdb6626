// The client package of a service: openapi-typescript types, the operation
// table, and a factory with one method per action over the hand-written
// @zenlayer-reset/client-runtime.
import type { SpecSource } from '../../load-service.js'
import type { OperationModel, ServiceModel } from '../../model/types.js'
import { names } from '../names.js'
import { bundledImport, contractTest } from '../shared/contract-test.js'
import { clientDescriptor } from '../shared/descriptor.js'
import { banner, type GeneratedPackage, literal, SCOPE } from '../shared/files.js'
import { packageFiles } from '../shared/package-files.js'
import { renderTypes } from './openapi-types.js'
import { printType } from './ts-types.js'

export async function emitClient(service: ServiceModel, source: SpecSource): Promise<GeneratedPackage> {
  const name = `${SCOPE}/${service.name}-client`
  // openapi-typescript's types, cut from the bundled document (never the files): the emitter stays a function of
  // its inputs. Our printer of them, or openapi-typescript itself for a document it refuses (openapi-types.ts).
  const types = await renderTypes(source.bundled)
  const mockFactory = names.mockFactory(service.name)
  const clientFactory = names.clientFactory(service.name)
  return {
    dir: `packages/${service.name}-client`,
    name,
    files: [
      ...packageFiles(
        service,
        {
          name,
          description: `Typed, signed client for the Zenlayer ${service.name} OS-reset API`,
          dependencies: { '@zenlayer-reset/client-runtime': 'workspace:^' },
          devDependencies: {
            '@zenlayer-reset/contract': 'workspace:*',
            [`@zenlayer-reset/${service.name}-mock`]: 'workspace:*',
            zod: '^4.1.0',
          },
          keywords: ['sdk', 'client', 'typescript', 'openapi'],
          readme: readme(service),
        },
        source.repo,
      ),
      { path: 'src/generated/schema.ts', content: `${banner(service)}${types}` },
      { path: 'src/generated/operations.ts', content: operationsFile(service) },
      { path: 'src/generated/client.ts', content: clientFile(service) },
      {
        path: 'src/index.ts',
        content: `${banner(service)}export * from '@zenlayer-reset/client-runtime'\nexport * from './generated/client.js'\nexport { service } from './generated/operations.js'\nexport type { components, operations, paths } from './generated/schema.js'\n`,
      },
      { path: 'test/operations.test.ts', content: operationsTest(service) },
      {
        path: 'test/contract.test.ts',
        content: contractTest(service, {
          imports: [
            "import { clientSuite } from '@zenlayer-reset/contract'",
            `import { ${mockFactory} } from '@zenlayer-reset/${service.name}-mock'`,
            `import { ${clientFactory} } from '../src/index.js'`,
            bundledImport(service),
          ],
          call: `clientSuite({ service: '${service.name}', casesDir, bundled, createClient: ${clientFactory} as never, createMock: ${mockFactory} })`,
        }),
      },
    ],
  }
}

function operationsFile(service: ServiceModel): string {
  return `${banner(service)}import type { ServiceDescriptor } from '@zenlayer-reset/client-runtime'

/** What the runtime needs to know of each action: identity, wire, retry safety, secrets, error codes. */
export const service = ${literal(clientDescriptor(service))} as const satisfies ServiceDescriptor
`
}

function ioTypes(op: OperationModel, statuses: readonly string[]): string {
  const codes = op.errors.map((e) => literal(e.code)).join(' | ')
  // A batch's raw failed list is not in the result: the runtime gives failedInstanceIds and succeededInstanceIds.
  const output = printType(op.response, {
    direction: 'output',
    omit: op.batch ? [op.batch.failed] : [],
    named: { values: statuses, name: names.statusType() },
  })
  return `/** Input of ${op.action}: ${op.summary}. */
export type ${op.action}Input = ${printType(op.request, { direction: 'input' })}
/** What ${op.action} returns: the reply's \`response\`, with its \`requestId\`${op.batch ? ', and the failed and succeeded ids' : ''}. */
export type ${op.action}Output = ApiResult<${output}>${op.batch ? ' & BatchOutcome' : ''}
${fleetInput(op)}/** The error codes ${op.action} documents. */
export type ${op.action}ErrorCode = ${codes}
/** An API error of ${op.action}, its code narrowed to those the action documents. */
export type ${names.clientError(op.action)} = ApiError<${op.action}ErrorCode>
/** Whether \`error\` is an API error answered to ${op.action}. */
export function ${names.errorGuard(op.action)}(error: unknown): error is ${names.clientError(op.action)} {
  return error instanceof ApiError && error.action === ${literal(op.action)}
}`
}

/** A fleet method's input: the action's input with \`instanceIds\`, any number, instead of its instance field. */
function fleetInput(op: OperationModel): string {
  const field = op.batch?.instances ?? op.transition?.instances
  if (!op.transition?.fleet || !field) return ''
  return `/** Input of ${op.transition.fleet}: the fields of ${op.action}, and \`instanceIds\`, any number of instances. */
export type ${op.action}FleetInput = FleetInputOf<${op.action}Input, ${literal(field)}>
`
}

/** The statuses an instance can be in, open to one the vendor adds later (a string, not a refusal). */
function statusType(service: ServiceModel): string {
  const known = service.statuses.map((s) => literal(s)).join(' | ')
  return `/** A status of a ${service.name} instance, as the status query answers it; a status added later by the vendor is kept as a string. */
export type ${names.statusType()} = ${known ? `${known} | (string & {})` : 'string'}`
}

function clientFile(service: ServiceModel): string {
  const clientType = names.clientType(service.name)
  const clientFactory = names.clientFactory(service.name)
  const methods = service.operations.map(
    (op) => `  /**
   * ${op.summary}. X-ZC-Action: ${op.action}.${op.idempotent ? '' : ' Never retried once it may have reached the server.'}
   * @see ${op.docsUrl}
   */
  ${names.method(op.action)}(input: ${op.action}Input, options?: CallOptions): Promise<${op.action}Output>`,
  )
  const impls = service.operations.map(
    (op) =>
      `    ${names.method(op.action)}: (input, options) => client.call(service.operations.${op.action}, input, options),`,
  )
  const fleets = service.operations.filter((op) => op.transition?.fleet)
  for (const op of fleets) {
    const t = op.transition
    const field = op.batch?.instances ?? t?.instances
    if (!t?.fleet || !field) continue
    const how = op.batch
      ? `in calls of ${op.batch.maxIds ?? 'as many ids as the spec allows'} ids (the spec's limit)`
      : 'one call per instance, several at once'
    methods.push(`  /**
   * Resets any number of instances with ${op.action}, ${how}: duplicates refused, validated once before anything
   * is sent, rate limiting paced for every call together, and never a second call for an id whose call may have
   * reached the server. Then (unless \`wait: false\`) follows them all with ${t.observe} until ${t.to}, ${[t.failure, ...t.deadEnds].filter(Boolean).join(', ')}.
   *
   * Every input and option is checked before the first send: a mistake rejects, and nothing was sent. Once
   * anything was sent, it always resolves, with one outcome per id: invalid, refused, unknown, reset, failed,
   * pending, accepted or not-sent (an error along the way is the outcome of the ids it touched, with why).
   */
  ${t.fleet}(input: ${op.action}FleetInput, options?: FleetOptions<${names.statusType()}>): Promise<FleetResult<${names.statusType()}>>`)
    impls.push(
      `    ${t.fleet}: (input, options) => runFleet(client, service, service.operations.${op.action}, input, options, config.validator?.validators.actions.${op.action}.request),`,
    )
  }
  const waiters = service.operations.filter((op) => op.transition?.waiter)
  for (const op of waiters) {
    const t = op.transition
    if (!t?.waiter) continue
    methods.push(`  /**
   * Polls ${t.observe} until every instance is ${t.to} after ${op.action}; fails at once on ${[t.failure, ...t.deadEnds].filter(Boolean).join(', ')}, unknown ids or errors that will not clear.
   */
  ${t.waiter}(options: WaitOptions<${names.statusType()}>): Promise<WaitResult<${names.statusType()}>>`)
    impls.push(`    ${t.waiter}: (options) => waitUntil(client, service, service.operations.${op.action}, options),`)
  }
  const types = service.operations.map((op) => ioTypes(op, service.statuses)).join('\n\n')
  const runtime = [
    'ApiError',
    'type ApiResult',
    ...(service.operations.some((o) => o.batch) ? ['type BatchOutcome'] : []),
    'type CallOptions',
    'type ClientConfig',
    'createServiceClient',
    'type Credentials',
    'envCredentials',
    'type RawClient',
    ...(waiters.length > 0 ? ['type WaitOptions', 'type WaitResult', 'waitUntil'] : []),
    ...(fleets.length > 0
      ? ['type FleetInputOf', 'type FleetOptions', 'type FleetResult', 'resetFleet as runFleet']
      : []),
    ...(types.includes('NotTogether<') ? ['type NotTogether'] : []),
  ]
  return `${banner(service)}import { ${runtime.join(', ')} } from '@zenlayer-reset/client-runtime'
import { service } from './operations.js'
import type { paths } from './schema.js'

${statusType(service)}

/** The actions of the ${service.name} API. */
export type ${names.actionType()} = ${service.operations.map((o) => literal(o.action)).join(' | ')}

${types}

/**
 * The access key in the environment: ${service.signing.envAccessKeyId} and ${service.signing.envAccessKeySecret},
 * read when a call is made (a client given no credentials reads them too).
 */
export function fromEnv(env?: Record<string, string | undefined>): () => Credentials {
  return envCredentials(service.signing, env)
}

/** A client of the Zenlayer ${service.name} API, version ${service.version}. */
export interface ${clientType} {
  /** The openapi-fetch client underneath, with the same signing (and logging) middleware. */
  readonly raw: RawClient<paths>
${methods.join('\n')}
}

/** Creates a client of the Zenlayer ${service.name} API. */
export function ${clientFactory}(config: ClientConfig<${literal(service.name)}, ${names.actionType()}> = {}): ${clientType} {
  const client = createServiceClient<paths>(service, config)
  return {
    raw: client.raw,
${impls.join('\n')}
  }
}
`
}

function operationsTest(service: ServiceModel): string {
  // The package carries every action of the spec with its identity, retry safety and a method (tools/contract).
  return `${banner(service)}${bundledImport(service)}
import { clientTableSuite } from '@zenlayer-reset/contract'
import { ${names.clientFactory(service.name)}, service } from '../src/index.js'

clientTableSuite({ bundled, service, createClient: ${names.clientFactory(service.name)} })
`
}

/** "password and keyId together": each at-most-one rule of the actions' inputs, in words. */
function exclusiveWords(service: ServiceModel): string {
  const rules = service.operations.flatMap((op) => op.request.exclusive.map((r) => r.fields.join(' and ')))
  return rules.length > 0 ? `${[...new Set(rules)].join('; ')} together` : 'unknown fields, missing required ones'
}

/** The README's section on the fleet method: its two promises, its options and its outcomes. */
function fleetSection(service: ServiceModel, reset: OperationModel, fleet: string): string {
  const t = reset.transition
  const size = reset.batch ? `${reset.batch.maxIds ?? 100} (the spec's limit, the default)` : '1 (one instance a call)'
  return `## Fleets (\`${service.name}.${fleet}(input, options)\`)

Two promises, in this order:

1. **Every input and option is checked before the first send.** Duplicate or
   empty ids, a wrong \`wait\`, \`batchSize\`, \`concurrency\`, \`signal\` or
   \`onProgress\`, and (with a validator) a field that would refuse every id:
   the method rejects, and nothing was sent.
2. **Once anything was sent, it always resolves**, with one outcome per id,
   whatever happens next: an error along the way becomes the outcome of the ids
   it touched, with why. An id whose call may have reached the server is never
   sent again.

| option | default | |
| --- | --- | --- |
| \`wait\` | \`{ maxWaitSeconds: 3600 }\` | follows every accepted id with ${t?.observe ?? 'the status query'}, at most this long (up to 30 days; also \`firstDelayMs\`, \`maxDelayMs\`, \`startGraceSeconds\`); \`false\` stops at accepted |
| \`batchSize\` | ${size} | ids per call, a whole number up to the spec's limit |
| \`concurrency\` | ${reset.batch ? 2 : 8} | calls in flight at once, a whole number |
| \`signal\` | none | an AbortSignal: stops new sends at once; a call already on its way runs to its reply, so what was sent is still reported |
| \`onProgress\` | none | each event: sent, accepted, refused, unknown, running, failed, rate-limited, and \`polled\` after every round of status polls while waiting (ids in flight, counted by status); what it throws or rejects is dropped |

Rate limiting holds every call together, honouring Retry-After up to the
client's \`retry.maxDelayMs\`; a longer one ends the ids not yet sent as
\`not-sent\`, saying why. Outcomes: \`invalid\`, \`refused\`, \`unknown\`,
\`reset\`, \`failed\`, \`pending\`, \`accepted\`, \`not-sent\`; \`totals\` counts each.${
    reset.batch
      ? `
The batch reply lists refused ids without a reason; the fleet asks
${t?.observe ?? 'the status query'} about them once and says why in the outcome's
\`reason\` (\`RUNNING: ${reset.action} needs ${t?.from.join(' or ') ?? 'another status'}\`, or no such instance).`
      : ''
  }

`
}

/** How to forward optional values when the spec allows only one of two fields (none when it has no such rule). */
function forwardingWords(service: ServiceModel): string {
  const rule = service.operations.flatMap((op) => op.request.exclusive)[0]
  const [a, b] = rule?.fields ?? []
  if (!a || !b) return ''
  return `
  Setting both ends the compiler's message on the rule in words
  (\`NotTogether<'${a} and ${b}: set one of them, or none, never both'>\`).
  An optional field also takes \`undefined\` (sent as absent). To forward two
  optional values of which at most one is set, spread the one you have:
  \`{ ...rest, ...(o.${b} !== undefined ? { ${b}: o.${b} } : { ${a}: o.${a} }) }\`.`
}

function readme(service: ServiceModel): string {
  const clientFactory = names.clientFactory(service.name)
  const reset = service.operations.find((o) => o.transition?.waiter) ?? service.operations[0]
  const waiter = reset?.transition?.waiter
  const batch = reset?.batch
  // Only the field naming the instances: the example is the spec's, whatever its other fields are called.
  const one = reset?.transition?.instances ?? 'instanceId'
  const fleet = reset?.transition?.fleet
  const example = `${
    batch
      ? `const { failedInstanceIds, succeededInstanceIds, requestId } = await ${service.name}.${reset ? names.method(reset.action) : 'call'}({ ${batch.instances}: ['inst-a', 'inst-b'] })`
      : `const { requestId } = await ${service.name}.${reset ? names.method(reset.action) : 'call'}({ ${one}: 'inst-a' })`
  }${
    fleet
      ? `\n// Any number of instances: batched or in parallel, paced together, never sent twice, one outcome each.\nconst { totals, outcomes } = await ${service.name}.${fleet}({ instanceIds: ['inst-c', 'inst-d', 'inst-e'] }, { wait: { maxWaitSeconds: 1800 } })`
      : ''
  }`
  return `# ${SCOPE}/${service.name}-client

Typed, signed client for the Zenlayer ${service.name} OS-reset API (X-ZC-Version
${service.version}), generated from \`${service.specPath}\`. Runs on Node 20.19+ and
in browsers; pulls in no zod and no mock code (about 18 kB gzipped with
everything it needs, the fleet method included; the suite enforces 18.7 kB).

\`\`\`ts
import { ${clientFactory} } from '${SCOPE}/${service.name}-client'

// Credentials: ${service.signing.envAccessKeyId} and ${service.signing.envAccessKeySecret} from the environment,
// or pass { accessKeyId, accessKeySecret } or { token }.
const ${service.name} = ${clientFactory}({ logger: console })
${example}
${waiter ? `await ${service.name}.${waiter}({ instanceIds: ['inst-a'], maxWaitSeconds: 900, onProgress: (p) => console.log(p.statuses) })` : ''}
\`\`\`

Actions: ${service.operations.map((o) => `\`${names.method(o.action)}\` (${o.action}${o.idempotent ? '' : ', never retried once sent'})`).join(', ')}.

## Types

- \`<Action>Input\` and \`<Action>Output\` are printed from the spec: every field
  carries its rules in words, its default and an example (hover it). Inputs
  take readonly lists (\`as const\`, or a result's \`failedInstanceIds\`), and
  what the spec forbids does not compile (${exclusiveWords(service)}).${forwardingWords(service)}
- \`InstanceStatus\` lists the statuses the status query answers, and stays
  open: a status the vendor adds later is a string, kept, not refused. The
  waiter's progress and result, and \`WaiterError.instances\`, use it;
  \`WaiterError.code\` is a \`WaiterErrorCode\`.${
    batch
      ? `
- A batch result has \`failedInstanceIds\` and \`succeededInstanceIds\`; the
  reply's own list (\`${batch.failed}\`) is not repeated in it.`
      : ''
  }
- \`client.raw\` (openapi-fetch) needs only the path and the body: the
  protocol headers and the signature are filled from the path.

${fleet && reset ? fleetSection(service, reset, fleet) : ''}## Configuration (\`${clientFactory}(config)\`)

| option | default | |
| --- | --- | --- |
| \`credentials\` | the environment: ${service.signing.envAccessKeyId} and ${service.signing.envAccessKeySecret} (\`fromEnv()\`), read at each call | access key (signed ZC2-HMAC-SHA256), bearer token, or a function giving either |
| \`baseUrl\` | https://console.zenlayer.com | https only, or plain http to a loopback host (\`http://127.0.0.1:8787\` for the mock); no user:password in it |
| \`allowInsecureHttp\` | false | allow plain http to a host that is not loopback (secrets then travel in clear) |
| \`retry\` | 4 attempts, 1 s base, 20 s cap | \`false\` turns retries off |
| \`attemptTimeoutMs\` / \`callTimeoutMs\` | 30 s / 120 s | the call limit covers retries and their waits |
| \`maxResponseBytes\` | 4 MiB | a larger reply is a \`ProtocolError\`, never read whole |
| \`validator\` | off | \`{ validators }\`, imported from \`${SCOPE}/${service.name}-validator\`: the bytes to be sent are checked by the compiled validators (no zod is bundled); invalid input never reaches the network. Typed per service: another service's validator does not compile |
| \`logger\` | none | masked request, response and retry events: a function of each event, or a console-like object (\`console\`, pino...: requests and responses to \`debug\`, retries to \`warn\`) |
| \`fetch\`, \`now\`, \`sleep\`, \`clock\`, \`random\` | globals | for tests |

A bad option is a \`ConfigError\` naming it, thrown when the client is created.
Every call also takes \`{ signal, timeoutMs }\`; both hold whatever \`fetch\` does
with signals, and an aborted signal sends nothing.

## Safety

- A reset carries no idempotency token, so it is sent again only when the
  server provably did not act on it: HTTP 429 (with or without the API's
  envelope; Retry-After honoured) and failures before any byte left (connection
  refused, no such host). Never on an error code alone: a 500 or 504 carrying
  REQUEST_LIMIT_EXCEEDED is not retried. Actions the spec marks idempotent also
  retry server errors, timeouts and dropped connections. Each attempt is
  signed afresh.
- Redirects are never followed: every request asks for \`redirect: 'manual'\`
  (also when a middleware rebuilt it), and a 3xx, or a reply your own \`fetch\`
  says it followed, is a \`RedirectError\`. The body goes to no origin you did
  not configure, provided a \`fetch\` you supply does not follow redirects itself.
- Replies are checked before they are believed: a 2xx must be the envelope
  with an object \`response\` and a \`requestId\`${batch ? `, and the failed list (\`${batch.failed}\`) an array of the ids asked` : ''}; a reset's reply
  may not name a field twice. Anything else (another 2xx, an error envelope) is a
  \`ProtocolError\` listing the ids whose fate is unknown (\`unknownInstanceIds\`);
  an id is never reported reset without evidence.
- A refused timestamp (${service.codeRoles.timestampExpired ?? 'its code'}) whose reply's \`Date\`
  shows the local clock is off corrects the clock offset and signs once more;
  later calls keep the offset.
- Errors: \`ApiError\` (code, requestId, status, action, the server's
  \`serverMessage\`), \`EdgeBlockedError\` (403 challenge, 451, a bare 429,
  non-JSON), \`RedirectError\`, \`ProtocolError\`, \`NetworkError\` (\`neverSent\`),
  \`TimeoutError\`, \`InvalidInputError\`, \`MissingCredentialsError\`, \`ConfigError\`${waiter ? ', `WaiterError`' : ''}:
  all \`ZenlayerError\`s with a stable \`code\` and \`mayHaveBeenApplied\` (false
  only when the failure proves the server did not act). \`instanceof\` works
  across two installed copies of the runtime. \`is<Action>Error(e)\` narrows
  \`e.code\` to the codes that action documents.
- Secrets (the access-key secret, the signature, the token, and the fields the
  spec marks sensitive, at any depth) never appear in log events, errors or
  results: sensitive fields are masked by name in requests and replies, the
  request's own secret values are scrubbed from anything the server echoes,
  and the Authorization, Proxy-Authorization, Cookie and Set-Cookie headers
  are masked whole.
- \`client.raw\` is the openapi-fetch client underneath, with the same
  signing middleware; middleware added to it also applies to the methods.
`
}
