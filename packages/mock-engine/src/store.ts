// The state of one service's mock, and its history of statuses.
import { Journal } from './journal.js'
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
  ) {
    this.history = new Journal(maxHistoryEntries)
  }

  seed(state: SeedState, now: number): void {
    for (const image of state.images ?? []) this.images.set(image.imageId, { ...IMAGE_DEFAULTS, ...image })
    for (const key of state.keyPairs ?? []) this.keyPairs.add(key)
    for (const seeded of state.instances ?? []) {
      const instance: Instance = { ...INSTANCE_DEFAULTS, status: this.defaultStatus, ...seeded }
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
      instances: [...this.instances.values()].map((i) => ({ ...i })),
      images: [...this.images.values()].map((i) => ({ ...i })),
      keyPairs: [...this.keyPairs],
    }
  }
}
