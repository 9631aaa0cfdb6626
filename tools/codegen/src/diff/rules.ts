// How each kind of spec change reaches the packages' users, as data (in the
// manner of oasdiff's rules): the side it is on, its class, the generated
// packages it touches, and why. The classifier (classify.ts) only finds
// changes and names their rule; every decision about a class is here.

/** A change's class, and the semver bump it needs. */
export type ChangeClass = 'breaking' | 'feature' | 'fix'
export const BUMP: Readonly<Record<ChangeClass, 'major' | 'minor' | 'patch'>> = {
  breaking: 'major',
  feature: 'minor',
  fix: 'patch',
}
export const CLASS_ORDER: readonly ChangeClass[] = ['fix', 'feature', 'breaking']

/** The generated package kinds (the generator's emitters). */
export type PackageKind = 'client' | 'validator' | 'mock'
const ALL: readonly PackageKind[] = ['client', 'validator', 'mock']
const CLIENT_MOCK: readonly PackageKind[] = ['client', 'mock']

export interface ChangeRule {
  readonly side: 'service' | 'operation' | 'request' | 'response'
  readonly class: ChangeClass
  readonly packages: readonly PackageKind[]
  /** What changed, as a release note says it. */
  readonly title: string
  /** Why this class: what it does to a caller. */
  readonly why: string
  /** Set when the change is a feature that code written against the old version must tolerate. */
  readonly care?: string
}

