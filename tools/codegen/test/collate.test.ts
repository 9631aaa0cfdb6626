// compareEnglish must order plain names exactly as localeCompare(b, 'en') does (it replaces it to
// avoid loading ICU's collation); names outside its fast path go to localeCompare itself.
import { describe, expect, it } from 'vitest'
import { compareEnglish } from '../src/emit/shared/collate.js'

const names = [
  'a',
  'A',
  'b',
  'B',
  'ab',
  'aB',
  'Ab',
  'AB',
  'abc',
  'a1',
  'a10',
  'a2',
  '1',
  '10',
  '9',
  '',
  'Credentials',
  'createServiceClient',
  'CallOptions',
  'callOptions',
  'type',
  'Type',
  'zod',
  'Zod',
  'FleetInputOf',
  'FleetOptions',
  'fleet',
  'resetFleet',
  'RawClient',
  'raw_client',
  'a-b',
  'a b',
  'é',
  'e',
]

const sign = (n: number) => Math.sign(n)

describe('compareEnglish', () => {
  it.each(names)('orders %j against every name as localeCompare(en) does', (a) => {
    for (const b of names) expect(sign(compareEnglish(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b, 'en')))
  })

  it('sorts a list as localeCompare(en) does', () => {
    const byLocale = [...names].sort((a, b) => a.localeCompare(b, 'en'))
    expect([...names].sort(compareEnglish)).toEqual(byLocale)
  })
})
