// The command line, read against a table of flags: `--flag value`,
// `--flag=value`, `--switch` / `--no-switch`, repeated lists. Hand-written
// rather than node:util parseArgs because the rules here are stricter and
// its messages would not name what to do: a word after a switch is an
// error, not a positional (the vendor CLI reads `--enable-agent true` as a
// switch plus an instance id "true"); no value given after `=` to a switch;
// a value flag given twice is refused; a mistyped flag is named without its
// value (it may be a secret) with the nearest known flag.
import { usage } from './exit-codes.js'

export interface FlagDef {
  /** Without dashes: `instance-ids`. */
  readonly name: string
  /** switch: --x / --no-x; value: once; list: repeatable, commas split later. */
  readonly type: 'switch' | 'value' | 'list'
  /** One-letter alias, without the dash. */
  readonly short?: string
  /** A switch that also takes `--no-<name>` (a boolean field, `--wait`). */
  readonly negatable?: boolean
}

export type Parsed = Map<string, boolean | string | string[]>

export function parseArgv(args: readonly string[], defs: readonly FlagDef[]): Parsed {
  const byName = new Map(defs.map((d) => [d.name, d]))
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short as string, d]))
  const out: Parsed = new Map()
  let previousSwitch: FlagDef | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') {
      const rest = args[i + 1]
      if (rest !== undefined) throw usage(`unexpected argument ${quote(rest)} after --: this command takes flags only`)
      break
    }
    let def: FlagDef | undefined
    let name: string
    let inline: string | undefined
    let negated = false
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
      inline = eq === -1 ? undefined : arg.slice(eq + 1)
      def = byName.get(name)
      if (!def && name.startsWith('no-')) {
        const positive = byName.get(name.slice(3))
        if (positive?.type === 'switch' && positive.negatable) {
          def = positive
          negated = true
        }
      }
      if (!def) throw usage(`unknown flag --${name}${nearest(name, defs)}`)
    } else if (/^-[A-Za-z]$/.test(arg)) {
      def = byShort.get(arg.slice(1))
      if (!def) throw usage(`unknown flag ${arg}`)
      name = def.name
    } else {
      // A word where a flag should be: never a silent positional.
      throw usage(
        previousSwitch
          ? `unexpected ${quote(arg)} after --${previousSwitch.name}: --${previousSwitch.name} is a switch and takes no value${alternatives(previousSwitch)}`
          : `unexpected argument ${quote(arg)}: every value goes after its flag (--flag value)`,
      )
    }
    previousSwitch = undefined
    if (def.type === 'switch') {
      if (inline !== undefined) throw usage(`--${def.name} is a switch and takes no value${alternatives(def)}`)
      if (out.has(def.name) && out.get(def.name) !== !negated)
        throw usage(`--${def.name} and --no-${def.name} given together`)
      out.set(def.name, !negated)
      previousSwitch = def
      continue
    }
    let value = inline
    if (value === undefined) {
      value = args[i + 1]
      if (value === undefined) throw usage(`--${def.name} needs a value`)
      // `--image-id --yes` is a forgotten value, not an image called "--yes".
      if (value.startsWith('--'))
        throw usage(`--${def.name} needs a value (for one starting with --, write --${def.name}=VALUE)`)
      i++
    }
    if (def.type === 'list') {
      const list = (out.get(def.name) as string[] | undefined) ?? []
      list.push(value)
      out.set(def.name, list)
    } else {
      if (out.has(def.name)) throw usage(`--${def.name} given twice`)
      out.set(def.name, value)
    }
  }
  return out
}

function alternatives(def: FlagDef): string {
  return def.negatable ? ` (use --${def.name} or --no-${def.name})` : ''
}

/** A word from the command line, shown short: it is not a known secret, but need not be shown whole. */
export function quote(word: string): string {
  return JSON.stringify(word.length > 40 ? `${word.slice(0, 37)}...` : word)
}

/** " (did you mean --x?)" for a flag one or two edits away, or a prefix of one. */
function nearest(name: string, defs: readonly FlagDef[]): string {
  let best: string | undefined
  let bestDistance = 3
  for (const d of defs) {
    const distance = d.name.startsWith(name) && name.length >= 3 ? 1 : editDistance(name, d.name, bestDistance)
    if (distance < bestDistance) {
      best = d.name
      bestDistance = distance
    }
  }
  return best ? ` (did you mean --${best}?)` : ''
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost))
    }
    previous = row
  }
  return previous[b.length] as number
}
