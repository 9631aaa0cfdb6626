// Our printer of openapi-typescript's output (src/emit/client/openapi-ts/)
// against openapi-typescript itself, as the client emitter runs it
// (defaultNonNullable false, then astToString): the same text, byte for byte,
// on both real specs, the demo fixture spec, and small documents that use
// each keyword the printer reproduces. A document with anything it does not
// reproduce must be refused (Unsupported), and then renderTypes, which falls
// back to openapi-typescript, must still give openapi-typescript's text.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleSpec, loadSpec } from '@zenlayer-reset/spec-tools'
import openapiTS, { astToString } from 'openapi-typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { printDocument, Unsupported } from '../src/emit/client/openapi-ts/index.js'
import { renderTypes, stopTypes } from '../src/emit/client/openapi-types.js'

afterAll(stopTypes)

type Doc = Record<string, unknown>

/** What openapi-typescript prints for the document (given a copy: it may annotate what it reads). */
async function reference(document: Doc): Promise<string> {
  const copy = structuredClone(document) as unknown as Parameters<typeof openapiTS>[0]
  return astToString(await openapiTS(copy, { silent: true, defaultNonNullable: false }))
}

const repo = fileURLToPath(new URL('../../..', import.meta.url))
const bundled = (file: string): Doc => bundleSpec(file, loadSpec(file).files)

describe('the specs', () => {
  it.each([
    ['zec', join(repo, 'specs/zec/openapi.yaml')],
    ['vm', join(repo, 'specs/vm/openapi.yaml')],
    ['demo (the fixture repo)', fileURLToPath(new URL('./fixtures/repo/specs/demo/openapi.yaml', import.meta.url))],
  ])('%s: the same text as openapi-typescript', async (_name, file) => {
    const document = bundled(file)
    expect(printDocument(document)).toBe(await reference(document))
  })
})

/** A document around some schemas, and one operation (POST /op) with the given parts. */
function doc(schemas: Doc, operation: Doc = {}, extra: Doc = {}): Doc {
  return {
    openapi: '3.1.0',
    info: { title: 'small', version: '1' },
    paths: {
      '/op': {
        post: {
          operationId: 'Op',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } },
          ...operation,
        },
      },
    },
    components: { schemas, ...((extra.components as Doc | undefined) ?? {}) },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'components')),
  }
}

