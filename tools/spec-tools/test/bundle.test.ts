import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleSpec } from '../src/load/bundle.js'
import { writeFixture } from './fixture-files.js'

describe('bundleSpec', () => {
  const files = {
    'shared/common.yaml': `components:
  schemas:
    Id: { type: string, examples: [{ $ref: literal }] }
    Env: { type: object, properties: { id: { $ref: '#/components/schemas/Id' } } }
  responses:
    Bad: { description: bad, content: { application/json: { schema: { $ref: '#/components/schemas/Env' } } } }
`,
    'svc/openapi.yaml': `openapi: 3.1.0
paths:
  /x:
    post:
      responses:
        '400': { $ref: '../shared/common.yaml#/components/responses/Bad' }
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Own' } } } }
components:
  schemas:
    Own: { type: object, properties: { id: { $ref: '../shared/common.yaml#/components/schemas/Id' } } }
`,
  }

  it('hoists the components of other files and makes every $ref local', () => {
    const dir = writeFixture(files)
    const bundled = bundleSpec(join(dir, 'svc/openapi.yaml'))
    const text = JSON.stringify(bundled)
    expect(text).not.toContain('common.yaml')
    expect(Object.keys((bundled.components as { schemas: object }).schemas)).toEqual(['Own', 'Env', 'Id'])
    expect((bundled.components as { responses: object }).responses).toHaveProperty('Bad')
    expect(text).toContain('{"$ref":"literal"}')
  })

  it('gives the same bytes every time', () => {
    const dir = writeFixture(files)
    const a = JSON.stringify(bundleSpec(join(dir, 'svc/openapi.yaml')))
    const b = JSON.stringify(bundleSpec(join(dir, 'svc/openapi.yaml')))
    expect(a).toBe(b)
  })

  it('refuses a component defined in two files', () => {
    const dir = writeFixture({
      ...files,
      'svc/openapi.yaml': `components:
  schemas:
    Id: { type: integer }
    Own: { $ref: '../shared/common.yaml#/components/schemas/Id' }
`,
    })
    expect(() => bundleSpec(join(dir, 'svc/openapi.yaml'))).toThrow(/schemas\/Id is defined in the entry and in/)
  })

  it('refuses a cross-file $ref that does not name a component', () => {
    const dir = writeFixture({ ...files, 'svc/openapi.yaml': `a: { $ref: '../shared/common.yaml#/components' }\n` })
    expect(() => bundleSpec(join(dir, 'svc/openapi.yaml'))).toThrow(/must name a component/)
  })
})
