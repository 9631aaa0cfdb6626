// The roles an error code can play (x-zc-role): those the runtimes read, each
// runtime's own list (data-only modules of client-runtime, validator-runtime
// and mock-engine). The model maps each role to the spec's code; a role no
// runtime reads stops generation (a typo would otherwise mean a runtime falls
// back to nothing), and each target emits the roles its runtime lists.
import { CLIENT_CODE_ROLES } from '@zenlayer-reset/client-runtime/code-roles'
import { MOCK_CODE_ROLES } from '@zenlayer-reset/mock-engine/code-roles'
import { VALIDATOR_CODE_ROLES } from '@zenlayer-reset/validator-runtime/code-roles'

export { CLIENT_CODE_ROLES, MOCK_CODE_ROLES, VALIDATOR_CODE_ROLES }

export const KNOWN_CODE_ROLES: ReadonlySet<string> = new Set([
  ...CLIENT_CODE_ROLES,
  ...VALIDATOR_CODE_ROLES,
  ...MOCK_CODE_ROLES,
])
