// The middleware every request of a service goes through, the raw
// openapi-fetch client included: protocol headers, then a signature over the
// exact bytes being sent (each attempt signs afresh: a retry never reuses a
// stale timestamp), then, when a logger is set, masked descriptions.
import type { Middleware } from 'openapi-fetch'
import { type CredentialsSource, resolveCredentials } from './credentials.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import { ZenlayerError } from './errors.js'
import type { ClientLogger } from './logging.js'
import { redactBodyText, redactHeaders } from './redact.js'
import { SIGNATURE_METHOD, sign } from './sign.js'

/** The SDK identification sent in X-ZC-SDK-Lang / X-ZC-SDK-Version. */
export const SDK_LANGUAGE = 'typescript'
export const SDK_VERSION = '0.0.0'

export interface ProtocolOptions {
  readonly credentials: CredentialsSource | undefined
  readonly now: () => number
  readonly requestClient: string | undefined
}

export function operationsByPathKey(service: ServiceDescriptor): Map<string, OperationDescriptor> {
  return new Map(Object.values(service.operations).map((op) => [op.pathKey, op]))
}

export function protocolMiddleware(service: ServiceDescriptor, options: ProtocolOptions): Middleware {
  const byPathKey = operationsByPathKey(service)
  return {
    async onRequest({ request: asBuilt, schemaPath }) {
      const op = byPathKey.get(schemaPath)
      if (!op) throw new ZenlayerError('UNKNOWN_OPERATION', `no ${service.name} action is at ${schemaPath}`)
      // The path key's #Action fragment names the operation for openapi-fetch; it is never part of the wire.
      const url = new URL(asBuilt.url)
      url.hash = ''
      const request = new Request(url, asBuilt)
      const headers = request.headers
      headers.set('X-ZC-Action', op.action)
      headers.set('X-ZC-Version', op.version)
      headers.set('X-ZC-Service', service.name)
      headers.set('X-ZC-SDK-Lang', SDK_LANGUAGE)
      headers.set('X-ZC-SDK-Version', SDK_VERSION)
      if (options.requestClient) headers.set('X-ZC-Request-Client', options.requestClient)
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
      const creds = await resolveCredentials(options.credentials)
      if ('token' in creds) {
        headers.set('Authorization', `Bearer ${creds.token}`)
        return request
      }
      const timestamp = options.now()
      const signed = await sign({
        accessKeyId: creds.accessKeyId,
        accessKeySecret: creds.accessKeySecret,
        contentType: headers.get('content-type') ?? '',
        host: url.host,
        body: new Uint8Array(await request.clone().arrayBuffer()),
        timestamp,
      })
      headers.set(service.signing.timestampHeader, String(timestamp))
      headers.set(service.signing.signatureMethodHeader, SIGNATURE_METHOD)
      headers.set(service.signing.authorizationHeader, signed.authorization)
      return request
    },
  }
}

export function loggingMiddleware(service: ServiceDescriptor, logger: ClientLogger): Middleware {
  const byPathKey = operationsByPathKey(service)
  const started = new Map<string, number>()
  return {
    async onRequest({ request, schemaPath, id }) {
      const op = byPathKey.get(schemaPath)
      started.set(id, Date.now())
      const url = new URL(request.url)
      logger({
        type: 'request',
        service: service.name,
        action: op?.action ?? schemaPath,
        url: `${url.origin}${url.pathname}`,
        headers: redactHeaders(request.headers),
        body: JSON.parse(redactBodyText(await request.clone().text(), op?.sensitiveFields ?? [])),
      })
      return request
    },
    async onResponse({ response, schemaPath, id }) {
      const op = byPathKey.get(schemaPath)
      const text = await response.clone().text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        body = `<${text.length} bytes, not JSON>`
      }
      logger({
        type: 'response',
        service: service.name,
        action: op?.action ?? schemaPath,
        status: response.status,
        durationMs: Date.now() - (started.get(id) ?? Date.now()),
        headers: redactHeaders(response.headers),
        body,
      })
      started.delete(id)
      return response
    },
  }
}
