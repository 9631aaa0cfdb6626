// The small readers, table-driven: prose sentences to limits, spec patterns to
// character sets, page types.
import { describe, expect, it } from 'vitest'
import { describeSet, union } from '../src/charset.js'
import { readProse } from '../src/page/prose.js'
import { type PageFacts, pageType, readPage } from '../src/page/read-page.js'
import { patternCharacters } from '../src/spec/spec-facts.js'

const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const UPPER = LOWER.toUpperCase()
const DIGITS = '0123456789'

describe('readProse', () => {
  it.each([
    ['2-63 characters in length.', 'string', { minLength: 2, maxLength: 63 }],
    ['It must be between 3 and 30 characters.', 'string', { minLength: 3, maxLength: 30 }],
    ['A length limit of 4 to 15 characters.', 'string', { minLength: 4, maxLength: 15 }],
    ['At most 64 characters.', 'string', { maxLength: 64 }],
    ['No fewer than 6 characters.', 'string', { minLength: 6 }],
    ['Up to 100 instance IDs.', 'array of string', { maxItems: 100 }],
    ['Pass 1-20 instance IDs.', 'array of string', { minItems: 1, maxItems: 20 }],
    ['You can query up to 20 tag keys in each request.', 'array of string', { maxItems: 20 }],
    ['At most 5 tags.', 'array of object', { maxItems: 5 }],
    ['Up to 100 instance names.', 'array of string', { maxItems: 100 }],
    ['You can query up to 20 tag keys in each request.', 'string', {}],
    ['Default value: false', 'boolean', { default: false }],
    ['Default value: 20', 'integer', { default: 20 }],
    ['The default private NIC name is eth1.', 'string', { default: 'eth1' }],
    ['Valid values: `PREPAID`, `POSTPAID` or `SPOT`.', 'string', { enum: ['PREPAID', 'POSTPAID', 'SPOT'] }],
    [
      'Only letters, numbers, hyphens (-), and periods (.) are allowed.',
      'string',
      { charset: union(LOWER, UPPER, DIGITS, '-.') },
    ],
    ['Instance name to be displayed.', 'string', {}],
    ['Read the newsletter for numbers.', 'string', {}],
  ])('%s', (sentence, type, expected) => {
    const limits = Object.fromEntries(Object.entries(readProse(sentence, type).limits).map(([k, v]) => [k, v?.value]))
    expect(limits).toEqual(expected)
  })

  it('reads the kinds of a password, glued together as on the vm page', () => {
    const facts = readProse(
      'Must be 8-16 characters, including:lowercase letters: [a-z]uppercase letters: [A-Z]digits: 0-9special characters: !@#$You may pass it.',
      'string',
    )
    expect(facts.limits.charset?.value).toBe(union(LOWER, UPPER, DIGITS, '!@#$'))
    expect(facts.limits.mustContain).toBeUndefined()
    expect(facts.limits.maxLength?.value).toBe(16)
  })

  it('"must contain" gives the required kinds and the allowed set', () => {
    const facts = readProse('It must contain: letters: [a-zA-Z], digits: 0-9, and special characters: ~!', 'string')
    expect(facts.limits.mustContain?.value).toEqual([union(LOWER, UPPER), DIGITS, '!~'])
    expect(facts.limits.charset?.value).toBe(union(LOWER, UPPER, DIGITS, '!~'))
  })

  it('a first character is read within the allowed set', () => {
    const facts = readProse('Only numbers and lowercase letters are allowed, starting with a letter.', 'string')
    expect(facts.limits.firstChar?.value).toBe(LOWER)
  })

  it.each([
    ['You can set either a password or a keyId, but not both.', 'at most one'],
    ['You must pass either password or keyId.', 'exactly one'],
  ])('%s', (sentence, rule) => {
    expect(readProse(sentence, 'string').exclusive).toEqual([{ fields: ['password', 'keyId'], rule, quote: sentence }])
  })

  it('special characters without their list are not guessed', () => {
    expect(readProse('Only letters and special characters are allowed.', 'string').limits.charset).toBeUndefined()
  })
})

describe('patternCharacters', () => {
  it.each([
    [['^[a-z0-9]*$'], { charset: union(LOWER, DIGITS), mustContain: [] }],
    [['^[A-Za-z0-9.-]+$'], { charset: union(LOWER, UPPER, DIGITS, '.-'), mustContain: [] }],
    [['^[a-z][a-z0-9]*$'], { charset: union(LOWER, DIGITS), firstChar: LOWER, mustContain: [] }],
    [['[0-9]', '[~!]'], { mustContain: [DIGITS, '!~'] }],
    [['^(ab|cd)$'], { mustContain: [] }],
  ])('%j', (patterns, expected) => {
    expect(patternCharacters(patterns)).toEqual(expected)
  })
})

describe('pageType and describeSet', () => {
  it.each([
    ['String', 'string'],
    ['Array of String', 'array of string'],
    ['Integer', 'integer'],
    ['Boolean', 'boolean'],
    ['Array of InstanceInfo', 'array of object'],
    ['String[]', 'array of string'],
    ['String or Integer', undefined],
  ])('%s -> %s', (raw, type) => {
    expect(pageType(raw)).toBe(type)
  })

  it('writes runs of one kind as ranges', () => {
    expect(describeSet(union(LOWER, UPPER, DIGITS, '@-'))).toBe('0-9 A-Z a-z -@')
  })
})

describe('readPage keeps where each fact came from', () => {
  it('names table, row, cell and line', () => {
    const page: PageFacts = readPage(
      '# DoThing\n\n## 2. Input Parameters\n\n| Parameter Name | Required | Type | Description |\n| --- | --- | --- | --- |\n| name | Yes | String | <p>Its name.</p><p>At most 9 characters.</p> |\n\n## 3. Output Parameters\n\n## 6. Error Codes\n',
      'p.md',
    )
    expect(page.input[0]?.limits.maxLength).toEqual({
      value: 9,
      source: {
        witness: 'page',
        page: 'p.md',
        table: 'input',
        row: 1,
        cell: 'Description',
        line: 7,
        quote: 'At most 9 characters.',
      },
    })
    expect(page.input[0]?.required?.source).toMatchObject({ row: 1, cell: 'Required', quote: 'Yes' })
  })
})
