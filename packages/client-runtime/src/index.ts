export {
  type ApiResult,
  type BatchOutcome,
  type CallOptions,
  type ClientConfig,
  createServiceClient,
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEFAULT_BASE_URL,
  DEFAULT_CALL_TIMEOUT_MS,
  failedBeforeSending,
  type NotTogether,
  type ProtocolFilled,
  type RawClient,
  type RequestValidators,
  type ResolvedConfig,
  type ServiceClient,
  type ValidationOutcome,
} from './client.js'
export { CLIENT_CODE_ROLES, type ClientCodeRole, type ClientCodes } from './code-roles.js'
export {
  type Credentials,
  type CredentialsSource,
  type EnvCredentialNames,
  envCredentials,
  resolveCredentials,
} from './credentials.js'
export { type CryptoFunctions, checkedCryptoSigner, cryptoSigner } from './crypto-signer.js'
export type {
  BatchDescriptor,
  OperationDescriptor,
  PaginationDescriptor,
  ServiceDescriptor,
  SigningDescriptor,
  TransitionDescriptor,
} from './descriptor.js'
export {
  ApiError,
  ConfigError,
  EdgeBlockedError,
  InvalidInputError,
  MissingCredentialsError,
  NetworkError,
  ProtocolError,
  RedirectError,
  TimeoutError,
  WaiterError,
  type WaiterErrorCode,
  ZenlayerError,
} from './errors.js'
export {
  type FleetEvent,
  type FleetInput,
  type FleetInputOf,
  type FleetOptions,
  type FleetOutcome,
  type FleetOutcomeKind,
  type FleetResult,
  type FleetWait,
  MAX_REQUEUES,
  resetFleet,
} from './fleet.js'
export type { ClientLogEvent, ClientLogger, ConsoleLike } from './logging.js'
export { SDK_LANGUAGE, SDK_VERSION } from './middleware.js'
export { clip, oneLine } from './one-line.js'
export { MASK, redactBody, redactBodyText, redactHeaders } from './redact.js'
export {
  backoffMs,
  DEFAULT_RETRY,
  NO_RETRY,
  type RetryPolicy,
  type RetryReason,
  retryAfterMs,
  retryReason,
} from './retry.js'
export {
  authorizationValue,
  portableSigner,
  SIGNATURE_METHOD,
  type Signature,
  type Signer,
  type SignInput,
  sign,
} from './sign.js'
export { defaultSigner } from './signer.js'
export { realSleep, type Sleep } from './timing.js'
export { DEFAULT_MAX_RESPONSE_BYTES } from './transport.js'
export { IDS_PER_POLL, type WaitOptions, type WaitProgress, type WaitResult, waitUntil } from './waiter.js'
