import createClient, { type Client, type Middleware } from 'openapi-fetch'
import { type CredentialsSource, resolveCredentials } from './credentials.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import { ApiError, EdgeBlockedError, NetworkError, ZenlayerError } from './errors.js'
import { SIGNATURE_METHOD, sign } from './sign.js'

/** The SDK identification sent in X-ZC-SDK-Lang / X-ZC-SDK-Version. */
export const SDK_LANGUAGE = 'typescript'
export const SDK_VERSION = '0.0.0'

export const DEFAULT_BASE_URL = 'https://console.zenlayer.com'

export interface ClientConfig {
  /** An access key, a bearer token, or a function giving either (`fromEnv()`). */
  readonly credentials?: CredentialsSource
  /** Scheme, host and port; `http://127.0.0.1:8787` for the mock. Default https://console.zenlayer.com. */
  readonly baseUrl?: string
  /** The fetch to use (tests, proxies). Default: the global fetch. */
  readonly fetch?: typeof fetch
  /** Unix seconds now; injectable so that tests sign at a fixed time. */
  readonly now?: () => number
  /** Sent as X-ZC-Request-Client, for the vendor's logs. */
  readonly requestClient?: string
}

export interface CallOptions {
  /** Cancels the call. */
  readonly signal?: AbortSignal
}

/** An action's `response`, with the `requestId` of the call. */
export type ApiResult<T> = T & { readonly requestId: string }

export type RawClient<Paths extends {}> = Client<Paths, 'application/json'>

export interface ServiceClient<Paths extends {}> {
  readonly raw: RawClient<Paths>
  call<T>(op: OperationDescriptor, input: unknown, options?: CallOptions): Promise<ApiResult<T>>
}

type Envelope = { requestId?: unknown; response?: Record<string, unknown>; code?: unknown; message?: unknown }

/**
 * The middleware every request of a service goes through, raw client included:
 * the protocol headers, then the signature over the exact bytes being sent.
 */
function protocolMiddleware(service: ServiceDescriptor, config: ClientConfig): Middleware {
  const byPathKey = new Map(Object.values(service.operations).map((op) => [op.pathKey, op]))
  const now = config.now ?? (() => Math.floor(Date.now() / 1000))
  return {
    async onRequest({ request, schemaPath }) {
      const op = byPathKey.get(schemaPath)
      if (!op) throw new ZenlayerError('UNKNOWN_OPERATION', `no ${service.name} action is at ${schemaPath}`)
      const headers = request.headers
      headers.set('X-ZC-Action', op.action)
      headers.set('X-ZC-Version', op.version)
      headers.set('X-ZC-Service', service.name)
      headers.set('X-ZC-SDK-Lang', SDK_LANGUAGE)
      headers.set('X-ZC-SDK-Version', SDK_VERSION)
      if (config.requestClient) headers.set('X-ZC-Request-Client', config.requestClient)
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
      const creds = await resolveCredentials(config.credentials)
      if ('token' in creds) {
        headers.set('Authorization', `Bearer ${creds.token}`)
        return request
      }
      const body = new Uint8Array(await request.clone().arrayBuffer())
      const timestamp = now()
      const signed = await sign({
        accessKeyId: creds.accessKeyId,
        accessKeySecret: creds.accessKeySecret,
        contentType: headers.get('content-type') ?? '',
        host: new URL(request.url).host,
        body,
        timestamp,
      })
      headers.set(service.signing.timestampHeader, String(timestamp))
      headers.set(service.signing.signatureMethodHeader, SIGNATURE_METHOD)
      headers.set(service.signing.authorizationHeader, signed.authorization)
      return request
    },
  }
}

/** Whether a fetch failure happened before any byte of the request could reach the server. */
export function failedBeforeSending(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
}

/** Creates the runtime of one service's client; generated clients wrap it with one method per action. */
export function createServiceClient<Paths extends {}>(
  service: ServiceDescriptor,
  config: ClientConfig = {},
): ServiceClient<Paths> {
  const raw = createClient<Paths>({
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  })
  raw.use(protocolMiddleware(service, config))

  async function call<T>(op: OperationDescriptor, input: unknown, options: CallOptions = {}): Promise<ApiResult<T>> {
    let outcome: { data?: unknown; error?: unknown; response: Response }
    try {
      const post = raw.POST as unknown as (path: string, init: Record<string, unknown>) => Promise<typeof outcome>
      outcome = await post(op.pathKey, {
        body: input,
        params: { header: { 'X-ZC-Action': op.action, 'X-ZC-Version': op.version } },
        parseAs: 'text',
        ...(options.signal ? { signal: options.signal } : {}),
      })
    } catch (error) {
      if (error instanceof ZenlayerError) throw error
      throw new NetworkError(op.action, failedBeforeSending(error), error)
    }
    const { response } = outcome
    if (response.status === 403 && response.headers.get('cf-mitigated') === 'challenge') {
      throw new EdgeBlockedError(403, 'challenge', op.action)
    }
    if (response.status === 451) throw new EdgeBlockedError(451, 'policy', op.action)
    const text = response.ok ? outcome.data : outcome.error
    const body = parseEnvelope(typeof text === 'string' ? text : JSON.stringify(text ?? null))
    if (!body) throw new EdgeBlockedError(response.status, 'not-json', op.action)
    if (!response.ok) {
      if (typeof body.code !== 'string') throw new EdgeBlockedError(response.status, 'not-json', op.action)
      throw new ApiError(
        body.code,
        String(body.message ?? ''),
        String(body.requestId ?? ''),
        response.status,
        op.action,
      )
    }
    const result = body.response ?? {}
    return { ...result, requestId: String(body.requestId ?? result.requestId ?? '') } as ApiResult<T>
  }

  return { raw, call }
}

function parseEnvelope(text: string): Envelope | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Envelope) : undefined
  } catch {
    return undefined
  }
}
