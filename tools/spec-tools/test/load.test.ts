import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSpec } from '../src/load/resolve.js'
import { SpecError } from '../src/load/spec-error.js'
import { writeFixture } from './fixture-files.js'

const shared = `components:
  schemas:
    Id: { type: string, minLength: 1 }
    Pair: { type: object, properties: { a: { $ref: '#/components/schemas/Id' } } }
`

describe('loadSpec resolves references', () => {
  it('follows refs into other files and shares the target object', () => {
    const dir = writeFixture({
      'shared.yaml': shared,
      'api/spec.yaml': `a: { $ref: '../shared.yaml#/components/schemas/Pair' }
b: { $ref: '../shared.yaml#/components/schemas/Id' }
`,
    })
    const spec = loadSpec(join(dir, 'api/spec.yaml'))
    const a = spec.document.a as { properties: { a: unknown } }
    expect(a.properties.a).toEqual({ type: 'string', minLength: 1 })
    expect(a.properties.a).toBe(spec.document.b)
    expect(spec.origins.get(spec.document.b as object)).toEqual({
      file: join(dir, 'shared.yaml'),
      pointer: '/components/schemas/Id',
    })
  })

  it('keeps annotations beside a $ref and leaves example data alone', () => {
    const dir = writeFixture({
      'spec.yaml': `components:
  schemas:
    Id: { type: string }
x:
  schema: { $ref: '#/components/schemas/Id', description: here }
  examples: { e: { value: { $ref: not-a-reference } } }
  default: { $ref: also-data }
`,
    })
    const doc = loadSpec(join(dir, 'spec.yaml')).document as Record<string, Record<string, unknown>>
    expect(doc.x?.schema).toEqual({ type: 'string', description: 'here' })
    expect(doc.x?.examples).toEqual({ e: { value: { $ref: 'not-a-reference' } } })
    expect(doc.x?.default).toEqual({ $ref: 'also-data' })
  })

  it('resolves a property that happens to be called `default`', () => {
    const dir = writeFixture({
      'spec.yaml': `components:
  schemas:
    Id: { type: string }
    Obj: { properties: { default: { $ref: '#/components/schemas/Id' } } }
`,
    })
    const doc = loadSpec(join(dir, 'spec.yaml')).document as {
      components: { schemas: { Obj: { properties: { default: unknown } } } }
    }
    expect(doc.components.schemas.Obj.properties.default).toEqual({ type: 'string' })
  })

  const failures: { name: string; files: Record<string, string>; pointer: string; problem: RegExp }[] = [
    {
      name: 'a missing file',
      files: { 'spec.yaml': `a: { $ref: 'nope.yaml#/x' }\n` },
      pointer: '/a',
      problem: /\$ref target .*nope\.yaml.*cannot read file \(ENOENT\)/,
    },
    {
      name: 'a pointer to nothing',
      files: { 'spec.yaml': `a: { $ref: '#/components/schemas/Missing' }\n` },
      pointer: '/a',
      problem: /unresolvable \$ref '#\/components\/schemas\/Missing'/,
    },
    {
      name: 'an invalid pointer',
      files: { 'spec.yaml': `a: { $ref: '#components' }\n` },
      pointer: '/a',
      problem: /invalid JSON pointer/,
    },
    {
      name: 'a recursive chain',
      files: { 'spec.yaml': `a: { $ref: '#/b' }\nb: { items: { $ref: '#/a' } }\n` },
      pointer: '/a',
      problem: /recursive \$ref chain/,
    },
    {
      name: 'a validation keyword beside $ref',
      files: { 'spec.yaml': `s: { type: string }\na: { $ref: '#/s', maxLength: 3 }\n` },
      pointer: '/a',
      problem: /keyword 'maxLength' beside \$ref is not supported; wrap the \$ref in allOf/,
    },
    {
      name: 'a remote reference',
      files: { 'spec.yaml': `a: { $ref: 'https://example.invalid/x.yaml' }\n` },
      pointer: '/a',
      problem: /points outside the specs/,
    },
    {
      name: 'invalid YAML',
      files: { 'spec.yaml': `a: [1, 2\n` },
      pointer: '',
      problem: /not valid YAML at line \d+/,
    },
    {
      name: 'a duplicate key',
      files: { 'spec.yaml': `a: 1\na: 2\n` },
      pointer: '',
      problem: /not valid YAML at line 2.*duplicated mapping key/,
    },
  ]
  it.each(failures)('stops with file, pointer and reason on $name', ({ files, pointer, problem }) => {
    const dir = writeFixture(files)
    let caught: unknown
    try {
      loadSpec(join(dir, 'spec.yaml'))
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(SpecError)
    const error = caught as SpecError
    expect(error.location.pointer).toBe(pointer)
    expect(error.problem).toMatch(problem)
    expect(error.message).toContain('spec.yaml#')
  })
})
