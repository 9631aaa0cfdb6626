// The generated test that runs the shared contract suite (tools/contract) on a
// package: the cases come from the service's spec package, the code under
// test from the package itself.
import type { ServiceModel } from '../../model/types.js'
import { names } from '../names.js'
import { banner } from './files.js'

export function contractTest(service: ServiceModel, kind: 'client' | 'validator' | 'mock'): string {
  const mockFactory = names.mockFactory(service.name)
  const clientFactory = names.clientFactory(service.name)
  const imports: Record<typeof kind, string> = {
    validator: `import { validatorSuite } from '@zenlayer-reset/contract'\nimport * as validator from '../src/index.js'`,
    client: `import { clientSuite } from '@zenlayer-reset/contract'\nimport { ${mockFactory} } from '@zenlayer-reset/${service.name}-mock'\nimport { ${clientFactory} } from '../src/index.js'`,
    mock: `import { mockSuite } from '@zenlayer-reset/contract'\nimport { ${mockFactory} } from '../src/index.js'`,
  }
  const calls: Record<typeof kind, string> = {
    validator: `validatorSuite({ service: '${service.name}', casesDir, validator })`,
    client: `clientSuite({ service: '${service.name}', casesDir, bundled, createClient: ${clientFactory} as never, createMock: ${mockFactory} })`,
    mock: `mockSuite({ service: '${service.name}', casesDir, bundled, createMock: ${mockFactory} })`,
  }
  // The suites that send requests read the spec's generic codes (x-zc-role) from the bundled spec.
  const bundled =
    kind === 'validator'
      ? ''
      : `\nimport bundled from '@zenlayer-reset/spec-${service.name}/bundled.json' with { type: 'json' }`
  return `${banner(service)}import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
${imports[kind]}${bundled}

// The contract cases kept beside the spec: specs/${service.name}/contract/*.json.
const casesDir = join(dirname(createRequire(import.meta.url).resolve('@zenlayer-reset/spec-${service.name}/package.json')), 'contract')

${calls[kind]}
`
}
