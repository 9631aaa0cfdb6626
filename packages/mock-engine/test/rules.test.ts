import { describe, expect, it } from 'vitest'
import { reset } from '../src/actions.js'
import type { MockOperation } from '../src/descriptor.js'
import { RULE_IDS } from '../src/rule-ids.js'
import { RULES } from '../src/rules.js'
import { Store } from '../src/store.js'

// rule-ids.ts is the one list: the generator imports it to accept a spec's
// rules, and RULES is typed by it. This also holds at run time (a cast or a
// stray key would show here).
it('implements exactly the listed state rules', () => {
  expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort())
  for (const id of RULE_IDS) {
    expect(typeof RULES[id].holds).toBe('function')
    expect(typeof RULES[id].explain).toBe('function')
  }
})

// A rule reads request fields only by the names the spec gives it: renamed in
// the spec, the check follows the new name instead of silently turning off.
describe('rules read the request fields the spec names', () => {
  const op = (fields: Record<string, string>, image: string | null): MockOperation => ({
    service: 'svc',
    action: 'Redo',
    version: 'v',
    path: '/api/v2/svc',
    pathKey: '/api/v2/svc#Redo',
    idempotent: false,
    sensitiveFields: [],
    requestFields: [],
    transition: {
      from: ['OFF'],
      via: 'BUSY',
      alsoVia: [],
      to: 'ON',
      failure: null,
      deadEnds: [],
      observe: 'Look',
      instances: 'thing',
      waiter: null,
      fleet: null,
    },
    pagination: null,
    batch: null,
    errors: { NO_KEY: 404, NO_PICTURE: 404 },
    stateRules: [
      { id: 'key-pair-exists', errorCode: 'NO_KEY', description: 'The key exists.', fields },
      { id: 'image-exists', errorCode: 'NO_PICTURE', description: 'The picture exists.', fields: { image: 'picture' } },
    ],
    image,
    carries: [],
    itemTemplate: null,
    itemImage: null,
  })
  const store = new Store(undefined, 'OFF')
  store.seed({ instances: [{ instanceId: 't-1' }], images: [{ imageId: 'pic-1' }], keyPairs: ['k-1'] }, 0)

  it('answers by the renamed fields', () => {
    const sshKey = op({ keyPair: 'sshKey' }, 'picture')
    expect(reset(sshKey, store, new Map(), { thing: 't-1', sshKey: 'k-9' })).toMatchObject({
      kind: 'error',
      code: 'NO_KEY',
      message: expect.stringContaining('no key pair k-9'),
    })
    expect(reset(sshKey, store, new Map(), { thing: 't-1', sshKey: 'k-1', picture: 'pic-9' })).toMatchObject({
      kind: 'error',
      code: 'NO_PICTURE',
    })
    expect(reset(sshKey, store, new Map(), { thing: 't-1', sshKey: 'k-1', picture: 'pic-1' })).toMatchObject({
      kind: 'ok',
    })
    // A field of the old name means nothing to this operation.
    expect(reset(sshKey, store, new Map(), { thing: 't-1', keyId: 'k-9' })).toMatchObject({ kind: 'ok' })
  })
})

// A request-wide rule whose violation is the failed list (batch) fails every id named, and accepts none.
it('a broken request-wide failed-list rule puts every id in the failed list', () => {
  const store = new Store(undefined, 'OFF')
  store.seed({ instances: [{ instanceId: 'a' }, { instanceId: 'b' }] }, 0)
  const op = {
    service: 'svc',
    action: 'RedoAll',
    version: 'v',
    path: '/api/v2/svc',
    pathKey: '/api/v2/svc#RedoAll',
    idempotent: false,
    sensitiveFields: [],
    requestFields: [],
    transition: null,
    pagination: null,
    batch: { instances: 'things', failed: 'failedThings', maxIds: null },
    errors: {},
    stateRules: [{ id: 'image-exists', errorCode: null, description: 'The picture exists.', fields: { image: 'pic' } }],
    image: 'pic',
    carries: [],
    itemTemplate: null,
    itemImage: null,
  } satisfies MockOperation
  expect(reset(op, store, new Map(), { things: ['a', 'b'], pic: 'nope' })).toEqual({
    kind: 'ok',
    response: { failedThings: ['a', 'b'] },
    accepted: [],
    shown: [],
  })
  expect(reset(op, store, new Map(), { things: ['a', 'b'] })).toMatchObject({ kind: 'ok', response: {} })
})