const SUPPORTED: readonly (readonly [string, Doc])[] = [
  [
    'type keywords',
    doc({
      S: { type: 'string' },
      N: { type: 'number' },
      I: { type: 'integer', minimum: 1 },
      B: { type: 'boolean' },
      Z: { type: 'null' },
      O: { type: 'object' },
      U: {},
      Unknown: { type: 'weird' },
      T: true,
      F: false,
    }),
  ],
  [
    'type lists',
    doc({
      SN: { type: ['string', 'null'] },
      Many: { type: ['string', 'number', 'boolean'] },
      Dup: { type: ['integer', 'number'] },
      Objects: { type: ['object', 'null'], properties: { a: { type: 'string' } } },
      None: { type: [] },
    }),
  ],
  [
    'const and enum',
    doc({
      C: { const: 'a"b' },
      CN: { const: -3.5 },
      CZ: { const: 0 },
      CB: { const: true },
      CF: { const: false },
      CNull: { const: null, type: 'string' },
      E: { type: 'string', enum: ['a', 'b', 'a'] },
      EN: { enum: [1, -2, 3.25] },
      EMixed: { enum: ['x', 2, true, null] },
      ENullable: { type: ['string', 'null'], enum: ['a', 'b'] },
      ENull: { type: 'string', enum: ['a', null], nullable: true },
      EOpenApi30: { type: 'string', enum: ['a'], nullable: true },
      EWithProps: { type: 'string', enum: ['a'], properties: { x: { type: 'string' } } },
      Unicode: { const: 'é→😀' },
    }),
  ],
  [
    'arrays',
    doc({
      A: { type: 'array' },
      AS: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
      AR: { type: 'array', items: { $ref: '#/components/schemas/S' } },
      AA: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
      AAA: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'boolean' } } } },
      AU: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
      AI: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/S' }, { minLength: 1 }] } },
      ANull: { type: 'array', items: { type: 'string', nullable: true } },
      AT: { type: 'array', items: true },
      ATypeList: { type: 'array', items: { type: ['array'], items: { type: 'string' } } },
      S: { type: 'string' },
    }),
  ],
  [
    'objects',
    doc({
      O: {
        type: 'object',
        required: ['id', 'quoted-name'],
        properties: {
          id: { type: 'string' },
          'quoted-name': { type: 'number' },
          '0': { type: 'string' },
          '01': { type: 'string' },
          '-1': { type: 'string' },
          $dollar: { type: 'string' },
          _under: { type: 'string' },
          'with "quote"': { type: 'string' },
          'tab\there': { type: 'string' },
          é: { type: 'string' },
          ro: { type: 'string', readOnly: true },
          wo: { type: 'string', writeOnly: true },
          ref: { $ref: '#/components/schemas/S' },
          refDescribed: { $ref: '#/components/schemas/S', description: 'beside the $ref' },
          yes: true,
          no: false,
          nested: { type: 'object', properties: { deep: { type: 'object', properties: { x: { type: 'integer' } } } } },
        },
      },
      Open: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true },
      OpenEmpty: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: {} },
      Map: { type: 'object', additionalProperties: { type: 'number' } },
      MapOfRefs: { type: 'object', additionalProperties: { $ref: '#/components/schemas/S' } },
      Closed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
      ClosedEmpty: { type: 'object', additionalProperties: false },
      EmptyProps: { type: 'object', properties: {} },
      Untyped: { properties: { a: { type: 'string' } }, required: ['a'] },
      NullableObject: { type: 'object', properties: { a: { type: 'string' } }, nullable: true },
      S: { type: 'string' },
    }),
  ],
  [
    'composition',
    doc({
      All: {
        allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { b: { type: 'string' } } }],
      },
      AllRequired: {
        type: 'object',
        required: ['b'],
        properties: { a: { type: 'string' } },
        allOf: [{ type: 'object', properties: { b: { type: 'string' } } }, { required: ['a'] }],
      },
      AllRefRequiredElsewhere: { required: ['zzz'], allOf: [{ $ref: '#/components/schemas/Base' }] },
      AllWithCore: { type: 'string', allOf: [{ pattern: 'a' }, { pattern: 'b' }] },
      AllOne: { allOf: [{ type: 'string' }] },
      AllEmpty: { allOf: [] },
      Any: { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Base' }, { type: 'string' }] },
      AnyWithCore: { type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ required: ['a'] }] },
      AnyOne: { anyOf: [{}], nullable: true },
      OnePrimitive: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] },
      OneLiterals: { oneOf: [{ const: 'a', description: 'A' }, { const: 'b' }] },
      OneMixed: { type: 'string', oneOf: [{ const: 'a' }, { $ref: '#/components/schemas/Base' }] },
      OneWithCorePrimitive: { type: 'object', properties: { a: { type: 'string' } }, oneOf: [{ type: 'string' }] },
      OneNull: { oneOf: null },
      Not: { type: 'string', not: { const: 'x' } },
      NotAlone: { not: { required: ['a', 'b'] } },
      Nested: {
        anyOf: [
          { allOf: [{ $ref: '#/components/schemas/Base' }, { oneOf: [{ const: 1 }, { const: 2 }] }] },
          { type: 'null' },
        ],
      },
      NullableUnion: { anyOf: [{ type: 'string' }, { type: 'number' }], nullable: true },
      Base: { type: 'object', properties: { a: { type: 'string' } } },
    }),
  ],
  [
    'comments',
    doc({
      Titled: { title: ' A title ', description: 'line one\nline two\r\nline three', type: 'string' },
      Summary: { summary: 'sum', type: 'string' },
      Formatted: { type: 'string', format: 'date-time', deprecated: true },
      Defaults: {
        type: 'object',
        properties: {
          d: { type: 'string', default: '' },
          o: { type: 'object', default: { a: [1, 2], b: { c: 'd' } } },
          n: { type: 'number', default: 0, example: 3 },
          z: { type: 'string', default: null },
          e: { type: 'string', examples: ['one', { two: 2 }, 'multi\nline'] },
          emptyDescription: { type: 'string', description: '' },
          closing: { type: 'string', description: 'has */ inside, and /* too' },
          spaces: { type: 'string', description: '  padded  \n  second  ' },
          blank: { type: 'string', description: 'a\n\nb' },
          long: { type: 'string', description: 'x'.repeat(300) },
          unicode: { type: 'string', description: 'naïve — café' },
          tabbed: { type: 'string', description: 'a\tb\n\tc' },
          c: { const: 'k', description: 'constant' },
          en: { enum: ['a'], description: 'no type' },
          enTyped: { type: ['string', 'null'], enum: ['a', null] },
          enNullable: { type: 'string', enum: ['a'], nullable: true },
          numberDescription: { type: 'string', description: 42 },
          examplesNotList: { type: 'string', examples: { a: 1 } },
        },
      },
    }),
  ],
  [
    'parameters',
    {
      openapi: '3.1.0',
      info: { title: 'p', version: '1' },
      paths: {
        '/things/{id}': {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the id' },
            { name: 'shared', in: 'query', schema: { type: 'integer' } },
            { $ref: '#/components/parameters/Trace' },
          ],
          get: {
            operationId: 'GetThing',
            summary: 'Get a thing',
            description: 'Multi\nline',
            deprecated: true,
            parameters: [
              { name: 'shared', in: 'query', required: true, schema: { type: 'string' }, description: 'overrides' },
              { name: 'q', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
              { name: 'X-Flag', in: 'header', required: true, schema: { const: 'on' } },
              { name: 'c', in: 'cookie', schema: { type: 'string' }, example: 'abc' },
              { name: 'noSchema', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } },
              { $ref: '#/components/parameters/Limit' },
            ],
            responses: { '204': { description: 'none' } },
          },
          delete: { responses: { default: { description: 'anything' } } },
        },
        '/plain': { put: { operationId: 'with#hash', responses: {} } },
        '/skipped': null,
      },
      components: {
        parameters: {
          Trace: { name: 'X-Trace', in: 'header', schema: { type: 'string' }, description: 'trace id' },
          Limit: { name: 'limit', in: 'query', required: true, schema: { type: 'integer', default: 10 } },
          Bare: { name: 'bare', in: 'query' },
        },
      },
    },
  ],
  [
    'request bodies and responses',
    {
      openapi: '3.1.0',
      info: { title: 'r', version: '1' },
      paths: {
        '/a': {
          post: {
            operationId: 'A',
            requestBody: {
              required: true,
              description: 'the body',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/S' }, example: { a: 1 } },
                'text/plain': {},
              },
            },
            responses: {
              '200': {
                description: 'ok',
                headers: {
                  'X-Rate': { schema: { type: 'integer' }, description: 'rate' },
                  'X-Required': { required: true, schema: { type: 'string' } },
                  'X-Ref': { $ref: '#/components/headers/H' },
                  'X-Content': { content: { 'text/plain': { schema: { type: 'string' } } } },
                  'X-Nothing': {},
                },
                content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } },
              },
              '404': { $ref: '#/components/responses/NotFound' },
              '4XX': { description: 'client error', content: {} },
              '5XX': { description: 'server error', content: { 'application/json': {} } },
              default: { description: 'other' },
            },
          },
        },
        '/b': {
          post: {
            operationId: 'B',
            requestBody: { $ref: '#/components/requestBodies/Body' },
            responses: { '200': { $ref: '#/components/responses/NotFound', description: 'described ref' } },
          },
          put: { operationId: 'C', requestBody: { content: {} }, responses: { '200': { description: 'x' } } },
          patch: {
            operationId: 'D',
            requestBody: { $ref: '#/components/requestBodies/Optional' },
            responses: { '200': { description: 'x' } },
          },
        },
      },
      components: {
        schemas: { S: { type: 'object', properties: { a: { type: 'integer' } } } },
        responses: {
          NotFound: {
            description: 'missing',
            headers: { 'Retry-After': { $ref: '#/components/headers/H' } },
            content: { 'text/html': { schema: { type: 'string' } } },
          },
          Empty: { description: 'empty' },
        },
        requestBodies: {
          Body: { required: true, content: { 'application/json': { schema: { type: 'string' } } } },
          Optional: { content: { 'application/json': { schema: { type: 'string' } } } },
          Nothing: { description: 'no content' },
        },
        headers: {
          H: { schema: { type: 'integer' }, description: 'seconds' },
          HC: { content: { 'text/plain': { schema: { type: 'string' } } } },
        },
        securitySchemes: { Key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
      },
    },
  ],
  [
    'references below a component',
    doc({
      O: { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } },
      Deep: { $ref: '#/components/schemas/O/properties/a/properties/b' },
      Items: { type: 'array', items: { type: 'string' } },
      Item: { $ref: '#/components/schemas/Items/items' },
      Chain: { $ref: '#/components/schemas/Deep' },
    }),
  ],
  ['no paths, no components', { openapi: '3.0.3', info: { title: 'e', version: '1' }, paths: {} }],
  [
    'a path item with no operations, an operation without an id',
    {
      openapi: '3.1.0',
      info: { title: 'e', version: '1' },
      paths: { '/x': { summary: 'nothing' }, '/y': { get: { responses: { '200': { description: 'y' } } } } },
      components: { schemas: {} },
    },
  ],
]

