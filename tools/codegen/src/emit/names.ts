// Every TypeScript name the targets print, in one place (the model knows
// actions and services, not how a language spells them). A target that needs
// a name asks here; a new language's target gets its own resolver.
import { SCOPE } from './shared/files.js'

/** `zec` -> `Zec`. */
export function pascal(service: string): string {
  return service.charAt(0).toUpperCase() + service.slice(1)
}

export const names = {
  /** The client method of an action: `resetInstances`. */
  method: (action: string): string => action.charAt(0).toLowerCase() + action.slice(1),
  /** The client factory: `createZecClient`. */
  clientFactory: (service: string): string => `create${pascal(service)}Client`,
  /** The client's interface: `ZecClient`. */
  clientType: (service: string): string => `${pascal(service)}Client`,
  /** The mock factory: `createZecMock`. */
  mockFactory: (service: string): string => `create${pascal(service)}Mock`,
  /** A validator function: `validateResetInstancesRequest`, `validateResetInstancesReply` (the whole envelope). */
  validator: (action: string, direction: 'request' | 'response'): string =>
    `validate${action}${direction === 'request' ? 'Request' : 'Reply'}`,
  /**
   * The zod schemas and their types: `ResetInstancesRequest`, `ResetInstancesReply` (the envelope, as the
   * spec calls it), `ResetInstancesErrorBody`. None is a name the client package also uses.
   */
  schema: (action: string, part: 'Request' | 'Reply' | 'ErrorBody'): string => `${action}${part}`,
  /** The client's error type of an action, an ApiError narrowed to its codes: `ResetInstancesError`. */
  clientError: (action: string): string => `${action}Error`,
  /** The client's union of instance statuses: `InstanceStatus`. */
  statusType: (): string => 'InstanceStatus',
  /** The client's union of action names: `Action`. */
  actionType: (): string => 'Action',
  /** The client's typed error guard: `isResetInstancesError`. */
  errorGuard: (action: string): string => `is${action}Error`,
  /** A generated package's npm name: `@zenlayer-reset/zec-client`. */
  packageName: (service: string, kind: string): string => `${SCOPE}/${service}-${kind}`,
} as const
