// A status query whose items carry more than the status (bmc DescribeInstances):
// the engine answers the spec's example item with the instance's own id, image
// and what resets left on it, then its id and status, all under the spec's
// names; and the partitions rule reads its list and the items' fields by the
// names the spec gives each role.
import { describe, expect, it } from 'vitest'
import { describe as describeAction, reset } from '../src/actions.js'
import type { MockOperation } from '../src/descriptor.js'
import { checkSeedState } from '../src/seed-check.js'
import { Store } from '../src/store.js'

const base = {
  service: 'svc',
  version: 'v',
  path: '/api/v2/svc',
  idempotent: true,
  sensitiveFields: [],
  requestFields: [],
  batch: null,
  errors: {},
  stateRules: [],
  image: null,
  carries: [],
  itemTemplate: null,
  itemImage: null,
} as const

const list: MockOperation = {
  ...base,
  action: 'ListBoxes',
  pathKey: '/api/v2/svc#ListBoxes',
  transition: null,
  pagination: {
    pageNumber: 'page',
    pageSize: 'size',
    total: 'count',
    items: 'boxes',
    ids: 'boxIds',
    itemId: 'boxId',
    itemStatus: 'state',
    maxIds: null,
    maxPageSize: null,
  },
  itemTemplate: { boxId: 'box-x', state: 'ON', label: 'box-x', zone: 'Z-1', picture: 'pic-0', host: 'default' },
  itemImage: 'picture',
}

describe('status query items', () => {
  it('answer the example item with the instance own id, image and what resets left, under the spec names', () => {
    const store = new Store(undefined, 'OFF')
    store.seed({ instances: [{ instanceId: 'b-1', imageId: 'pic-7' }, { instanceId: 'b-2' }] }, 0)
    const one = store.instances.get('b-1')
    if (one) one.attributes = { host: 'db-07' }
    const outcome = describeAction(list, store, { boxIds: ['b-1', 'b-2'] })
    expect(outcome).toMatchObject({
      kind: 'ok',
      shown: ['b-1', 'b-2'],
      response: {
        count: 2,
        boxes: [
          { boxId: 'b-1', state: 'OFF', label: 'b-1', zone: 'Z-1', picture: 'pic-7', host: 'db-07' },
          { boxId: 'b-2', state: 'OFF', label: 'b-2', zone: 'Z-1', host: 'default' },
        ],
      },
    })
  })

  it('without an example item, show only the id and the status', () => {
    const store = new Store(undefined, 'OFF')
    store.seed({ instances: [{ instanceId: 'b-1' }] }, 0)
    expect(describeAction({ ...list, itemTemplate: null, itemImage: null }, store, {})).toMatchObject({
      response: { boxes: [{ boxId: 'b-1', state: 'OFF' }] },
    })
  })
})

