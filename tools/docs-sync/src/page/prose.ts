// The limits a parameter's description states in prose: lengths, character
// sets, defaults, counts, enumerations, and "either A or B" rules. Each
// reader is one regular expression over one sentence (or, where an
// expression backtracked, a one-pass reader in prose-scan.ts that reads the
// same); what no reader recognises is left unstated rather than guessed.
import { classChars, DIGITS, intersect, LETTERS, LOWER, UPPER, union } from '../charset.js'
import type { FactValue, FieldLimit } from '../facts.js'
import { forward } from './forward.js'
import { bareValue, defaultValue, listedCharacters, onlyPhrase } from './prose-scan.js'

export interface ProseFact {
  readonly value: FactValue
  /** The sentence it was read from. */
  readonly quote: string
}

export interface ProseExclusive {
  readonly fields: readonly [string, string]
  readonly rule: 'at most one' | 'exactly one'
  readonly quote: string
}

export interface ProseFacts {
  readonly limits: Partial<Record<FieldLimit, ProseFact>>
  readonly exclusive: readonly ProseExclusive[]
}

/**
 * Sentences of a cleaned description: one per paragraph line, split again at
 * full stops. No sentence holds a line terminator, which the readers rely on.
 */
export function sentences(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .flatMap((p) => p.split(/(?<=[.!?;])\s+(?=[A-Z])/))
    .map((s) => s.trim())
    .filter(Boolean)
}

const N = '(\\d{1,7})'
const RANGE = '\\s*(?:-|–|—|~|to)\\s*'
const AT_MOST = '(?:at most|up to|no more than|(?:a )?maximum of|not exceed(?:ing)?|cannot exceed|max(?:imum)?:?)'
const AT_LEAST = '(?:at least|(?:a )?minimum of|no (?:fewer|less) than|min(?:imum)?:?)'
const ITEMS = '(?:\\w+\\s+)?(?:ids?|instances?|items?|elements?|values?|entries|members?|keys?|tags?|names?)\\b'

const LENGTH_RANGE = [
  new RegExp(`${N}${RANGE}${N}\\s*(?:characters|chars|letters)`, 'i'),
  new RegExp(`length (?:limit |range )?(?:of |is |:\\s*)?${N}${RANGE}${N}`, 'i'),
  new RegExp(`between ${N} and ${N} characters`, 'i'),
]
const LENGTH_MAX = new RegExp(`${AT_MOST}\\s*${N}\\s*(?:characters|chars)`, 'i')
const LENGTH_MIN = new RegExp(`${AT_LEAST}\\s*${N}\\s*(?:characters|chars)`, 'i')
const COUNT_RANGE = new RegExp(`${N}${RANGE}${N}\\s+${ITEMS}`, 'i')
const COUNT_MAX = new RegExp(`${AT_MOST}\\s*${N}\\s+${ITEMS}`, 'i')
const COUNT_MIN = new RegExp(`${AT_LEAST}\\s*${N}\\s+${ITEMS}`, 'i')
const ENUM = /\b(?:valid|allowed|available|optional|supported|possible) values?\s*(?:are|include|is)?\s*[:：]?\s*(.+)$/i
const EITHER = /\beither (?:a |an |the )?(?:value of )?`?([A-Za-z][\w]*)`? or (?:a |an |the )?`?([A-Za-z][\w]*)`?/i

/** Words that name a kind of character, longest first; `explicit` kinds need their characters spelled out. */
const KINDS: readonly { re: string; set: string | undefined }[] = [
  { re: '(?:upper|capital)(?:-| )?(?:case)? and lower(?:-| )?case (?:english )?letters?', set: LETTERS },
  { re: 'lower(?:-| )?case (?:english )?letters?', set: LOWER },
  { re: '(?:upper(?:-| )?case|capital) (?:english )?letters?', set: UPPER },
  { re: '(?:english )?letters?', set: LETTERS },
  { re: 'digits?|numbers?|numerals?', set: DIGITS },
  { re: 'hyphens?(?: \\(-\\))?', set: '-' },
  { re: '(?:periods?|dots?)(?: \\(\\.\\))?', set: '.' },
  { re: 'underscores?(?: \\(_\\))?', set: '_' },
  { re: 'special characters?|symbols?', set: undefined },
]
// Not inside a word ("newsletter"), but a digit may touch it: the vm page writes "0-9special characters".
const KIND = new RegExp(`(?<![A-Za-z])(?:${KINDS.map((k) => `(${k.re})`).join('|')})`, 'gi')

/**
 * The kinds of characters a phrase lists, each as its set. A kind followed by
 * `: <characters>` takes those characters (`digits: 0-9`, `special
 * characters: ~!@$`); undefined when a kind's characters cannot be known.
 */
export function characterKinds(phrase: string): string[] | undefined {
  const kinds: string[] = []
  const kind = new RegExp(KIND)
  const closeBracket = forward(phrase, /\]/)
  for (let match = kind.exec(phrase); match; match = kind.exec(phrase)) {
    const index = match.slice(1).findIndex((g) => g !== undefined)
    const listed = listedCharacters(phrase, match.index + match[0].length, closeBracket)
    const explicit = listed?.text
    let set = KINDS[index]?.set
    if (listed && explicit !== undefined) {
      set = explicit.startsWith('[') ? classChars(explicit.slice(1, -1)) : explicit === '0-9' ? DIGITS : union(explicit)
      // The characters listed are not words naming more kinds: reading on after them keeps this one pass.
      kind.lastIndex = listed.end
    }
    if (set === undefined || set === '') return undefined
    kinds.push(set)
  }
  return kinds.length > 0 ? kinds : undefined
}

