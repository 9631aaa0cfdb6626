// The state rules of the specs (x-zc-state-rules), by id. The generator refuses
// a spec naming a rule that is not here (tools/codegen/src/model/state-rules.ts
// lists the same ids; a test keeps the two lists equal).
import type { Image, Instance } from './types.js'

export interface RuleContext {
  readonly input: Readonly<Record<string, unknown>>
  /** The instance the rule is about; undefined for request-wide rules. */
  readonly instance: Instance | undefined
  /** The image the reset would install: the one given, else the instance's current one. */
  readonly image: Image | undefined
  readonly images: ReadonlyMap<string, Image>
  readonly keyPairs: ReadonlySet<string>
}

export interface Rule {
  /** Whether the rule looks at one instance (else at the request as a whole). */
  readonly perInstance: boolean
  /** True when the rule holds. */
  readonly holds: (ctx: RuleContext) => boolean
}

const given = (ctx: RuleContext, field: string): boolean => ctx.input[field] !== undefined
const windowsOrGeneric = (image: Image | undefined): boolean =>
  image?.category === 'Windows' || image?.category === 'Generic'

export const RULES: Readonly<Record<string, Rule>> = {
  'instance-exists': { perInstance: true, holds: (ctx) => ctx.instance !== undefined },
  'instance-not-recycled': { perInstance: true, holds: (ctx) => ctx.instance?.recycled !== true },
  'instance-powered-off': { perInstance: true, holds: (ctx) => ctx.instance?.status === 'STOPPED' },
  'same-os-type': { perInstance: true, holds: (ctx) => !ctx.image || ctx.image.osType === ctx.instance?.osType },
  'disk-fits-image': {
    perInstance: true,
    holds: (ctx) => !ctx.image || (ctx.instance?.bootDiskGb ?? 0) >= ctx.image.sizeGb,
  },
  'no-credentials-on-windows-or-generic': {
    perInstance: true,
    holds: (ctx) => !windowsOrGeneric(ctx.image) || (!given(ctx, 'password') && !given(ctx, 'keyId')),
  },
  'no-key-on-windows-or-generic': {
    perInstance: true,
    holds: (ctx) => !windowsOrGeneric(ctx.image) || !given(ctx, 'keyId'),
  },
  'image-exists': {
    perInstance: false,
    holds: (ctx) => !given(ctx, 'imageId') || ctx.images.has(String(ctx.input.imageId)),
  },
  'key-pair-exists': {
    perInstance: false,
    holds: (ctx) => !given(ctx, 'keyId') || ctx.keyPairs.has(String(ctx.input.keyId)),
  },
  'region-supports-script': {
    perInstance: true,
    holds: (ctx) => !given(ctx, 'initScript') || ctx.instance?.zoneSupportsScript === true,
  },
}
