export {
  type ApiResult,
  type CallOptions,
  type ClientConfig,
  createServiceClient,
  DEFAULT_BASE_URL,
  failedBeforeSending,
  type RawClient,
  SDK_LANGUAGE,
  SDK_VERSION,
  type ServiceClient,
} from './client.js'
export { type Credentials, type CredentialsSource, fromEnv, resolveCredentials } from './credentials.js'
export type { OperationDescriptor, ServiceDescriptor, SigningDescriptor } from './descriptor.js'
export {
  ApiError,
  EdgeBlockedError,
  InvalidInputError,
  MissingCredentialsError,
  NetworkError,
  TimeoutError,
  ZenlayerError,
} from './errors.js'
export { MASK, redactBody, redactBodyText, redactHeaders } from './redact.js'
export { SIGNATURE_METHOD, type Signature, type SignInput, sign } from './sign.js'
