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
  /** A validator function: `validateResetInstancesRequest`. */
  validator: (action: string, direction: 'request' | 'response'): string =>
    `validate${action}${direction === 'request' ? 'Request' : 'Response'}`,
  /** The zod schemas and their types: `ResetInstancesRequest`, `ResetInstancesResponse`, `ResetInstancesError`. */
  schema: (action: string, part: 'Request' | 'Response' | 'Error'): string => `${action}${part}`,
  /** The client's union of instance statuses: `InstanceStatus`. */
  statusType: (): string => 'InstanceStatus',
  /** The client's union of action names: `Action`. */
  actionType: (): string => 'Action',
  /** The client's typed error guard: `isResetInstancesError`. */
  errorGuard: (action: string): string => `is${action}Error`,
  /** A generated package's npm name: `@zenlayer-reset/zec-client`. */
  packageName: (service: string, kind: string): string => `${SCOPE}/${service}-${kind}`,
} as const
