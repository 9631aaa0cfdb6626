// The state of one service's mock, and its history of statuses.
import { Journal } from './journal.js'
import { DEFAULT_STATE_LIMITS, LimitError, type StateLimits } from './limits.js'
import {
  IMAGE_DEFAULTS,
  type Image,
  INSTANCE_DEFAULTS,
  type Instance,
  type SeedState,
  type StateSnapshot,
} from './types.js'

export class Store {
  readonly instances = new Map<string, Instance>()
  readonly images = new Map<string, Image>()
  readonly keyPairs = new Set<string>()
  readonly history: Journal

  constructor(
    maxHistoryEntries?: number,
    /** The status of an instance seeded without one (the spec's starting status); the engine's default otherwise. */
    private readonly defaultStatus: string = INSTANCE_DEFAULTS.status,
    private readonly limits: StateLimits = DEFAULT_STATE_LIMITS,
    /** The service's name, for the message of a LimitError. */
    private readonly service = 'the mock',
  ) {
    this.history = new Journal(maxHistoryEntries)
  }

  /**
   * Throws the LimitError that seeding `state` would meet (into this store as
   * it is, or, `fresh`, into an empty one), changing nothing.
   */
  checkRoom(state: SeedState, fresh = false): void {
    const instances = fresh ? 0 : this.instances.size
    const images = fresh ? 0 : this.images.size
    const keyPairs = fresh ? 0 : this.keyPairs.size
    // Ids a seed lists twice were refused before (checkSeedState); the images an instance brings may repeat.
    let newInstances = 0
    for (const seeded of state.instances ?? []) if (fresh || !this.instances.has(seeded.instanceId)) newInstances++
    if (instances + newInstances > this.limits.maxInstances)
      throw this.over('maxInstances', instances + newInstances, 'instances')
    const newImages = new Set<string>()
    const addImage = (id: string) => {
      if (fresh || !this.images.has(id)) newImages.add(id)
    }
    for (const image of state.images ?? []) addImage(image.imageId)
    for (const seeded of state.instances ?? []) addImage(seeded.imageId ?? INSTANCE_DEFAULTS.imageId)
    if (images + newImages.size > this.limits.maxImages) throw this.over('maxImages', images + newImages.size, 'images')
    const newKeys = new Set<string>()
    for (const key of state.keyPairs ?? []) if (fresh || !this.keyPairs.has(key)) newKeys.add(key)
    if (keyPairs + newKeys.size > this.limits.maxKeyPairs)
      throw this.over('maxKeyPairs', keyPairs + newKeys.size, 'key pairs')
  }

  private over(limit: keyof StateLimits, would: number, what: string): LimitError {
    return new LimitError(limit, this.limits[limit], this.service, would, what)
  }

  /** Adds `state`; one that would go past a limit is refused whole (LimitError). */
  seed(state: SeedState, now: number): void {
    this.checkRoom(state)
    for (const image of state.images ?? []) this.images.set(image.imageId, { ...IMAGE_DEFAULTS, ...image })
    for (const key of state.keyPairs ?? []) this.keyPairs.add(key)
    for (const seeded of state.instances ?? []) {
      const instance: Instance = { ...INSTANCE_DEFAULTS, status: this.defaultStatus, ...seeded }
      // The seed's own copy: the caller's object may change after seeding.
      if (seeded.item) instance.item = structuredClone(seeded.item)
      this.instances.set(instance.instanceId, instance)
      // An instance's current image is known to the service even if the seed did not list it.
      if (!this.images.has(instance.imageId)) {
        this.images.set(instance.imageId, {
          ...IMAGE_DEFAULTS,
          imageId: instance.imageId,
          osType: instance.osType,
          category: instance.osType === 'windows' ? 'Windows' : 'Linux',
        })
      }
      this.record(instance.instanceId, instance.status, now)
    }
  }

  clear(): void {
    this.instances.clear()
    this.images.clear()
    this.keyPairs.clear()
    this.history.clear()
  }

  record(instanceId: string, status: string, at: number, requestId?: string): void {
    this.history.append(instanceId, status, at, requestId)
  }

  snapshot(): StateSnapshot {
    return {
      instances: [...this.instances.values()].map(copyInstance),
      images: [...this.images.values()].map((i) => ({ ...i })),
      keyPairs: [...this.keyPairs],
    }
  }
}

/** An instance with its nested values copied too: a snapshot is the caller's to change. */
function copyInstance(instance: Instance): Instance {
  const copy = { ...instance }
  if (instance.item) copy.item = structuredClone(instance.item)
  if (instance.attributes) copy.attributes = structuredClone(instance.attributes)
  return copy
}
