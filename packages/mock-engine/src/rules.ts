// The state rules of the specs (x-zc-state-rules), by id: one implementation
// for every id of rule-ids.ts (the table's type makes a missing or extra one a
// compile error). Batch and single actions evaluate them the same way
// (actions.ts, firstBroken), the instance's being in flight included. A rule
// reads request fields only through `f`, the spec's names for its roles
// (x-zc-state-rules `fields`), so a renamed field cannot turn a check off.
import type { RuleFieldRole, RuleId } from './rule-ids.js'
import type { Image, Instance } from './types.js'

export interface RuleContext {
  readonly input: Readonly<Record<string, unknown>>
  /** The instance the rule is about; undefined for request-wide rules. */
  readonly instance: Instance | undefined
  /** Whether the instance is in the middle of a transition (another reset is under way). */
  readonly inFlight: boolean
  /** The statuses the action's transition starts from (x-zc-transition from): where an instance must be. */
  readonly startsFrom: readonly string[]
  /** The image the reset would install: the one given, else the instance's current one. */
  readonly image: Image | undefined
  readonly images: ReadonlyMap<string, Image>
  readonly keyPairs: ReadonlySet<string>
}

/** The request field the spec names for each role the rule reads. */
export type RuleFields<Role extends string = string> = Readonly<Record<Role, string>>

export interface Rule<Role extends string = string> {
  /** Whether the rule looks at one instance (else at the request as a whole). */
  readonly perInstance: boolean
  /** True when the rule holds. */
  readonly holds: (ctx: RuleContext, f: RuleFields<Role>) => boolean
  /** What is wrong, in the facts of this request and this state ("vm-2 is RUNNING; a reset needs STOPPED"). */
  readonly explain: (ctx: RuleContext, f: RuleFields<Role>) => string
}

const given = (ctx: RuleContext, field: string): boolean => ctx.input[field] !== undefined
const shown = (v: unknown): string => String(v).slice(0, 64)
const who = (ctx: RuleContext): string => shown(ctx.instance?.instanceId ?? 'the instance')
const imageOf = (ctx: RuleContext): string => `image ${shown(ctx.image?.imageId)} (${ctx.image?.category ?? '?'})`
const windowsOrGeneric = (image: Image | undefined): boolean =>
  image?.category === 'Windows' || image?.category === 'Generic'

/** The instance is in one of the transition's start statuses (x-zc-transition from) and no transition is under way. */
const inStartStatus: Rule<never> = {
  perInstance: true,
  holds: (ctx) => ctx.startsFrom.includes(ctx.instance?.status ?? '') && !ctx.inFlight,
  explain: (ctx) =>
    ctx.inFlight
      ? `${who(ctx)} is being reset (${ctx.instance?.status}); a reset needs ${ctx.startsFrom.join(' or ')}`
      : `${who(ctx)} is ${ctx.instance?.status}; a reset needs ${ctx.startsFrom.join(' or ')}`,
}

/**
 * The first partition that does not suit the OS of the image a reset installs, said with its field path
 * (`partitions[0].fsPath is D; image img-1 (Windows) needs C first`); undefined when all suit it.
 */
function partitionMismatch(
  ctx: RuleContext,
  f: RuleFields<'partitions' | 'mountPoint' | 'fileSystem'>,
): string | undefined {
  const list = ctx.input[f.partitions]
  if (!Array.isArray(list) || !ctx.image) return undefined
  const windows = ctx.image.osType === 'windows'
  const os = `${imageOf(ctx)}, ${windows ? 'Windows' : 'Linux'}`
  for (const [i, item] of list.entries()) {
    const part = (item ?? {}) as Record<string, unknown>
    const path = String(part[f.mountPoint])
    const fs = String(part[f.fileSystem])
    const at = `${f.partitions}[${i}]`
    if (i === 0 && path !== (windows ? 'C' : '/'))
      return `${at}.${f.mountPoint} is ${shown(path)}; ${os} needs ${windows ? 'C' : '/'} first`
    if (windows ? !/^[C-H]$/.test(path) : !path.startsWith('/'))
      return `${at}.${f.mountPoint} is ${shown(path)}; ${os} needs ${windows ? 'a drive letter from C to H' : 'a path starting with /'}`
    if (windows ? fs !== 'NTFS' : !fs.startsWith('ext'))
      return `${at}.${f.fileSystem} is ${shown(fs)}; ${os} needs ${windows ? 'NTFS' : 'ext2, ext3 or ext4'}`
  }
  return undefined
}

export const RULES: { readonly [Id in RuleId]: Rule<RuleFieldRole<Id>> } = {
  'instance-exists': {
    perInstance: true,
    holds: (ctx) => ctx.instance !== undefined,
    explain: () => 'no such instance in this account',
  },
  'instance-not-recycled': {
    perInstance: true,
    holds: (ctx) => ctx.instance?.recycled !== true,
    explain: (ctx) => `${who(ctx)} is in the recycle bin`,
  },
  'instance-powered-off': inStartStatus,
  'instance-in-start-status': inStartStatus,
  'same-os-type': {
    perInstance: true,
    holds: (ctx) => !ctx.image || ctx.image.osType === ctx.instance?.osType,
    explain: (ctx) => `${imageOf(ctx)} is ${ctx.image?.osType}; ${who(ctx)} runs ${ctx.instance?.osType}`,
  },
  'disk-fits-image': {
    perInstance: true,
    holds: (ctx) => !ctx.image || (ctx.instance?.bootDiskGb ?? 0) >= ctx.image.sizeGb,
    explain: (ctx) =>
      `${imageOf(ctx)} needs ${ctx.image?.sizeGb} GB; the boot disk of ${who(ctx)} has ${ctx.instance?.bootDiskGb} GB`,
  },
  'no-credentials-on-windows-or-generic': {
    perInstance: true,
    holds: (ctx, f) => !windowsOrGeneric(ctx.image) || (!given(ctx, f.password) && !given(ctx, f.keyPair)),
    explain: (ctx, f) => `${imageOf(ctx)} takes neither ${f.password} nor ${f.keyPair}`,
  },
  'no-key-on-windows-or-generic': {
    perInstance: true,
    holds: (ctx, f) => !windowsOrGeneric(ctx.image) || !given(ctx, f.keyPair),
    explain: (ctx, f) => `${imageOf(ctx)} takes no ${f.keyPair}`,
  },
  'image-exists': {
    perInstance: false,
    holds: (ctx, f) => !given(ctx, f.image) || ctx.images.has(String(ctx.input[f.image])),
    explain: (ctx, f) => `no image ${shown(ctx.input[f.image])}`,
  },
  'key-pair-exists': {
    perInstance: false,
    holds: (ctx, f) => !given(ctx, f.keyPair) || ctx.keyPairs.has(String(ctx.input[f.keyPair])),
    explain: (ctx, f) => `no key pair ${shown(ctx.input[f.keyPair])} in this account`,
  },
  'partitions-fit-os': {
    perInstance: true,
    holds: (ctx, f) => partitionMismatch(ctx, f) === undefined,
    explain: (ctx, f) => partitionMismatch(ctx, f) ?? '',
  },
  'region-supports-script': {
    perInstance: true,
    holds: (ctx, f) => !given(ctx, f.script) || ctx.instance?.zoneSupportsScript === true,
    explain: (ctx) => `zone ${shown(ctx.instance?.zoneId)} of ${who(ctx)} does not run init scripts`,
  },
}
