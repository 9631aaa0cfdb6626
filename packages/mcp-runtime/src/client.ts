// A tool's client: the client runtime's service client over the generated
// client's descriptor (what every generated client is), with the action's
// validators (so a bad input is refused before anything is sent), the
// operator's endpoint and the credentials of the server's environment or the
// vendor CLI profile. Made per call: a changed profile file is read anew.
import { type Credentials, createServiceClient, type ServiceClient } from '@zenlayer-reset/client-runtime'
import type { ServerContext } from './context.js'
import { credentialsFor } from './credentials.js'
import type { LoadedService, ServiceTools } from './tables.js'

export interface ToolClient {
  readonly loaded: LoadedService
  readonly client: ServiceClient<object>
  readonly credentials: Credentials
}

export async function clientFor(ctx: ServerContext, table: ServiceTools): Promise<ToolClient> {
  const loaded = await table.load()
  const credentials = credentialsFor(ctx.credentials, loaded.service.signing)
  const client = createServiceClient<object>(loaded.service, {
    credentials,
    ...(ctx.options.endpoint ? { baseUrl: ctx.options.endpoint } : {}),
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    requestClient: 'zenlayer-reset-mcp',
    validator: { validators: loaded.validators },
  })
  return { loaded, client, credentials }
}
