// A reply is checked before it is believed. A 2xx must be the envelope with
// an object `response`; a batch's failed list must be an array of the ids
// asked. Anything else is a ProtocolError saying the call may have been
// applied, with the ids whose fate is unknown: an id is never reported as
// reset without evidence. Server text kept in an error is scrubbed of the
// request's secrets first.
import type { Credentials } from './credentials.js'
import type { OperationDescriptor } from './descriptor.js'
import { ApiError, EdgeBlockedError, ProtocolError } from './errors.js'
import { redactValue, type Secrets, scrub, secretsOf, sensitiveValues } from './redact.js'

/** The longest server message an error keeps. */
const MAX_MESSAGE = 500

type Obj = Record<string, unknown>

const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value)

export function interpret(
  op: OperationDescriptor,
  reply: { status: number; headers: Headers; text: string },
  body: string,
  creds: Credentials,
  retryAfter: (header: string | null, nowMs: number) => number | undefined,
): Obj {
  const { status, headers } = reply
  if (status === 403 && headers.get('cf-mitigated') === 'challenge')
    throw new EdgeBlockedError(403, 'challenge', op.action)
  if (status === 451) throw new EdgeBlockedError(451, 'policy', op.action)
  const envelope = parseObject(reply.text)
  if (status < 200 || status >= 300) {
    const hint = retryAfter(headers.get('retry-after'), Date.now())
    if (envelope && typeof envelope.code === 'string') {
      const secrets = requestSecrets(op, body, creds)
      // Scrubbed before it is cut: a cut through a secret would leave a piece no scrub can recognise.
      const clip = (text: string) => {
        const clean = scrub(text, secrets)
        return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}...` : clean
      }
      const message = typeof envelope.message === 'string' ? envelope.message : ''
      const requestId = typeof envelope.requestId === 'string' ? envelope.requestId : ''
      throw new ApiError(clip(envelope.code), clip(message), clip(requestId), status, op.action, hint)
    }
    throw new EdgeBlockedError(status, status === 429 ? 'rate-limited' : 'not-json', op.action, hint)
  }
  if (!envelope) throw malformed(op, status, body, 'the body is not a JSON object')
  const response = envelope.response
  if (!isObject(response)) {
    const what =
      typeof envelope.code === 'string' ? 'an error envelope came with a 2xx status' : '`response` is not an object'
    throw malformed(op, status, body, what)
  }
  const requestId =
    typeof envelope.requestId === 'string'
      ? envelope.requestId
      : typeof response.requestId === 'string'
        ? response.requestId
        : ''
  const result = { ...response, requestId }
  // What the caller gets holds no secret either: fields named sensitive are
  // masked and the request's secrets scrubbed, should the server echo them.
  const credential = 'token' in creds ? creds.token : creds.accessKeySecret
  if (op.sensitiveFields.length === 0 && !reply.text.includes(credential)) return result
  return redactValue(result, requestSecrets(op, body, creds)) as Obj
}

/** A batch action's result also says which ids failed (absent list: none, Decision 7) and which did not. */
export function shapeBatch(op: OperationDescriptor, body: string, result: Obj): Obj {
  const batch = op.batch
  if (!batch) return result
  const asked = idsIn(JSON.parse(body) as Obj, batch.instances)
  const list = result[batch.failed]
  if (list !== undefined) {
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string')) {
      throw malformed(op, 200, body, `the failed list \`${batch.failed}\` is not an array of ids`)
    }
    const askedSet = new Set(asked)
    if (!list.every((id) => askedSet.has(id))) {
      throw malformed(op, 200, body, `the failed list \`${batch.failed}\` names an id that was not asked`)
    }
  }
  const failed = (list ?? []) as string[]
  const failedSet = new Set(failed)
  return { ...result, failedInstanceIds: failed, succeededInstanceIds: asked.filter((id) => !failedSet.has(id)) }
}

function malformed(op: OperationDescriptor, status: number, body: string, detail: string): ProtocolError {
  return new ProtocolError('REPLY_MALFORMED', op.action, status, detail, subjectIds(op, body))
}

/** The instances a call names (its batch list, or its transition's instance field), from the bytes sent. */
export function subjectIds(op: OperationDescriptor, body: string): string[] {
  const field = op.batch?.instances ?? op.transition?.instances
  if (!field) return []
  try {
    return idsIn(JSON.parse(body) as Obj, field)
  } catch {
    return []
  }
}

function idsIn(request: Obj, field: string): string[] {
  const value = request[field]
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
}

/** The secrets of one request: its sensitive fields' values, at any depth, and the credentials. */
export function requestSecrets(op: OperationDescriptor, body: string, creds: Credentials | undefined): Secrets {
  let values: string[] = []
  try {
    values = sensitiveValues(JSON.parse(body), secretsOf(op.sensitiveFields).names)
  } catch {
    // not JSON: nothing of it can be told apart, and it is never quoted
  }
  if (creds) values.push('token' in creds ? creds.token : creds.accessKeySecret)
  return secretsOf(op.sensitiveFields, values)
}

function parseObject(text: string): Obj | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isObject(value) ? value : undefined
  } catch {
    return undefined
  }
}
