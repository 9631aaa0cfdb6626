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

export async function emitClient(service: ServiceModel, source: SpecSource): Promise<GeneratedPackage> {
  const name = `${SCOPE}/${service.name}-client`
  // openapi-typescript reads the bundled document, never the files: the emitter stays a function of its inputs.
  const types = await renderTypes(source.bundled)
  const mockFactory = names.mockFactory(service.name)
  const clientFactory = names.clientFactory(service.name)
  return {
    dir: `packages/${service.name}-client`,
    name,
    files: [
      ...packageFiles(service, {
        name,
        description: `Typed, signed client for the Zenlayer ${service.name} OS-reset API`,
        dependencies: { '@zenlayer-reset/client-runtime': 'workspace:^' },
        devDependencies: {
          '@zenlayer-reset/contract': 'workspace:*',
          [`@zenlayer-reset/${service.name}-mock`]: 'workspace:*',
          zod: '^4.1.0',
        },
        readme: readme(service),
      }),
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

function ioTypes(op: OperationModel): string {
  const at = `paths[${literal(op.pathKey)}]['post']`
  const response = `${at}['responses'][200]['content']['application/json']['response']`
  const codes = op.errors.map((e) => literal(e.code)).join(' | ')
  return `/** Input of ${op.action}: ${op.summary}. */
export type ${op.action}Input = ${at}['requestBody']['content']['application/json']
/** What ${op.action} returns: the reply's \`response\`, with its \`requestId\`${op.batch ? ', and the failed and succeeded ids' : ''}. */
export type ${op.action}Output = ApiResult<${op.batch ? `${response} & BatchOutcome` : response}>
/** The error codes ${op.action} documents. */
export type ${op.action}ErrorCode = ${codes}
/** An API error of ${op.action}, its code narrowed to those the action documents. */
export type ${names.schema(op.action, 'Error')} = ApiError<${op.action}ErrorCode>
/** Whether \`error\` is an API error answered to ${op.action}. */
export function ${names.errorGuard(op.action)}(error: unknown): error is ${names.schema(op.action, 'Error')} {
  return error instanceof ApiError && error.action === ${literal(op.action)}
}`
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
  const waiters = service.operations.filter((op) => op.transition?.waiter)
  for (const op of waiters) {
    const t = op.transition
    if (!t?.waiter) continue
    methods.push(`  /**
   * Polls ${t.observe} until every instance is ${t.to} after ${op.action}; fails at once on ${[t.failure, ...t.deadEnds].filter(Boolean).join(', ')}, unknown ids or errors that will not clear.
   */
  ${t.waiter}(options: WaitOptions): Promise<WaitResult>`)
    impls.push(`    ${t.waiter}: (options) => waitUntil(client, service, service.operations.${op.action}, options),`)
  }
  const runtime = [
    'ApiError',
    'type ApiResult',
    ...(service.operations.some((o) => o.batch) ? ['type BatchOutcome'] : []),
    'type CallOptions',
    'type ClientConfig',
    'createServiceClient',
    'type RawClient',
    ...(waiters.length > 0 ? ['type WaitOptions', 'type WaitResult', 'waitUntil'] : []),
  ]
  return `${banner(service)}import { ${runtime.join(', ')} } from '@zenlayer-reset/client-runtime'
import { service } from './operations.js'
import type { paths } from './schema.js'

${service.operations.map(ioTypes).join('\n\n')}

/** A client of the Zenlayer ${service.name} API, version ${service.version}. */
export interface ${clientType} {
  /** The openapi-fetch client underneath, with the same signing (and logging) middleware. */
  readonly raw: RawClient<paths>
${methods.join('\n')}
}

/** Creates a client of the Zenlayer ${service.name} API. */
export function ${clientFactory}(config: ClientConfig = {}): ${clientType} {
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

function readme(service: ServiceModel): string {
  const clientFactory = names.clientFactory(service.name)
  const reset = service.operations.find((o) => o.transition?.waiter) ?? service.operations[0]
  const waiter = reset?.transition?.waiter
  const batch = reset?.batch
  const example = batch
    ? `const { failedInstanceIds, succeededInstanceIds, requestId } = await ${service.name}.${reset ? names.method(reset.action) : 'call'}({ ${batch.instances}: ['inst-a', 'inst-b'], imageId, password })`
    : `const { requestId } = await ${service.name}.${reset ? names.method(reset.action) : 'call'}({ instanceId: 'inst-a', keyId })`
  return `# ${SCOPE}/${service.name}-client

Typed, signed client for the Zenlayer ${service.name} OS-reset API (X-ZC-Version
${service.version}), generated from \`${service.specPath}\`. Runs on Node 20.19+ and
in browsers; pulls in no zod and no mock code (about 14 kB gzipped with
everything it needs; the suite enforces 15 kB).

\`\`\`ts
import { ${clientFactory}, fromEnv } from '${SCOPE}/${service.name}-client'

const ${service.name} = ${clientFactory}({ credentials: fromEnv() }) // or { accessKeyId, accessKeySecret }, or { token }
${example}
${waiter ? `await ${service.name}.${waiter}({ instanceIds: ['inst-a'], maxWaitSeconds: 900, onProgress: (p) => console.log(p.statuses) })` : ''}
\`\`\`

Actions: ${service.operations.map((o) => `\`${names.method(o.action)}\` (${o.action}${o.idempotent ? '' : ', never retried once sent'})`).join(', ')}.

## Configuration (\`${clientFactory}(config)\`)

| option | default | |
| --- | --- | --- |
| \`credentials\` | none | access key (signed ZC2-HMAC-SHA256), bearer token, or \`fromEnv()\` (ZENLAYERCLOUD_SECRET_KEY_ID / _PASSWORD) |
| \`baseUrl\` | https://console.zenlayer.com | https only, or plain http to a loopback host (\`http://127.0.0.1:8787\` for the mock); no user:password in it |
| \`allowInsecureHttp\` | false | allow plain http to a host that is not loopback (secrets then travel in clear) |
| \`retry\` | 4 attempts, 1 s base, 20 s cap | \`false\` turns retries off |
| \`attemptTimeoutMs\` / \`callTimeoutMs\` | 30 s / 120 s | the call limit covers retries and their waits |
| \`maxResponseBytes\` | 4 MiB | a larger reply is a \`ProtocolError\`, never read whole |
| \`validator\` | off | \`import * as v from '${SCOPE}/${service.name}-validator'\`: the bytes to be sent are checked; invalid input never reaches the network |
| \`logger\` | none | masked request, response and retry events |
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
- A refused timestamp (AUTH_FAILURE_TIMESTAMP_EXPIRED) whose reply's \`Date\`
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