describe('small documents, one keyword family each', () => {
  it.each(SUPPORTED)('%s: the same text as openapi-typescript', async (_name, document) => {
    expect(printDocument(document)).toBe(await reference(document))
  })
})

// Each of these makes openapi-typescript print something this printer does not reproduce (or fail).
const REFUSED: readonly (readonly [string, Doc])[] = [
  ['a discriminator', doc({ P: { type: 'object', discriminator: { propertyName: 'kind' }, properties: {} } })],
  ['webhooks', doc({}, {}, { webhooks: { hook: { post: { responses: { '200': { description: 'x' } } } } } })],
  ['root $defs', doc({}, {}, { $defs: { D: { type: 'string' } } })],
  ['$defs in a schema', doc({ D: { type: 'object', $defs: { X: { type: 'string' } } } })],
  ['patternProperties', doc({ P: { type: 'object', patternProperties: { '^x': { type: 'string' } } } })],
  ['prefixItems', doc({ T: { type: 'array', prefixItems: [{ type: 'string' }] } })],
  ['an object const', doc({ C: { const: { a: 1 } } })],
  ['an array enum value', doc({ E: { enum: [['a']] } })],
  ['an object enum', doc({ E: { type: 'object', enum: [{ a: 1 }] } })],
  [
    'an allOf $ref whose property the parent requires',
    doc({
      Base: { type: 'object', properties: { a: { type: 'string' } } },
      R: { required: ['a'], allOf: [{ $ref: '#/components/schemas/Base' }] },
    }),
  ],
  ['a list of types beside oneOf', doc({ L: { type: ['string', 'null'], oneOf: [{ type: 'string' }] } })],
  [
    'path items among the components',
    doc({}, {}, { components: { pathItems: { P: { get: { responses: { '200': { description: 'x' } } } } } } }),
  ],
  [
    'a path item $ref',
    {
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      paths: { '/a': { $ref: '#/components/pathItems/P' } },
      components: { pathItems: { P: { get: { responses: { '200': { description: 'x' } } } } } },
    },
  ],
  [
    'a repeated operationId',
    doc(
      {},
      {},
      { paths: { '/a': { get: { operationId: 'X', responses: {} }, put: { operationId: 'X', responses: {} } } } },
    ),
  ],
  ['a dangling $ref', doc({ R: { $ref: '#/components/schemas/Missing' } })],
  ['a $ref to another file', doc({ R: { $ref: 'other.yaml#/components/schemas/S' } })],
  ['OpenAPI 2', { swagger: '2.0', info: { title: 'x', version: '1' }, paths: {} }],
  ['OpenAPI 4', { openapi: '4.0.0', info: { title: 'x', version: '1' }, paths: {} }],
  ['a lone CR in a comment', doc({ S: { type: 'string', description: 'a\rb' } })],
  ['a line separator in a comment', doc({ S: { type: 'string', description: 'a\u2028b' } })],
  ['a title that is not a string', doc({ S: { type: 'string', title: 3 } })],
  ['an operationId with %', doc({}, { operationId: 'a%41b' })],
  [
    'a parameter $ref below a component',
    doc(
      {},
      {},
      {
        paths: {
          '/op': {
            post: { operationId: 'Op', parameters: [{ $ref: '#/paths/~1other/get/parameters/0' }], responses: {} },
          },
          '/other': { get: { parameters: [{ name: 'p', in: 'query', schema: { type: 'string' } }], responses: {} } },
        },
      },
    ),
  ],
]

describe('what the printer refuses, and openapi-typescript then prints', () => {
  it.each(REFUSED)('%s', async (_name, document) => {
    expect(() => printDocument(document)).toThrow(Unsupported)
    const expected = reference(document).then(
      (text) => ({ text }),
      (error: Error) => ({ error: error.message }),
    )
    const got = renderTypes(document).then(
      (text) => ({ text }),
      (error: Error) => ({ error: error.message.replace(/^openapi-typescript: /, '') }),
    )
    expect(await got).toEqual(await expected)
  })
})
