// Issue 27: the mock's README says what a new mock holds, and what to seed so
// that the spec's own examples (shown in the client's JSDoc) name something.
import { describe, expect, it } from 'vitest'
import { exampleSeed, stateBullet } from '../src/emit/mock/readme-state.js'
import { object, operation, serviceModel } from './model-factory.js'

const rule = (id: string, fields: Record<string, string>) => ({ id, description: '', errorCode: 'X', fields })

const wipe = operation('Wipe', {
  request: object({
    type: 'object',
    properties: {
      image: { type: 'string', examples: [7, 'img-example'] },
      key: { type: 'string', example: 'key-example' },
      other: { type: 'string', examples: ['not-seeded'] },
    },
  }),
  stateRules: [rule('image-exists', { image: 'image' }), rule('key-pair-exists', { keyPair: 'key' })],
})

describe('the mock README state bullet', () => {
  it('lists the first string example of each image and key-pair field the rules read, and nothing else', () => {
    expect(exampleSeed(serviceModel({ operations: [wipe] }))).toEqual({
      images: ['img-example'],
      keyPairs: ['key-example'],
    })
  })

  it('names the seed that makes the examples work, and the defaults of a seeded instance', () => {
    const text = stateBullet(serviceModel({ operations: [wipe] }))
    expect(text).toContain("mock.seed({ images: [{ imageId: 'img-example' }], keyPairs: ['key-example'] })")
    expect(text).toContain('"imageId":"img-ubuntu-2204"')
  })

  it('has no seed line when no rule reads an example', () => {
    expect(stateBullet(serviceModel({ operations: [operation('Look')] }))).not.toContain('mock.seed')
  })
})
