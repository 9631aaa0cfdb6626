// The error codes the mock engine answers by meaning, by role: the spec marks
// each code's role (x-zc-role in specs/shared/common.yaml) and a generated
// mock carries the codes of these roles in its service table (`codes`), so the
// engine holds no error code of its own. Validation codes come from the
// service's validators. Data only: the generator imports this list to emit
// exactly these and to refuse a spec that lacks one.
export const MOCK_CODE_ROLES = [
  // Before an action is chosen (hub, protocol checks, the node server's own answers).
  'serviceUnknown',
  'actionUnknown',
  'methodNotAllowed',
  'bodyTooLarge',
  'contentTypeUnsupported',
  'headerTooLarge',
  'requestMalformed',
  'receiveTimeout',
  // Headers and body of a chosen action.
  'parameterMissing',
  'versionUnsupported',
  'bodyMalformed',
  // Authentication.
  'credentialsMissing',
  'authorizationMalformed',
  'accessKeyUnknown',
  'signatureMismatch',
  'timestampExpired',
  'tokenInvalid',
  // Answers the engine gives of itself.
  'rateLimited',
  'internalError',
] as const

export type MockCodeRole = (typeof MOCK_CODE_ROLES)[number]

/** The spec's code for each role the engine reads. */
export type MockCodes = Readonly<Record<MockCodeRole, string>>
