// The middleware every request of a service goes through, the raw
// openapi-fetch client included: protocol headers, then a signature over the
// exact bytes being sent (each attempt signs afresh: a retry never reuses a
// stale timestamp), then, when a logger is set, masked descriptions.
import type { Middleware } from 'openapi-fetch'
import { type Credentials, type CredentialsSource, resolveCredentials } from './credentials.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import { ZenlayerError } from './errors.js'
import type { ClientLogger } from './logging.js'
import { redactHeaders, redactValue, type Secrets, secretsOf } from './redact.js'
import { authorizationSecrets, requestSecrets } from './reply.js'
import { authorizationValue, SIGNATURE_METHOD } from './sign.js'
import { defaultSigner } from './signer.js'

/** The SDK identification sent in X-ZC-SDK-Lang / X-ZC-SDK-Version. */
export const SDK_LANGUAGE = 'typescript'
export const SDK_VERSION = '0.0.0'
/** Sent and signed verbatim; the Java SDK's `; charset=utf-8` would give another signature. */
export const CONTENT_TYPE = 'application/json'

export interface ProtocolOptions {
  readonly credentials: CredentialsSource | undefined
  readonly now: () => number
  readonly requestClient: string | undefined
}

export function operationsByPathKey(service: ServiceDescriptor): Map<string, OperationDescriptor> {
  return new Map(Object.values(service.operations).map((op) => [op.pathKey, op]))
}

/**
 * Every header a request of `op` carries: identity, SDK, and the credentials
 * (a bearer token, or a signature over `body` exactly as it will be sent).
 */
export function protocolHeaders(
  service: ServiceDescriptor,
  op: OperationDescriptor,
  creds: Credentials,
  body: string,
  host: string,
  options: ProtocolOptions,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPE,
    'x-zc-action': op.action,
    'x-zc-version': op.version,
    'x-zc-service': service.name,
    'x-zc-sdk-lang': SDK_LANGUAGE,
    'x-zc-sdk-version': SDK_VERSION,
  }
  if (options.requestClient) headers['x-zc-request-client'] = options.requestClient
  if ('token' in creds) {
    headers.authorization = `Bearer ${creds.token}`
    return headers
  }
  const timestamp = options.now()
  // node:crypto's where the platform lends it (several times faster), checked against the portable one.
  const signature = defaultSigner()({
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    contentType: CONTENT_TYPE,
    host,
    body,
    timestamp,
  })
  headers[service.signing.timestampHeader.toLowerCase()] = String(timestamp)
  headers[service.signing.signatureMethodHeader.toLowerCase()] = SIGNATURE_METHOD
  headers[service.signing.authorizationHeader.toLowerCase()] = authorizationValue(creds.accessKeyId, signature)
  return headers
}

/**
 * For the raw openapi-fetch client: the same headers and signature, computed
 * from the request openapi-fetch built. The generated methods set them
 * before the request is built (cheaper: the body is serialised once), and
 * this middleware then leaves the request alone. Each attempt signs afresh,
 * so a retry never reuses a stale timestamp.
 */
export function protocolMiddleware(service: ServiceDescriptor, options: ProtocolOptions): Middleware {
  const byPathKey = operationsByPathKey(service)
  return {
    async onRequest({ request, schemaPath }) {
      if (request.headers.has('authorization')) return undefined
      const op = byPathKey.get(schemaPath)
      if (!op) throw new ZenlayerError('UNKNOWN_OPERATION', `no ${service.name} action is at ${schemaPath}`)
      const creds = await resolveCredentials(options.credentials)
      const body = await request.clone().text()
      const host = new URL(request.url).host
      for (const [name, value] of Object.entries(protocolHeaders(service, op, creds, body, host, options))) {
        request.headers.set(name, value)
      }
      return request
    },
  }
}

/**
 * Log events for every request and response, masked: sensitive fields at any
 * depth, the request's own secret values wherever the reply echoes them, and
 * credential headers whole. Bodies are read from clones, so the call still
 * gets the reply (already bounded by the transport).
 */
export function loggingMiddleware(
  service: ServiceDescriptor,
  logger: ClientLogger,
  keySecrets: ReadonlyMap<string, string>,
): Middleware {
  const byPathKey = operationsByPathKey(service)
  const pending = new Map<string, { started: number; secrets: Secrets }>()
  /** The credential behind a request's own Authorization: its token, or the secret of the key it names. */
  const credentialOf = (authorization: string | null): string[] => {
    if (!authorization) return []
    if (authorization.startsWith('Bearer ')) return [authorization.slice(7)]
    const keyId = /Credential=([^,\s]+)/.exec(authorization)?.[1]
    const secret = keyId === undefined ? undefined : keySecrets.get(keyId)
    return secret === undefined ? [] : [secret]
  }
  return {
    async onRequest({ request, schemaPath, id }) {
      const op = byPathKey.get(schemaPath)
      const text = await request.clone().text()
      const authorization = request.headers.get('authorization')
      const extra = [...credentialOf(authorization), ...authorizationSecrets(authorization ?? undefined)]
      const secrets = op ? requestSecrets(op, text, undefined, extra) : secretsOf([], extra)
      pending.set(id, { started: Date.now(), secrets })
      const url = new URL(request.url)
      logger({
        type: 'request',
        service: service.name,
        action: op?.action ?? schemaPath,
        url: `${url.origin}${url.pathname}`,
        headers: redactHeaders(request.headers, secrets),
        body: describeBody(text, secrets),
      })
      return request
    },
    async onResponse({ response, schemaPath, id }) {
      const op = byPathKey.get(schemaPath)
      const { started, secrets } = pending.get(id) ?? { started: Date.now(), secrets: secretsOf([]) }
      pending.delete(id)
      logger({
        type: 'response',
        service: service.name,
        action: op?.action ?? schemaPath,
        status: response.status,
        durationMs: Date.now() - started,
        headers: redactHeaders(response.headers, secrets),
        body: describeBody(await response.clone().text(), secrets),
      })
      return response
    },
    onError({ id }) {
      pending.delete(id)
    },
  }
}

/** A body for a log event: parsed and masked when it is JSON, its size otherwise. */
function describeBody(text: string, secrets: Secrets): unknown {
  try {
    return redactValue(JSON.parse(text), secrets)
  } catch {
    return `<${text.length} bytes, not JSON>`
  }
}