export const RULES = {
  // ---- the service
  'service-added': {
    side: 'service',
    class: 'feature',
    packages: ALL,
    title: 'new service',
    why: 'new packages; nothing existing changes',
  },
  'service-removed': {
    side: 'service',
    class: 'breaking',
    packages: ALL,
    title: 'service removed',
    why: 'every call to it is gone',
  },
  'api-version-changed': {
    side: 'service',
    class: 'breaking',
    packages: ALL,
    title: 'API version changed',
    why: 'every request is sent with another X-ZC-Version',
  },
  'signing-changed': {
    side: 'service',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'request signing changed',
    why: 'requests signed the old way are refused',
  },
  'status-added': {
    side: 'response',
    class: 'feature',
    packages: ALL,
    title: 'instance status added',
    why: 'replies may carry a value older code has not seen',
    care: 'exhaustive switches over statuses need a default branch; reply validation accepts unknown values',
  },
  'status-removed': {
    side: 'response',
    class: 'breaking',
    packages: ALL,
    title: 'instance status removed',
    why: 'a TypeScript comparison with the removed literal no longer compiles (oasdiff counts this as safe; typed clients do not)',
  },
  'protocol-error-added': {
    side: 'service',
    class: 'feature',
    packages: CLIENT_MOCK,
    title: 'protocol error code added',
    why: 'a new code callers may see',
  },
  'protocol-error-removed': {
    side: 'service',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'protocol error code removed',
    why: "the client's typed codes lose a member",
  },
  // ---- an operation
  'action-added': {
    side: 'operation',
    class: 'feature',
    packages: ALL,
    title: 'new action',
    why: 'a new method; nothing existing changes',
  },
  'action-removed': {
    side: 'operation',
    class: 'breaking',
    packages: ALL,
    title: 'action removed',
    why: 'its method is gone',
  },
  'idempotency-changed': {
    side: 'operation',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'idempotency changed',
    why: 'the client retries the action differently',
  },
  'error-code-added': {
    side: 'operation',
    class: 'feature',
    packages: CLIENT_MOCK,
    title: 'error code added',
    why: 'a new code callers may see',
  },
  'error-code-removed': {
    side: 'operation',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'error code removed',
    why: "the client's typed codes lose a member (prefer deprecating a code in its description)",
  },
  'error-status-changed': {
    side: 'operation',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'HTTP status of an error code changed',
    why: 'callers that branch on the status see another one',
  },
  'state-rule-added': {
    side: 'operation',
    class: 'breaking',
    packages: ['mock'],
    title: 'new precondition',
    why: 'calls that succeeded may now be refused',
  },
  'state-rule-removed': {
    side: 'operation',
    class: 'feature',
    packages: ['mock'],
    title: 'precondition removed',
    why: 'calls that were refused may now succeed',
  },
  'state-rule-changed': {
    side: 'operation',
    class: 'breaking',
    packages: ['mock'],
    title: 'a precondition fails differently',
    why: 'its violation answers another code or fails the instance instead of the call',
  },
  'transition-added': {
    side: 'operation',
    class: 'feature',
    packages: CLIENT_MOCK,
    title: 'the action can now be waited for',
    why: 'a new waiter',
  },
  'transition-removed': {
    side: 'operation',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'the action can no longer be waited for',
    why: 'its waiter is gone',
  },
  'transition-status-tolerated': {
    side: 'operation',
    class: 'feature',
    packages: CLIENT_MOCK,
    title: 'another in-flight status accepted',
    why: 'the waiter keeps waiting through one more status',
  },
  'transition-changed': {
    side: 'operation',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'the status path changed',
    why: 'the waiter succeeds, fails or gives up on other statuses',
  },
  'paging-changed': {
    side: 'operation',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'paging changed',
    why: 'pages are asked for or read through other fields',
  },
  'batch-changed': {
    side: 'operation',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'batch fields changed',
    why: 'the failed ids are read from another field',
  },
  'filter-added': {
    side: 'operation',
    class: 'feature',
    packages: ['mock'],
    title: 'query filter added',
    why: 'the mock narrows the answer by one more request field; queries without it answer as before',
  },
  'filter-changed': {
    side: 'operation',
    class: 'breaking',
    packages: ['mock'],
    title: 'query filter changed or removed',
    why: 'the same query now matches other items (another field, another way of matching, or none)',
  },
  'docs-changed': {
    side: 'operation',
    class: 'fix',
    packages: ['client'],
    title: 'documentation changed',
    why: "descriptions, summaries and links change no behaviour; they are the client's JSDoc",
  },
  // ---- the request
  'request-field-added-optional': {
    side: 'request',
    class: 'feature',
    packages: ALL,
    title: 'optional request field added',
    why: 'existing calls stay valid',
  },
  'request-field-added-required': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'required request field added',
    why: 'existing calls lack it',
  },
  'request-field-removed': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'request field removed',
    why: 'calls that send it are refused (unknown fields are)',
  },
  'request-field-became-required': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'request field became required',
    why: 'calls without it are refused',
  },
  'request-field-became-optional': {
    side: 'request',
    class: 'feature',
    packages: ALL,
    title: 'request field became optional',
    why: 'existing calls stay valid',
  },
  'request-type-changed': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'request field type changed',
    why: 'values of the old type are refused',
  },
  'request-limit-narrowed': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'request limit narrowed',
    why: 'values that were accepted are refused',
  },
  'request-limit-widened': {
    side: 'request',
    class: 'feature',
    packages: ALL,
    title: 'request limit widened',
    why: 'every value accepted before still is',
  },
  'request-enum-value-removed': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'request value no longer allowed',
    why: 'calls sending it are refused',
  },
  'request-enum-value-added': {
    side: 'request',
    class: 'feature',
    packages: ALL,
    title: 'request value allowed',
    why: 'every value accepted before still is',
  },
  'request-pattern-added': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'request pattern added',
    why: 'values that were accepted may be refused',
  },
  'request-pattern-removed': {
    side: 'request',
    class: 'feature',
    packages: ALL,
    title: 'request pattern removed',
    why: 'every value accepted before still is',
  },
  'request-rule-added': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'new cross-field rule',
    why: 'combinations that were accepted are refused',
  },
  'request-rule-removed': {
    side: 'request',
    class: 'feature',
    packages: ALL,
    title: 'cross-field rule removed',
    why: 'every call accepted before still is',
  },
  'request-closed': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'unknown request fields refused',
    why: 'calls with extra fields are refused',
  },
  'request-opened': {
    side: 'request',
    class: 'feature',
    packages: ALL,
    title: 'unknown request fields allowed',
    why: 'every call accepted before still is',
  },
  'request-default-changed': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'request default changed',
    why: 'calls that omit the field now mean something else',
  },
  'request-error-code-changed': {
    side: 'request',
    class: 'breaking',
    packages: ALL,
    title: 'error code of a request rule changed',
    why: 'callers that key on the code see another one',
  },
  'secret-added': {
    side: 'request',
    class: 'fix',
    packages: CLIENT_MOCK,
    title: 'field now treated as a secret',
    why: 'it is masked in logs and errors; nothing else changes',
  },
  'secret-removed': {
    side: 'request',
    class: 'breaking',
    packages: CLIENT_MOCK,
    title: 'field no longer treated as a secret',
    why: 'its value may now appear in logs',
  },
  // ---- the response
  'response-field-added': {
    side: 'response',
    class: 'feature',
    packages: ALL,
    title: 'reply field added',
    why: 'replies carry more; nothing read before changes',
  },
  'response-field-removed': {
    side: 'response',
    class: 'breaking',
    packages: ALL,
    title: 'reply field removed',
    why: 'code reading it finds nothing',
  },
  'response-field-became-optional': {
    side: 'response',
    class: 'breaking',
    packages: ALL,
    title: 'reply field may be absent',
    why: 'code reading it may find nothing',
  },
  'response-field-became-required': {
    side: 'response',
    class: 'feature',
    packages: ALL,
    title: 'reply field always present',
    why: 'code reading it always finds it',
  },
  'response-type-changed': {
    side: 'response',
    class: 'breaking',
    packages: ALL,
    title: 'reply field type changed',
    why: 'code reading it gets another type',
  },
  'response-limit-widened': {
    side: 'response',
    class: 'breaking',
    packages: ALL,
    title: 'reply limit widened',
    why: 'replies may carry values older code does not expect',
  },
  'response-limit-narrowed': {
    side: 'response',
    class: 'fix',
    packages: ALL,
    title: 'reply limit narrowed',
    why: 'every reply is one older code accepted',
  },
  'response-enum-value-added': {
    side: 'response',
    class: 'feature',
    packages: ALL,
    title: 'reply value added',
    why: 'replies may carry a value older code has not seen',
    care: 'exhaustive switches need a default branch; reply validation accepts unknown values',
  },
  'response-enum-value-removed': {
    side: 'response',
    class: 'breaking',
    packages: ALL,
    title: 'reply value removed',
    why: 'a TypeScript comparison with the removed literal no longer compiles',
  },
  'response-pattern-added': {
    side: 'response',
    class: 'fix',
    packages: ALL,
    title: 'reply pattern added',
    why: 'every reply is one older code accepted',
  },
  'response-pattern-removed': {
    side: 'response',
    class: 'breaking',
    packages: ALL,
    title: 'reply pattern removed',
    why: 'replies may carry values older code does not expect',
  },
  'response-rule-changed': {
    side: 'response',
    class: 'fix',
    packages: ALL,
    title: 'reply cross-field rule changed',
    why: 'replies are not checked by cross-field rules',
  },
  'response-closed': {
    side: 'response',
    class: 'fix',
    packages: ALL,
    title: 'reply closed to unknown fields',
    why: 'replies carry no field older code did not know',
  },
  'response-opened': {
    side: 'response',
    class: 'feature',
    packages: ALL,
    title: 'reply open to unknown fields',
    why: 'replies may carry more',
  },
  'response-default-changed': {
    side: 'response',
    class: 'fix',
    packages: ALL,
    title: 'reply default changed',
    why: 'documentation of what an absent field means',
  },
} as const satisfies Record<string, ChangeRule>

export type RuleId = keyof typeof RULES

export function maxClass(classes: readonly ChangeClass[]): ChangeClass | undefined {
  let best: ChangeClass | undefined
  for (const c of classes) if (best === undefined || CLASS_ORDER.indexOf(c) > CLASS_ORDER.indexOf(best)) best = c
  return best
}
