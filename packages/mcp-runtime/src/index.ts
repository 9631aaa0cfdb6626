export { ClientConnection } from './connection.js'
export type { Answer, CallChannel, ServerContext, ToolAnswer } from './context.js'
export { type CredentialsContext, credentialsFor } from './credentials.js'
export { ToolRefusal, UsageError } from './errors.js'
export { readFleetInput } from './fleet-tool.js'
export { type MainIo, type MainOptions, main } from './main.js'
export {
  DEFAULT_CONFIRM_MINUTES,
  DEFAULT_MAX_INSTANCES,
  DEFAULT_MAX_WAIT_SECONDS,
  endpointOf,
  parseOptions,
  type ServerOptions,
  USAGE,
} from './options.js'
export { FLEET_OUTPUT_SCHEMA, OUTCOME_KINDS } from './output-schema.js'
export { FleetProgress, type ProgressUpdate } from './progress.js'
export { maskFor, secretValues } from './secrets.js'
export { createServer, offeredTools, SERVER_NAME } from './server.js'
export type {
  LoadedService,
  RequestValidatorTable,
  ServiceIndex,
  ServiceTools,
  ToolAnnotationsSpec,
  ToolKind,
  ToolSpec,
} from './tables.js'
export { ConfirmationTokens, canonical, type Redeemed } from './tokens.js'
