// What the generated package (@zenlayer-reset/cli) gives the runtime: one
// table per service, read from its spec. The runtime knows no service,
// action or field name; everything it prints or sends comes from here.
import type { ServiceDescriptor } from '@zenlayer-reset/client-runtime'

/** How a flag's text becomes a value. */
export type FlagKind = 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'json'

/** One request field as a flag. */
export interface FieldFlag {
  /** The field's name in the request body: `instanceIds`. */
  readonly name: string
  /** The flag, kebab-case, without dashes: `instance-ids`. */
  readonly flag: string
  readonly kind: FlagKind
  /** The kind of each item of a list. */
  readonly item?: 'string' | 'integer' | 'number'
  readonly required: boolean
  /** x-zc-sensitive: also read from `--<flag>-file`, never printed. */
  readonly sensitive: boolean
  readonly values?: readonly string[]
  /** Help lines: description, rules in words, default, example. */
  readonly help: readonly string[]
}

export interface FleetSpec {
  /** The request field naming the instance(s). */
  readonly instances: string
  /** One instance per call (no batch). */
  readonly single: boolean
  readonly from: readonly string[]
  readonly to: string
  readonly observe: string
}

export interface ActionCommand {
  /** `reset-instances` */
  readonly command: string
  /** `ResetInstances`: the action's identity, with the service. */
  readonly action: string
  readonly summary: string
  readonly description: string
  readonly docsUrl: string
  /** The action starts a transition (wipes a disk): confirmation first. */
  readonly destructive: boolean
  /** Runs as a fleet (resetFleet) when set. */
  readonly fleet: FleetSpec | null
  /** A list action (`--page-all`). */
  readonly paginated: boolean
  readonly fields: readonly FieldFlag[]
}

/** What a command needs at run time: the client's descriptor and the validators, loaded only then. */
export interface LoadedService {
  readonly service: ServiceDescriptor
  readonly validators: {
    readonly actions: Readonly<Record<string, { readonly request: (input: unknown) => ValidationVerdict } | undefined>>
  }
}

export type ValidationVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false
      readonly code: string
      readonly issues: readonly { path: string; rule: string; message: string; code: string }[]
    }

export interface ServiceCommands {
  readonly service: string
  readonly version: string
  readonly title: string
  /** The variables holding an access key, as the spec names them (x-zc-signing credentialsFromEnv): for --help. */
  readonly credentialsEnv: { readonly accessKeyId: string; readonly accessKeySecret: string }
  readonly actions: readonly ActionCommand[]
  readonly load: () => Promise<LoadedService>
}

/** Every service, by name, loaded when named. */
export type ServiceIndex = Readonly<Record<string, () => Promise<ServiceCommands>>>
