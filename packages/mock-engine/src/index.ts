export {
  type AuthFailure,
  checkAuth,
  DEFAULT_CREDENTIALS,
  defaultSigner,
  type MockCredentials,
  portableSigner,
  type Signer,
} from './auth.js'
export { type Clock, manualClock, systemClock } from './clock.js'
export { MOCK_CODE_ROLES, type MockCodeRole, type MockCodes } from './code-roles.js'
export type {
  MockOperation,
  MockService,
  RequestFilter,
  RequestValidator,
  StateRuleRef,
  ValidatorTable,
} from './descriptor.js'
export type { Faults } from './faults.js'
export { matchesFilters } from './filters.js'
export { createMockHub, type MockHub } from './hub.js'
export { DEFAULT_STATE_LIMITS, LimitError, type StateLimits } from './limits.js'
export type { Progression, ProgressionOption } from './progression.js'
export { requestIdFrom, seededRandom } from './random.js'
export { RULES } from './rules.js'
export { checkHubState, checkSeedState, MAX_SEEDED, StateError } from './seed-check.js'
export { checkProtocol, createServiceMock, type MockOptions, type ServiceMock } from './service-mock.js'
export {
  type HistoryEntry,
  IMAGE_DEFAULTS,
  type Image,
  type ImageCategory,
  INSTANCE_DEFAULTS,
  type Instance,
  type OsType,
  type SeedState,
  type StateSnapshot,
} from './types.js'
export { MAX_BODY_BYTES, type WireRequest, type WireResponse } from './wire.js'
