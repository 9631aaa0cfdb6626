// Contract cases: the data kept beside each spec (specs/<service>/contract/*.json),
// checked against schema/contract-cases.schema.json when loaded.

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { names } from '@zenlayer-reset/codegen/names'
import { VALIDATOR_CODE_ROLES } from '@zenlayer-reset/validator-runtime/code-roles'
import { Ajv2020 } from 'ajv/dist/2020.js'

export type Credentials = { accessKeyId: string; accessKeySecret: string } | { token: string }

export interface RequestCase {
  readonly id: string
  readonly description: string
  readonly action: string
  readonly input: Record<string, unknown>
  readonly config: { readonly baseUrl: string; readonly now: number; readonly credentials: Credentials }
  readonly expect: {
    readonly method: 'POST'
    readonly url: string
    readonly headers: Record<string, string>
    readonly body: string
  }
}

export interface ResponseCase {
  readonly id: string
  readonly description: string
  readonly action: string
  readonly input: Record<string, unknown>
  /**
   * true: the client keeps its default retry policy (4 attempts), with a `sleep` that does not wait and a fixed
   * `random`, and every attempt gets the same reply. Absent or false: retries off, one attempt.
   */
  readonly retry?: boolean
  /** Any status, 3xx included: the runner's fetch returns it as it is (a redirect is never followed by it). */
  readonly reply: { readonly status: number; readonly headers?: Record<string, string>; readonly body: string }
  readonly expect:
    | {
        readonly result: Record<string, unknown>
        /** How many times the client called fetch. */
        readonly requests?: number
      }
    | {
        readonly error: {
          readonly name: string
          readonly code: string
          readonly status?: number
          readonly requestId?: string
          readonly mayHaveBeenApplied?: boolean
          /** The ids of a reset whose outcome the reply does not tell, in the order asked. */
          readonly unknownInstanceIds?: readonly string[]
        }
        /** How many times the client called fetch. */
        readonly requests?: number
      }
}

export interface ValidationCase {
  readonly id: string
  readonly action: string
  readonly input: unknown
  readonly valid: boolean
  readonly path?: string
  readonly code?: string
  readonly decision?: number
}

export type Step =
  | {
      readonly call: string
      readonly input: unknown
      readonly expect: { readonly status: number; readonly code?: string; readonly response?: Record<string, unknown> }
    }
  | { readonly advance: boolean }
  | { readonly clock: number }
  | { readonly fault: Record<string, unknown> }
  | { readonly statuses: Record<string, string> }
  | { readonly raw: RawRequest; readonly expect: { readonly status: number; readonly code?: string } }

/** A hand-built request: anything left out is what a well-behaved client sends. */
export interface RawRequest {
  readonly method?: string
  readonly path?: string
  readonly contentType?: string
  /** null: no X-ZC-Action header at all. */
  readonly action?: string | null
  readonly version?: string | null
  readonly body?: string
  readonly auth?: 'signed' | 'none' | 'stale' | 'bad-signature' | 'unknown-key' | 'bearer' | 'bad-bearer'
}

export interface Scenario {
  readonly id: string
  readonly description: string
  readonly seed?: number
  readonly progression?: 'immediate' | 'manual' | number
  readonly state: Record<string, unknown>
  readonly decision?: number
  readonly steps: readonly Step[]
}

/** A fleet reinstall by the client's fleet method against the mock (the service's fleets.json, optional). */
export interface FleetCase {
  readonly id: string
  readonly description: string
  readonly action: string
  readonly progression?: 'immediate' | 'manual' | number
  readonly state: Record<string, unknown>
  readonly faults?: { readonly failNextReset?: readonly string[]; readonly rateLimitEvery?: number }
  readonly input: Record<string, unknown> & { readonly instanceIds: readonly string[] }
  readonly options: Record<string, unknown>
  readonly expect: {
    readonly totals: Readonly<Record<string, number>>
    readonly outcomes?: Readonly<Record<string, Record<string, unknown>>>
    /** Whether the run must have met the mock's rate limit (and so paced every call). */
    readonly rateLimited?: boolean
  }
}

export interface CaseFiles {
  readonly requests: readonly RequestCase[]
  readonly responses: readonly ResponseCase[]
  readonly validation: readonly ValidationCase[]
  readonly scenarios: readonly Scenario[]
  readonly fleets: readonly FleetCase[]
}

const schema = JSON.parse(readFileSync(new URL('../schema/contract-cases.schema.json', import.meta.url), 'utf8'))
let check: ReturnType<Ajv2020['compile']> | undefined

/** Problems of one case file against the schema; empty when it is well-formed. */
export function caseFileProblems(document: unknown): string[] {
  check ??= new Ajv2020({ allErrors: true, strict: false }).compile(schema)
  if (check(document)) return []
  return (check.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`)
}

/** Reads and checks the four case files of a service. */
export function loadCases(casesDir: string, service: string): CaseFiles {
  const read = <K extends keyof CaseFiles>(kind: K): CaseFiles[K] => {
    const file = join(casesDir, `${kind}.json`)
    const document = JSON.parse(readFileSync(file, 'utf8')) as { service: string; kind: string; cases: CaseFiles[K] }
    const problems = caseFileProblems(document)
    if (problems.length > 0)
      throw new Error(`${file} does not follow the contract-case schema:\n${problems.join('\n')}`)
    if (document.service !== service || document.kind !== kind)
      throw new Error(`${file} is for ${document.service}/${document.kind}`)
    return document.cases
  }
  return {
    requests: read('requests'),
    responses: read('responses'),
    validation: read('validation'),
    scenarios: read('scenarios'),
    // Only services whose spec names a fleet method have fleet cases.
    fleets: existsSync(join(casesDir, 'fleets.json')) ? read('fleets') : [],
  }
}

/** The client method of an action, as the generator names it (its names resolver owns the rule). */
export const methodName = (action: string): string => names.method(action)

/**
 * The codes a validator answers when no rule of the spec has its own (a
 * missing or unknown field...): the spec's codes of the validator runtime's
 * roles (x-zc-role), found anywhere in the bundled spec. A valid case must get
 * none of them, nor any case's code.
 */
export function genericValidationCodes(bundled: unknown): string[] {
  const roles = new Set<string>(VALIDATOR_CODE_ROLES)
  const found = new Set<string>()
  const seen = new Set<object>()
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    const o = node as Record<string, unknown>
    if (typeof o['x-zc-role'] === 'string' && roles.has(o['x-zc-role']) && typeof o.const === 'string')
      found.add(o.const)
    for (const value of Object.values(o)) visit(value)
  }
  visit(bundled)
  if (found.size < roles.size)
    throw new Error(`the bundled spec gives codes for ${found.size} of ${roles.size} validator roles`)
  return [...found].sort()
}
