// The mock package of a service: the route table and operation metadata
// (state rules, transitions, pagination, error statuses) that the
// hand-written mock engine runs. No engine code is generated.
import type { SpecSource } from '../../load-service.js'
import type { ServiceModel } from '../../model/types.js'
import { names } from '../names.js'
import { bundledImport, contractTest } from '../shared/contract-test.js'
import { mockDescriptor } from '../shared/descriptor.js'
import { banner, type GeneratedPackage, literal, SCOPE } from '../shared/files.js'
import { packageFiles } from '../shared/package-files.js'
import { stateBullet } from './readme-state.js'

export function emitMock(service: ServiceModel, source: SpecSource): GeneratedPackage {
  const name = `${SCOPE}/${service.name}-mock`
  const mockFactory = names.mockFactory(service.name)
  const routes = `${banner(service)}import type { MockService } from '@zenlayer-reset/mock-engine'

/** The ${service.name} service as the mock engine serves it: one route, POST ${`/api/v2/${service.name}`}, its actions by X-ZC-Action. */
export const service = ${literal(mockDescriptor(service))} as const satisfies MockService

export type Action = keyof typeof service.operations
export type InstanceStatus = (typeof service.statuses)[number]
`
  return {
    dir: `packages/${service.name}-mock`,
    name,
    files: [
      ...packageFiles(
        service,
        {
          name,
          description: `Stateful mock of the Zenlayer ${service.name} OS-reset API: in process, over HTTP and as MSW handlers`,
          dependencies: {
            '@zenlayer-reset/mock-engine': 'workspace:^',
            [`@zenlayer-reset/${service.name}-validator`]: 'workspace:^',
          },
          peerDependencies: { zod: '^4.1.0', msw: '^2.0.0 || ^3.0.0' },
          peerDependenciesMeta: { msw: { optional: true } },
          devDependencies: { zod: '^4.1.0', msw: '^2.7.0', '@zenlayer-reset/contract': 'workspace:*' },
          exports: { './msw': { types: './dist/msw.d.ts', default: './dist/msw.js' } },
          keywords: ['mock', 'msw', 'testing'],
          readme: readme(service),
        },
        source.repo,
      ),
      { path: 'src/generated/routes.ts', content: routes },
      { path: 'src/generated/mock.ts', content: mockFile(service) },
      {
        path: 'src/index.ts',
        content: `${banner(service)}export * from '@zenlayer-reset/mock-engine'\nexport * from './generated/mock.js'\nexport * from './generated/routes.js'\n`,
      },
      {
        path: 'src/msw.ts',
        content: `${banner(service)}/** MSW handlers over a ${service.name} mock (msw 2 or 3, an optional peer dependency). */\nexport { type MswOptions, mswHandlers } from '@zenlayer-reset/mock-engine/msw'\n`,
      },
      { path: 'test/routes.test.ts', content: routesTest(service) },
      {
        path: 'test/contract.test.ts',
        content: contractTest(service, {
          imports: [
            "import { mockSuite } from '@zenlayer-reset/contract'",
            `import { ${mockFactory} } from '../src/index.js'`,
            bundledImport(service),
          ],
          call: `mockSuite({ service: '${service.name}', casesDir, bundled, createMock: ${mockFactory} })`,
        }),
      },
    ],
  }
}

function mockFile(service: ServiceModel): string {
  const mockFactory = names.mockFactory(service.name)
  return `${banner(service)}import { createServiceMock, type MockOptions, type ServiceMock } from '@zenlayer-reset/mock-engine'
// Every request is checked with the generated validators (one table, keyed by action) before the engine looks at it.
import { validators } from '@zenlayer-reset/${service.name}-validator'
import { service } from './routes.js'

/** A stateful mock of the ${service.name} API (X-ZC-Version ${service.version}). */
export function ${mockFactory}(options: MockOptions = {}): ServiceMock {
  return createServiceMock(service, validators, options)
}
`
}

function readme(service: ServiceModel): string {
  const mockFactory = names.mockFactory(service.name)
  const clientFactory = names.clientFactory(service.name)
  return `# ${SCOPE}/${service.name}-mock

A stateful mock of the Zenlayer ${service.name} OS-reset API (X-ZC-Version
${service.version}), generated from \`${service.specPath}\` over
\`${SCOPE}/mock-engine\`. Every request is checked with
\`${SCOPE}/${service.name}-validator\`, signatures are verified, and instances
follow the spec's state rules and transitions.

\`\`\`ts
import { ${clientFactory} } from '${SCOPE}/${service.name}-client'
import { ${mockFactory}, manualClock } from '${SCOPE}/${service.name}-mock'

const clock = manualClock()
const mock = ${mockFactory}({ clock, seed: 42, progression: 'manual' })
mock.seed({ instances: [{ instanceId: 'inst-a', status: 'STOPPED' }], keyPairs: ['key-1'] })
const client = ${clientFactory}({ credentials: { token: 'mock-token' }, fetch: mock.fetch })
// ... reset, then mock.advance() to finish the transition; mock.history('inst-a') shows every status
\`\`\`

- In process: \`mock.fetch\` (give it to any client), \`mock.handle(wireRequest)\`.
- MSW: \`import { mswHandlers } from '${SCOPE}/${service.name}-mock/msw'\`; \`setupServer(...mswHandlers(mock))\`.
  msw is an optional peer: msw 2 (Node 20.19+) or msw 3 (Node 22.12+).
- Over HTTP, both services on one port: the \`zenlayer-mock\` command (\`${SCOPE}/mock-server\`).
- Options: \`seed\` (request ids and behaviour), \`clock\`, \`credentials\` (default
  access key \`mock-access-key\` / \`mock-access-secret\`, token \`mock-token\`),
  \`auth: false\`, \`progression\` (\`'immediate'\`, \`'manual'\`, or ms per state), \`state\`.
- Faults: \`mock.faults.failNextReset(id)\`, \`.rateLimit(everyN)\`, \`.latency(ms)\`, \`.edgeChallenge(count)\`, \`.clear()\`.
${stateBullet(service)}`
}

function routesTest(service: ServiceModel): string {
  // The route table covers exactly the spec's actions, consistently (tools/contract).
  return `${banner(service)}${bundledImport(service)}
import { mockRoutesSuite } from '@zenlayer-reset/contract'
import { service } from '../src/index.js'

mockRoutesSuite({ bundled, service })
`
}
