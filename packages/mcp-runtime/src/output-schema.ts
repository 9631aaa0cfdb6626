// The result of every reset tool, whatever the service: a plan (with the
// confirmation token), a refusal by the person, or every id's outcome and the
// totals. The runtime's, not the spec's: a fleet's outcomes are the client
// runtime's FleetOutcome, the same for every action.
const str = { type: 'string' }
const int = { type: 'integer', minimum: 0 }

export const OUTCOME_KINDS = [
  'invalid',
  'refused',
  'unknown',
  'reset',
  'failed',
  'pending',
  'accepted',
  'not-sent',
] as const

export const FLEET_OUTPUT_SCHEMA = {
  type: 'object',
  properties: {
    phase: {
      type: 'string',
      enum: ['plan', 'nothing-to-reset', 'declined', 'cancelled-by-user', 'done', 'cancelled'],
      description:
        'plan: nothing was sent, ask the person, then call again with confirmationToken; nothing-to-reset: every id would be refused, nothing was sent; declined / cancelled-by-user: the person said no, nothing was sent; done: every id has its outcome; cancelled: the call was cancelled, ids never sent are not-sent.',
    },
    tool: str,
    service: str,
    action: str,
    instanceCount: int,
    fields: {
      type: 'object',
      description: "The action's other fields as given, secrets shown as ***.",
    },
    plan: {
      type: 'object',
      properties: {
        wouldReset: int,
        wouldBeRefused: int,
        instances: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              instanceId: str,
              status: { type: ['string', 'null'] },
              verdict: { type: 'string', enum: ['would-reset', 'would-be-refused'] },
              reason: str,
            },
            required: ['instanceId', 'status', 'verdict'],
          },
        },
      },
      required: ['wouldReset', 'wouldBeRefused', 'instances'],
    },
    confirmationToken: {
      type: 'string',
      description:
        'Send back with exactly the same input, once, before expiresAt, after a person said yes to the plan.',
    },
    expiresAt: { type: 'string', description: 'When the token stops working (ISO 8601).' },
    outcomes: {
      type: 'array',
      description: "Every id's outcome, in the order given.",
      items: {
        type: 'object',
        properties: {
          instanceId: str,
          outcome: { type: 'string', enum: [...OUTCOME_KINDS] },
          status: { type: ['string', 'null'] },
          code: { type: ['string', 'null'] },
          reason: str,
          message: str,
          requestId: str,
        },
        required: ['instanceId', 'outcome'],
      },
    },
    totals: {
      type: 'object',
      properties: Object.fromEntries(OUTCOME_KINDS.map((k) => [k, int])),
      required: [...OUTCOME_KINDS],
    },
    requests: { type: 'object', properties: { resets: int, polls: int }, required: ['resets', 'polls'] },
    message: str,
  },
  required: ['phase', 'tool', 'service', 'action', 'instanceCount', 'message'],
} as const