/**
 * Reads one description. `type` is the parameter's type as the page gives it:
 * lengths are read for strings, counts for arrays, defaults typed by it.
 */
export function readProse(text: string, type: string): ProseFacts {
  const limits: Partial<Record<FieldLimit, ProseFact>> = {}
  const exclusive: ProseExclusive[] = []
  const put = (limit: FieldLimit, value: FactValue, quote: string): void => {
    if (!(limit in limits)) limits[limit] = { value, quote: excerpt(quote, limit) }
  }
  const isArray = type.startsWith('array')
  for (const s of sentences(text)) {
    if (!isArray) {
      const range = LENGTH_RANGE.map((re) => re.exec(s)).find(Boolean)
      if (range) {
        put('minLength', Number(range[1]), s)
        put('maxLength', Number(range[2]), s)
      }
      const max = LENGTH_MAX.exec(s)
      if (max) put('maxLength', Number(max[1]), s)
      const min = LENGTH_MIN.exec(s)
      if (min) put('minLength', Number(min[1]), s)
    } else {
      const range = COUNT_RANGE.exec(s)
      if (range) {
        put('minItems', Number(range[1]), s)
        put('maxItems', Number(range[2]), s)
      }
      const max = COUNT_MAX.exec(s)
      if (max) put('maxItems', Number(max[1]), s)
      const min = COUNT_MIN.exec(s)
      if (min) put('minItems', Number(min[1]), s)
    }
    const def = defaultValue(s)
    if (def) put('default', typedValue(def, type), s)
    const values = ENUM.exec(s)?.[1]
    if (values) {
      const list = values
        .split(/,|\bor\b|\band\b|、/)
        .map(bareValue)
        .filter((v) => /^[A-Za-z0-9_.:/+-]+$/.test(v))
      if (list.length > 0) put('enum', list, s)
    }
    readCharacters(s, put)
    const either = EITHER.exec(s)
    if (either?.[1] && either[2]) {
      const exactly = /\bmust\b/i.test(s.slice(0, either.index)) && !/\bnot both\b/i.test(s)
      exclusive.push({
        fields: [either[1], either[2]],
        rule: exactly ? 'exactly one' : 'at most one',
        quote: around(s, either.index, either[0].length),
      })
    }
  }
  return { limits, exclusive }
}

/** A long sentence cut to the words around a match, so that a report quotes what matters. */
function around(s: string, index: number, length: number): string {
  if (s.length <= 140) return s
  const from = Math.max(0, s.lastIndexOf(' ', Math.max(0, index - 50)))
  const to = Math.min(s.length, index + length + 40)
  return `${from > 0 ? '…' : ''}${s.slice(from, to).trim()}${to < s.length ? '…' : ''}`
}

/** The words of a sentence that state one limit. */
function excerpt(s: string, limit: FieldLimit): string {
  if (s.length <= 140) return s
  const probe: Partial<Record<FieldLimit, RegExp>> = {
    // \d{1,7}, not \d+: from every digit of a long number, \d+ scanned the rest of it.
    minLength: /\d{1,7}\s*(?:-|–|to)\s*\d{1,7}\s*characters|length|characters/i,
    maxLength: /\d{1,7}\s*(?:-|–|to)\s*\d{1,7}\s*characters|length|characters/i,
    default: /default/i,
    firstChar: /start|begin/i,
  }
  const m = (probe[limit] ?? /./).exec(s)
  return m ? around(s, m.index, m[0].length + 60) : s
}

function typedValue(raw: string, type: string): FactValue {
  if (type === 'boolean' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true'
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw)
  return raw
}

/** Allowed characters, required kinds and the first character, from one sentence. */
function readCharacters(s: string, put: (limit: FieldLimit, value: FactValue, quote: string) => void): void {
  const must = /\bmust (?:contain|include)\b(.*)$/i.exec(s)
  const including = /\bcharacters?,? including\s*[:：]?(.*)$/i.exec(s)
  const onlyContain = /\b(?:can|may) only (?:contain|include|consist of)\b(.*)$/i.exec(s)
  let allowed: string | undefined
  if (must?.[1]) {
    const kinds = characterKinds(must[1])
    if (kinds) {
      put('mustContain', kinds, s)
      allowed = union(...kinds)
    }
  } else {
    const phrase = including?.[1] ?? onlyPhrase(s) ?? onlyContain?.[1]
    const kinds = phrase === undefined ? undefined : characterKinds(phrase)
    if (kinds) allowed = union(...kinds)
  }
  if (allowed) put('charset', allowed, s)
  const first = /\b(?:start|begin)(?:s|ning|ing)? with (?:a |an )?([a-z -]+?)(?:\s+with\b|[,.;]|$)/i.exec(s)
  const firstKinds = first?.[1] ? characterKinds(first[1]) : undefined
  if (firstKinds) {
    const set = union(...firstKinds)
    put('firstChar', allowed ? intersect(set, allowed) : set, s)
  }
}
