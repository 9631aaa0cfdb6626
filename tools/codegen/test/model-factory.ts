// A small model factory for emitter tests: a hand-built service (no spec
// file, no loader) that a test changes in the one place it cares about.

import type { SpecSource } from '../src/load-service.js'
import { buildSchema } from '../src/model/build-schema.js'
import { KNOWN_CODE_ROLES } from '../src/model/code-roles.js'
import type { ObjectNode, OperationModel, ServiceModel } from '../src/model/types.js'

const at = { file: '/hand-built.yaml', pointer: '' }
export const object = (schema: unknown) => buildSchema(schema, at, { origins: new WeakMap() }) as ObjectNode
const reply = object({
  type: 'object',
  properties: {
    requestId: { type: 'string' },
    // `id`: the batch's failed list (Wipe's x-zc-batch failed).
    response: {
      type: 'object',
      properties: { requestId: { type: 'string' }, id: { type: 'array', items: { type: 'string' } } },
    },
  },
})

export function operation(action: string, extra: Partial<OperationModel> = {}): OperationModel {
  return {
    service: 'hb',
    action,
    pathKey: `/api/v2/hb#${action}`,
    path: '/api/v2/hb',
    version: '2020-02-02',
    summary: `Do ${action}`,
    description: '',
    docsUrl: 'https://example.invalid',
    idempotent: true,
    request: object({
      type: 'object',
      additionalProperties: false,
      properties: { id: { type: 'string', 'x-zc-error-code': 'ID_BAD' } },
    }),
    reply,
    response: reply.properties[1]?.schema as ObjectNode,
    errors: [
      { code: 'ID_BAD', role: undefined, status: 400, description: '', assumed: false, common: false, decisions: [] },
    ],
    stateRules: [],
    transition: undefined,
    pagination: undefined,
    batch: undefined,
    sensitiveFields: [],
    decisions: [],
    ...extra,
  }
}

const bundledPath = (action: string) => ({
  post: {
    operationId: action,
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } },
    },
    responses: {
      '200': {
        description: 'ok',
        content: {
          'application/json': {
            schema: { type: 'object', properties: { requestId: { type: 'string' }, response: { type: 'object' } } },
          },
        },
      },
    },
  },
})

/** The hand-built service `hb`: Wipe (a batch reset with rules and a waiter) observed by Look. */
export function serviceModel(extra: Partial<ServiceModel> = {}): ServiceModel {
  return {
    name: 'hb',
    version: '2020-02-02',
    title: 'hand-built',
    specPath: 'specs/hb/openapi.yaml',
    statuses: ['STOPPED', 'BUSY', 'RUNNING'],
    protocolErrors: [
      {
        code: 'NO_ACTION',
        role: 'actionUnknown',
        status: 404,
        description: '',
        assumed: true,
        common: true,
        decisions: [],
      },
    ],
    // Every role a runtime reads, each its own made-up code: `HB_<ROLE>`.
    codeRoles: Object.fromEntries([...KNOWN_CODE_ROLES].map((role) => [role, `HB_${role.toUpperCase()}`])),
    signing: {
      algorithm: 'ZC2-HMAC-SHA256',
      authorizationHeader: 'Authorization',
      timestampHeader: 'X-ZC-Timestamp',
      signatureMethodHeader: 'X-ZC-Signature-Method',
      canonicalUri: '/',
      signedHeaders: ['content-type', 'host'],
      maxClockSkewSeconds: 300,
      envAccessKeyId: 'K',
      envAccessKeySecret: 'S',
    },
    operations: [
      operation('Wipe', {
        idempotent: false,
        sensitiveFields: ['id'],
        stateRules: [
          { id: 'instance-exists', description: 'exists', errorCode: 'ID_BAD', fields: {} },
          { id: 'instance-powered-off', description: 'off', errorCode: undefined, fields: {} },
        ],
        transition: {
          from: ['STOPPED'],
          via: 'BUSY',
          alsoVia: [],
          to: 'RUNNING',
          failure: undefined,
          observe: 'Look',
          deadEnds: ['GONE'],
          waiter: 'waitUntilWiped',
          fleet: 'wipeFleet',
          instances: 'id',
          image: undefined,
          decisions: [],
        },
        batch: { instances: 'id', failed: 'id', maxIds: 3 },
      }),
      operation('Look'),
    ],
    ...extra,
  }
}

/** The bundled OpenAPI of the hand-built service, for the targets that read it (types, JSON Schema). */
export const serviceSource: SpecSource = {
  repo: {
    license: 'MIT License (hand-built)\n',
    repositoryUrl: 'git+https://example.invalid/hb.git',
    bugsUrl: 'https://example.invalid/hb/issues',
  },
  bundled: {
    openapi: '3.1.0',
    info: { title: 'hb', version: '2020-02-02' },
    paths: { '/api/v2/hb#Wipe': bundledPath('Wipe'), '/api/v2/hb#Look': bundledPath('Look') },
  },
}
