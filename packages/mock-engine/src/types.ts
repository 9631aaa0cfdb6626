// The world a mock keeps: instances, images and key pairs of one service, as
// the rules of the spec (x-zc-state-rules) need them.

export type OsType = 'linux' | 'windows'
/** Image categories the rules care about: Windows and Generic images take no key pair (zec: no password either). */
export type ImageCategory = 'Linux' | 'Windows' | 'Generic'

export interface Instance {
  readonly instanceId: string
  status: string
  osType: OsType
  /** The image currently installed. */
  imageId: string
  bootDiskGb: number
  zoneId: string
  /** Whether the instance's zone runs init scripts (vm `initScript`). */
  zoneSupportsScript: boolean
  /** In the recycle bin (vm). */
  recycled: boolean
  /** What successful resets left that the status query shows (MockOperation carries): `hostname`, `raidConfig`... */
  attributes?: Record<string, unknown>
  /**
   * Seeded: what the status query shows of the instance beyond its id, status
   * and image (zone, name, addresses, tags...), for services whose query shows
   * more than a status. A field not given is the spec's example item's.
   */
  item?: Readonly<Record<string, unknown>>
}

export interface Image {
  readonly imageId: string
  osType: OsType
  category: ImageCategory
  sizeGb: number
}

export interface SeedState {
  readonly instances?: readonly (Partial<Instance> & { instanceId: string })[]
  readonly images?: readonly (Partial<Image> & { imageId: string })[]
  readonly keyPairs?: readonly string[]
}

export interface StateSnapshot {
  readonly instances: readonly Instance[]
  readonly images: readonly Image[]
  readonly keyPairs: readonly string[]
}

/** One status an instance took, and when (the mock's clock, ms). */
export interface HistoryEntry {
  readonly at: number
  readonly status: string
  readonly requestId?: string
}

export const INSTANCE_DEFAULTS: Omit<Instance, 'instanceId'> = {
  status: 'STOPPED',
  osType: 'linux',
  imageId: 'img-ubuntu-2204',
  bootDiskGb: 40,
  zoneId: 'HKG-A',
  zoneSupportsScript: true,
  recycled: false,
}

export const IMAGE_DEFAULTS: Omit<Image, 'imageId'> = { osType: 'linux', category: 'Linux', sizeGb: 20 }
