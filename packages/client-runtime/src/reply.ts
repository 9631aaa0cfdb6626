// A reply is checked before it is believed. A 2xx must be the envelope with
// an object `response`; a batch's failed list must be an array of the ids
// asked. Anything else is a ProtocolError saying the call may have been
// applied, with the ids whose fate is unknown: an id is never reported as
// reset without evidence. Server text kept in an error is scrubbed of the
// request's secrets first.
import type { Credentials } from './credentials.js'
import type { OperationDescriptor } from './descriptor.js'
import { ApiError, EdgeBlockedError, ProtocolError } from './errors.js'
import { holdsAny, redactValue, type Secrets, scrub, secretsOf, sensitiveValues } from './redact.js'

/** The longest server message an error keeps. */
const MAX_MESSAGE = 500

type Obj = Record<string, unknown>

const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value)

export function interpret(
  op: OperationDescriptor,
  reply: { status: number; headers: Headers; text: string },
  body: string,
  creds: Credentials,
  authorization: string | undefined,
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
      const secrets = requestSecrets(op, body, creds, authorizationSecrets(authorization))
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
  // The API answers success with 200 and nothing else; any other 2xx is not its answer.
  if (status !== 200) throw malformed(op, status, body, `the API answers 200, not ${status}`)
  if (!envelope) throw malformed(op, status, body, 'the body is not a JSON object')
  if (typeof envelope.code === 'string') throw malformed(op, status, body, 'an error envelope came with a 2xx status')
  const response = envelope.response
  if (!isObject(response)) throw malformed(op, status, body, '`response` is not an object')
  const requestId = envelope.requestId
  if (typeof requestId !== 'string' || requestId === '') throw malformed(op, status, body, 'the reply has no requestId')
  // A reset's reply is small and decides what is reported done: read it strictly.
  if (!op.idempotent && hasDuplicateKeys(reply.text)) throw malformed(op, status, body, 'the reply names a field twice')
  const result = { ...response, requestId }
  // What the caller gets holds no secret either: fields named sensitive are
  // masked and the request's secrets scrubbed, should the server echo them.
  if (op.sensitiveFields.length === 0 && !holdsAny(reply.text, credentialSecrets(creds))) return result
  return redactValue(result, requestSecrets(op, body, creds, authorizationSecrets(authorization))) as Obj
}

/** A batch action's result also says which ids failed (absent list: none, specs/DECISIONS.md decision 7) and which did not. */
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
  // One shape: the reply's own failed list becomes failedInstanceIds (and succeededInstanceIds), not a second copy.
  const { [batch.failed]: _raw, ...rest } = result
  return { ...rest, failedInstanceIds: failed, succeededInstanceIds: asked.filter((id) => !failedSet.has(id)) }
}

let lastCredential: { readonly value: string; readonly secrets: Secrets } | undefined

/** The spellings of a credential, kept for the last one seen: a client signs with the same key call after call. */
function credentialSecrets(creds: Credentials): Secrets {
  const value = 'token' in creds ? creds.token : creds.accessKeySecret
  if (lastCredential?.value !== value) lastCredential = { value, secrets: secretsOf([], [value]) }
  return lastCredential.secrets
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

/**
 * The secrets of one request: its sensitive fields' values at any depth, the
 * credentials, and `extra` (the Authorization value as sent, and its signature).
 * A top-level field the spec does not know is a secret too: a typo, or a field
 * of another action (`userData` sent to an action without it), is never shown.
 */
export function requestSecrets(
  op: OperationDescriptor,
  body: string,
  creds: Credentials | undefined,
  extra: readonly string[] = [],
): Secrets {
  let values: string[] = []
  let names = op.sensitiveFields
  try {
    const parsed: unknown = JSON.parse(body)
    names = [...names, ...unknownFields(op, parsed)]
    values = sensitiveValues(parsed, new Set(names.map((f) => f.toLowerCase())))
  } catch {
    // not JSON: nothing of it can be told apart, and it is never quoted
  }
  if (creds) values.push('token' in creds ? creds.token : creds.accessKeySecret)
  return secretsOf(names, [...values, ...extra])
}

/** The top-level fields of a request body that the action's spec does not name. */
function unknownFields(op: OperationDescriptor, body: unknown): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return []
  const known = new Set(op.requestFields)
  return Object.keys(body).filter((name) => !known.has(name))
}

/** An Authorization value and, for a signature, the signature alone: both are credentials. */
export function authorizationSecrets(authorization: string | undefined): string[] {
  if (!authorization) return []
  const signature = /Signature=([0-9a-fA-F]+)/.exec(authorization)?.[1]
  return signature ? [authorization, signature] : [authorization]
}

/**
 * Whether a JSON text names a key twice in one object. JSON.parse keeps the
 * last, so `{"response":{...failed...},"response":{}}` would read as success.
 * Run on text that JSON.parse accepted.
 */
export function hasDuplicateKeys(text: string): boolean {
  const objects: (Set<string> | null)[] = []
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      let j = i + 1
      let escaped = false
      while (j < text.length) {
        const d = text.charCodeAt(j)
        if (d === 92) {
          escaped = true
          j += 2
        } else if (d === 34) break
        else j++
      }
      const keys = objects[objects.length - 1]
      if (keys && expectKey) {
        const raw = text.slice(i, j + 1)
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1)
        if (keys.has(key)) return true
        keys.add(key)
        expectKey = false
      }
      i = j
    } else if (c === 123) {
      objects.push(new Set())
      expectKey = true
    } else if (c === 91) {
      objects.push(null)
      expectKey = false
    } else if (c === 125 || c === 93) {
      objects.pop()
      expectKey = false
    } else if (c === 44) {
      expectKey = objects[objects.length - 1] != null
    }
  }
  return false
}

function parseObject(text: string): Obj | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isObject(value) ? value : undefined
  } catch {
    return undefined
  }
}