describe('seeded items', () => {
  const service = {
    name: 'svc',
    statuses: ['ON', 'OFF'],
    instanceId: null,
    operations: { ListBoxes: list },
  } as unknown as Parameters<typeof checkSeedState>[0]

  it('show the fields a seed gives over the example item, and filters read them', () => {
    const state = checkSeedState(
      service,
      {
        instances: [
          { instanceId: 'b-1', item: { zone: 'Z-9', label: 'web' } },
          { instanceId: 'b-2', item: { host: 'db-01' } },
        ],
      },
      'state',
    )
    const store = new Store(undefined, 'OFF')
    store.seed(state, 0)
    const zoned = { ...list, filters: [{ field: 'zone', item: 'zone', match: 'equal' as const }] }
    expect(describeAction(zoned, store, { zone: 'Z-9' })).toMatchObject({
      response: { count: 1, boxes: [{ boxId: 'b-1', zone: 'Z-9', label: 'web', host: 'default' }] },
    })
    expect(describeAction(zoned, store, { zone: 'Z-1' })).toMatchObject({
      response: { count: 1, boxes: [{ boxId: 'b-2', zone: 'Z-1', host: 'db-01', label: 'b-2' }] },
    })
  })

  it('are copied when seeded and when a snapshot is taken', () => {
    const item = { zone: 'Z-9' }
    const store = new Store(undefined, 'OFF')
    store.seed({ instances: [{ instanceId: 'b-1', item }] }, 0)
    item.zone = 'changed'
    const snapshot = store.snapshot()
    ;(snapshot.instances[0]?.item as { zone: string }).zone = 'changed too'
    expect(store.instances.get('b-1')?.item).toEqual({ zone: 'Z-9' })
  })

  it.each([
    [{ zone: 5 }, /state\.instances\[0\]\.item\.zone must be a string, as in the spec's example item \(got 5\)/],
    [{ color: 'red' }, /state\.instances\[0\]\.item: unknown field "color"; the fields are label, zone, host/],
    [{ boxId: 'b-9' }, /item\.boxId is the instance's instanceId: set instanceId on the instance instead/],
    [{ state: 'ON' }, /item\.state is the instance's status: set status on the instance instead/],
    [{ picture: 'p' }, /item\.picture is the instance's imageId: set imageId on the instance instead/],
    ['Z-9', /state\.instances\[0\]\.item must be an object \(got "Z-9"\)/],
    [{ label: 'x'.repeat(20_000) }, /state\.instances\[0\]\.item is larger than 16384 bytes as JSON/],
  ])('refuse %j, naming the field and the rule', (item, message) => {
    expect(() => checkSeedState(service, { instances: [{ instanceId: 'b-1', item }] }, 'state')).toThrow(message)
  })

  it('are refused for a service whose status query shows only the id and the status', () => {
    const bare = { ...service, operations: { ListBoxes: { ...list, itemTemplate: null } } } as typeof service
    expect(() => checkSeedState(bare, { instances: [{ instanceId: 'b-1', item: { zone: 'Z' } }] }, 'state')).toThrow(
      /state\.instances\[0\]\.item: svc's status query shows only an instance's id and status/,
    )
  })
})

describe('partitions-fit-os', () => {
  const redo: MockOperation = {
    ...base,
    action: 'Redo',
    pathKey: '/api/v2/svc#Redo',
    idempotent: false,
    transition: {
      from: ['OFF'],
      via: 'BUSY',
      alsoVia: [],
      to: 'ON',
      failure: null,
      deadEnds: [],
      observe: 'ListBoxes',
      instances: 'boxId',
      waiter: null,
      fleet: null,
    },
    pagination: null,
    errors: { DISKS_BAD: 400 },
    stateRules: [
      {
        id: 'partitions-fit-os',
        errorCode: 'DISKS_BAD',
        description: 'The disks suit the OS.',
        fields: { partitions: 'disks', mountPoint: 'mount', fileSystem: 'fs' },
      },
    ],
    image: 'picture',
  }
  const store = new Store(undefined, 'OFF')
  store.seed(
    {
      images: [{ imageId: 'win', osType: 'windows', category: 'Windows' }],
      instances: [{ instanceId: 'b-1', imageId: 'lin' }],
    },
    0,
  )
  it.each([
    [
      {
        disks: [
          { mount: '/', fs: 'ext4' },
          { mount: '/data', fs: 'ext3' },
        ],
      },
      undefined,
    ],
    [
      {
        disks: [
          { mount: 'C', fs: 'NTFS' },
          { mount: 'D', fs: 'NTFS' },
        ],
        picture: 'win',
      },
      undefined,
    ],
    [{ disks: [{ mount: '/data', fs: 'ext4' }] }, 'disks[0].mount is /data; image lin (Linux), Linux needs / first'],
    [
      {
        disks: [
          { mount: '/', fs: 'ext4' },
          { mount: 'D', fs: 'NTFS' },
        ],
      },
      'disks[1].mount is D',
    ],
    [{ disks: [{ mount: '/', fs: 'NTFS' }] }, 'disks[0].fs is NTFS'],
    [
      { disks: [{ mount: 'C', fs: 'ext4' }], picture: 'win' },
      'disks[0].fs is ext4; image win (Windows), Windows needs NTFS',
    ],
    [
      { disks: [{ mount: '/', fs: 'ext4' }], picture: 'win' },
      'disks[0].mount is /; image win (Windows), Windows needs C first',
    ],
  ])('%j', (input, problem) => {
    const outcome = reset(redo, store, new Map(), { boxId: 'b-1', ...input })
    if (problem === undefined) expect(outcome).toMatchObject({ kind: 'ok' })
    else expect(outcome).toMatchObject({ kind: 'error', code: 'DISKS_BAD', message: expect.stringContaining(problem) })
  })
})
