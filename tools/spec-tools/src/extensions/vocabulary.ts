// Every x-zc-* extension the specs may use: where it may stand and the shape
// of its value, as JSON Schema. specs/README.md documents each with an
// example; tools reject any extension not listed here, so a typo or a rule
// nobody implements can never pass silently.

export type ExtensionPlace = 'document' | 'operation' | 'security-scheme' | 'schema' | 'anywhere'

export interface ExtensionDefinition {
  readonly place: ExtensionPlace
  readonly summary: string
  readonly valueSchema: Record<string, unknown>
}

const errorCode = { type: 'string', pattern: '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$' }
const statusName = { type: 'string', pattern: '^[A-Z][A-Z_]*$' }
/**
 * The facts of a vendor page that a decision can account for: the docs drift
 * check (tools/docs-sync) reports a difference in one of these as accepted
 * only when a decision on that place names it. An error code's own decision
 * covers the code and its status without naming them.
 */
export const DECISION_FACTS = [
  'presence',
  'required',
  'type',
  'minLength',
  'maxLength',
  'charset',
  'mustContain',
  'firstChar',
  'default',
  'minItems',
  'maxItems',
  'enum',
  'exclusive',
  'statuses',
  'actionName',
  'errorStatus',
] as const
export type DecisionFact = (typeof DECISION_FACTS)[number]

const decisionNote = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'reason'],
  properties: {
    // A numbered decision of specs/DECISIONS.md (checked by zr-spec check).
    ref: { type: 'integer', minimum: 1 },
    kind: { enum: ['departs-from-page', 'fills-gap'] },
    reason: { type: 'string', minLength: 10 },
    facts: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...DECISION_FACTS] } },
  },
}
const decisionList = { type: 'array', minItems: 1, items: decisionNote }

