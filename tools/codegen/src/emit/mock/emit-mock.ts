// The mock package of a service: the route table and operation metadata
// (state rules, transitions, pagination, error statuses) that the
// hand-written mock engine runs. No engine code is generated.
import type { ServiceModel } from '../../model/types.js'
import { serviceDescriptor } from '../shared/descriptor.js'
import { banner, type GeneratedPackage, literal, SCOPE } from '../shared/files.js'
import { packageFiles } from '../shared/package-files.js'

export function emitMock(service: ServiceModel): GeneratedPackage {
  const name = `${SCOPE}/${service.name}-mock`
  const routes = `${banner(service)}/** The ${service.name} service as the mock engine serves it: one route, POST ${`/api/v2/${service.name}`}, its actions by X-ZC-Action. */
export const service = ${literal(serviceDescriptor(service, true))} as const

export type Action = keyof typeof service.operations
export type InstanceStatus = (typeof service.statuses)[number]
`
  return {
    dir: `packages/${service.name}-mock`,
    name,
    files: [
      ...packageFiles(service, {
        name,
        description: `Route table and operation metadata of the Zenlayer ${service.name} OS-reset API for the mock engine`,
        readme: `# ${name}\n\nThe route table and operation metadata of the Zenlayer ${service.name} API (X-ZC-Version ${service.version}), generated from \`${service.specPath}\`, for the stateful mock engine.\n`,
      }),
      { path: 'src/generated/routes.ts', content: routes },
      { path: 'src/index.ts', content: `${banner(service)}export * from './generated/routes.js'\n` },
      { path: 'test/routes.test.ts', content: routesTest(service) },
    ],
  }
}

function routesTest(service: ServiceModel): string {
  return `${banner(service)}import bundled from '@zenlayer-reset/spec-${service.name}/bundled.json' with { type: 'json' }
import { expect, it } from 'vitest'
import { service } from '../src/index.js'

// The route table covers exactly the spec's actions, and every state rule and
// transition names a documented error code and a known status.
// biome-ignore lint/suspicious/noExplicitAny: the spec's JSON is walked untyped
type Obj = Record<string, any>
const actions = Object.values((bundled as Obj).paths as Obj).map((item) => (item as Obj).post['x-zc-action'] as string)

it('routes every action of the spec and nothing else', () => {
  expect(Object.keys(service.operations).sort()).toEqual([...actions].sort())
})

it.each(Object.values(service.operations))('$action: rules and transition are consistent', (op) => {
  const errors = op.errors as Record<string, number>
  for (const rule of op.stateRules) if (rule.errorCode) expect(errors).toHaveProperty(rule.errorCode)
  const statuses = service.statuses as readonly string[]
  if (op.transition) for (const s of [...op.transition.from, op.transition.via, op.transition.to]) expect(statuses).toContain(s)
})
`
}