export const EXTENSIONS: Readonly<Record<string, ExtensionDefinition>> = {
  'x-zc-service': {
    place: 'document',
    summary: 'The service name: the last path segment and the X-ZC-Service value.',
    valueSchema: { type: 'string', pattern: '^[a-z][a-z0-9]*$' },
  },
  'x-zc-action': {
    place: 'operation',
    summary: 'The X-ZC-Action value that selects this operation.',
    valueSchema: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
  },
  'x-zc-idempotent': {
    place: 'operation',
    summary: 'Whether repeating a delivered call is harmless (decides client retries).',
    valueSchema: { type: 'boolean' },
  },
  'x-zc-pagination': {
    place: 'operation',
    summary: 'Which request and response fields page through results.',
    valueSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['pageNumber', 'pageSize', 'total', 'items', 'itemId', 'itemStatus'],
      properties: {
        pageNumber: { type: 'string' },
        pageSize: { type: 'string' },
        total: { type: 'string' },
        items: { type: 'string' },
        // The request field listing the instances to query (absent: the query cannot name instances).
        ids: { type: 'string' },
        // Each item's instance id and status fields: what a waiter and the mock read and write.
        itemId: { type: 'string' },
        itemStatus: { type: 'string' },
      },
    },
  },
  'x-zc-filters': {
    place: 'operation',
    summary:
      "A paged query's filters: for each request field, the item field it is matched against and how; the mock applies them all.",
    valueSchema: {
      type: 'object',
      minProperties: 1,
      // Keyed by the request field; `item` is a path into each item: names joined by `.`, `[]` after a list's name
      // for each of its elements (`tags.tags[].key`).
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'match'],
        properties: {
          item: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\[\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\])?)*$' },
          // equal: a value at the path equals the request's; anyOf: one of the request's list (an object matches an
          // item object with the same value in each field it gives); wildcard: equal, or, ending in `*`, contains the rest.
          match: { enum: ['equal', 'anyOf', 'wildcard'] },
        },
      },
    },
  },
  'x-zc-state-rules': {
    place: 'operation',
    summary: 'Preconditions that need server state, in the order the server checks them.',
    valueSchema: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'description', 'violation'],
        properties: {
          id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' },
          description: { type: 'string', minLength: 10 },
          violation: {
            oneOf: [
              { type: 'object', additionalProperties: false, required: ['error'], properties: { error: errorCode } },
              {
                type: 'object',
                additionalProperties: false,
                required: ['failedInstance'],
                properties: { failedInstance: { const: true } },
              },
            ],
          },
          // The request field for each role the rule reads ({ keyPair: keyId }): the engine's rule-ids.ts
          // lists each rule's roles, and the generator refuses a rule whose fields do not give exactly those.
          fields: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
          'x-zc-decision': decisionList,
        },
      },
    },
  },
  'x-zc-transition': {
    place: 'operation',
    summary: 'The status path an accepted instance follows, and the action that shows it.',
    valueSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'via', 'to', 'observe'],
      properties: {
        from: { type: 'array', minItems: 1, items: statusName },
        via: statusName,
        alsoVia: { type: 'array', items: statusName },
        to: statusName,
        failure: statusName,
        observe: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
        deadEnds: { type: 'array', items: statusName },
        waiter: { type: 'string', pattern: '^waitUntil[A-Z][A-Za-z0-9]*$' },
        // The client's fleet method for this transition (resetFleet): any number of instances, batched or in parallel.
        fleet: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*Fleet$' },
        instances: { type: 'string' },
        // The request field naming the image the reset installs (absent: the instance keeps its image).
        image: { type: 'string' },
        'x-zc-decision': decisionList,
      },
    },
  },
  'x-zc-batch': {
    place: 'operation',
    summary: 'A batch action: the request field listing instances, and the response field listing those that failed.',
    valueSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['instances', 'failed'],
      properties: { instances: { type: 'string' }, failed: { type: 'string' } },
    },
  },
  'x-zc-signing': {
    place: 'security-scheme',
    summary: 'The request-signing algorithm, as data for the signer and the verifier.',
    valueSchema: {
      type: 'object',
      additionalProperties: false,
      required: [
        'algorithm',
        'authorizationHeader',
        'timestampHeader',
        'signatureMethodHeader',
        'canonicalUri',
        'signedHeaders',
        'payloadHash',
        'keyDerivation',
        'maxClockSkewSeconds',
      ],
      properties: {
        algorithm: { const: 'ZC2-HMAC-SHA256' },
        authorizationHeader: { type: 'string' },
        timestampHeader: { type: 'string' },
        signatureMethodHeader: { type: 'string' },
        canonicalUri: { type: 'string' },
        signedHeaders: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]+$' } },
        payloadHash: { const: 'sha256-hex-of-raw-body' },
        keyDerivation: { const: 'none' },
        maxClockSkewSeconds: { type: 'integer', minimum: 1 },
        credentialsFromEnv: {
          type: 'object',
          additionalProperties: false,
          required: ['accessKeyId', 'accessKeySecret'],
          properties: { accessKeyId: { type: 'string' }, accessKeySecret: { type: 'string' } },
        },
        'x-zc-decision': decisionList,
      },
    },
  },
  'x-zc-error-code': {
    place: 'schema',
    summary: 'The API error code the server answers when this schema is not satisfied.',
    valueSchema: errorCode,
  },
  'x-zc-message': {
    place: 'schema',
    summary: 'The message, after the field name, when this schema is not satisfied.',
    valueSchema: { type: 'string', minLength: 3 },
  },
  'x-zc-max-utf8-bytes': {
    place: 'schema',
    summary: 'Maximum length of a string in bytes of UTF-8 (maxLength counts characters).',
    valueSchema: { type: 'integer', minimum: 0 },
  },
  'x-zc-consecutive': {
    place: 'schema',
    summary:
      'On an array of integers: each item is one more than the one before (disk numbers of a RAID array), which JSON Schema cannot say.',
    valueSchema: { const: true },
  },
  'x-zc-distinct': {
    place: 'schema',
    summary:
      'On an object: the named fields, when set, hold different values (a public and a private NIC name), which JSON Schema cannot say.',
    valueSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['fields', 'message'],
      properties: {
        fields: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', minLength: 1 } },
        message: { type: 'string', minLength: 3 },
      },
    },
  },
  'x-zc-first-item': {
    place: 'schema',
    summary:
      "On an array of objects: the first item's field holds one of the values (the system partition comes first), which JSON Schema's prefixItems would say with a schema the generator does not read.",
    valueSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'values'],
      properties: {
        field: { type: 'string', minLength: 1 },
        values: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
      },
    },
  },
  'x-zc-sensitive': {
    place: 'schema',
    summary: 'A secret: masked in every log, error and snapshot.',
    valueSchema: { const: true },
  },
  'x-zc-status': {
    place: 'schema',
    summary: 'HTTP status of an error code that belongs to no operation.',
    valueSchema: { type: 'integer', minimum: 400, maximum: 599 },
  },
  'x-zc-role': {
    place: 'schema',
    summary:
      'What an error code means to the runtimes (parameterMissing, timestampExpired...): they answer and recognise codes by role, never by name.',
    valueSchema: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' },
  },
  'x-zc-decision': {
    place: 'anywhere',
    summary: 'Where the spec departs from the vendor page or fills a gap, why, and which page facts that explains.',
    valueSchema: decisionList,
  },
}
