// An action's flags, from its table: one per request field (kebab-case),
// `--<field>-file` for each secret, and the flags every command has. Then the
// parsed command line becomes the request body: typed, lists split, JSON
// read, secrets read from files or stdin (with a warning when given on the
// command line, where the process list and the shell history show them).
import { type FlagDef, type Parsed, parseArgv } from './argv.js'
import { CliError, EXIT, usage } from './exit-codes.js'
import type { Io } from './io.js'
import type { ActionCommand, FieldFlag } from './table.js'

/** Flags every command has. */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { name: 'profile', type: 'value' },
  { name: 'endpoint', type: 'value' },
  { name: 'output', type: 'value', short: 'o' },
  { name: 'debug', type: 'switch' },
  { name: 'help', type: 'switch', short: 'h' },
]

/** Flags of an action, besides its fields. */
export function actionFlags(cmd: ActionCommand): FlagDef[] {
  const flags: FlagDef[] = [...GLOBAL_FLAGS, { name: 'input-json', type: 'value' }, { name: 'dry-run', type: 'switch' }]
  if (cmd.destructive) flags.push({ name: 'yes', type: 'switch', short: 'y' })
  if (cmd.paginated) flags.push({ name: 'page-all', type: 'switch' })
  if (cmd.fleet)
    flags.push(
      { name: 'instance-ids-file', type: 'value' },
      { name: 'journal', type: 'value' },
      { name: 'max-wait', type: 'value' },
      { name: 'wait', type: 'switch', negatable: true },
    )
  return flags
}

/** Every flag of an action: its own, then one per field. A field whose flag another already has is a spec the CLI cannot serve. */
export function flagTable(cmd: ActionCommand): FlagDef[] {
  const flags = actionFlags(cmd)
  const taken = new Set(flags.map((f) => f.name))
  const add = (def: FlagDef, field: string) => {
    if (
      taken.has(def.name) ||
      taken.has(`no-${def.name}`) ||
      (def.name.startsWith('no-') && taken.has(def.name.slice(3)))
    )
      throw new Error(`${cmd.action}: field ${field} would be --${def.name}, which the CLI already has`)
    taken.add(def.name)
    flags.push(def)
  }
  for (const f of cmd.fields) {
    const type = f.kind === 'boolean' ? 'switch' : f.kind === 'list' || isFleetField(cmd, f) ? 'list' : 'value'
    add(f.kind === 'boolean' ? { name: f.flag, type, negatable: true } : { name: f.flag, type }, f.name)
    if (f.sensitive) add({ name: `${f.flag}-file`, type: 'value' }, f.name)
  }
  return flags
}

const isFleetField = (cmd: ActionCommand, f: FieldFlag) => cmd.fleet?.instances === f.name

export function parseAction(cmd: ActionCommand, args: readonly string[]): Parsed {
  return parseArgv(args, flagTable(cmd))
}

/** Bounds of what is read: a request body, a secret, a list of ids. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024
export const MAX_SECRET_BYTES = 64 * 1024
export const MAX_IDS_FILE_BYTES = 16 * 1024 * 1024

/** Reads FILE, or stdin for `-` (at most one flag may take stdin). */
export class Sources {
  private stdinFlag: string | undefined
  constructor(private readonly io: Io) {}
  async read(flag: string, path: string, maxBytes: number): Promise<string> {
    if (path !== '-') return this.io.readFile(path, maxBytes, flag)
    if (this.stdinFlag) throw usage(`--${flag} - and --${this.stdinFlag} - both read stdin; give one of them a file`)
    this.stdinFlag = flag
    return this.io.readStdin(maxBytes)
  }
  get usesStdin(): boolean {
    return this.stdinFlag !== undefined
  }
}

export interface Request {
  /** The request body, the instances field aside for a fleet. */
  readonly body: Record<string, unknown>
  /** For a fleet: every id, from the instances flag, the ids file and --input-json, in that order. */
  readonly ids: string[]
}

export async function buildRequest(cmd: ActionCommand, parsed: Parsed, io: Io, sources: Sources): Promise<Request> {
  const body: Record<string, unknown> = {}
  const inputJson = parsed.get('input-json')
  if (typeof inputJson === 'string') {
    const text = await sources.read('input-json', inputJson, MAX_INPUT_BYTES)
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      throw usage('--input-json: not valid JSON')
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw usage('--input-json: must be a JSON object (the request body)')
    Object.assign(body, value)
  }
  for (const f of cmd.fields) {
    const raw = parsed.get(f.flag)
    if (f.sensitive) {
      const file = parsed.get(`${f.flag}-file`)
      if (typeof file === 'string') {
        if (raw !== undefined) throw usage(`--${f.flag} and --${f.flag}-file given together`)
        body[f.name] = stripNewline(await sources.read(`${f.flag}-file`, file, MAX_SECRET_BYTES))
        continue
      }
      if (raw !== undefined)
        io.stderr.write(
          `warning: --${f.flag} on the command line is visible to other users (process list) and stays in shell history; use --${f.flag}-file FILE or --${f.flag}-file - (stdin)\n`,
        )
    }
    if (raw === undefined) continue
    body[f.name] = isFleetField(cmd, f) ? splitList(f, raw as string[], 'string') : typedValue(f, raw)
  }
  const ids: string[] = []
  if (cmd.fleet) {
    const field = cmd.fleet.instances
    const given = body[field]
    delete body[field]
    if (Array.isArray(given)) ids.push(...given.map(String))
    else if (typeof given === 'string') ids.push(given)
    else if (given !== undefined) throw usage(`${field} in --input-json must be a list of ids`)
    const file = parsed.get('instance-ids-file')
    if (typeof file === 'string') ids.push(...idsOf(await sources.read('instance-ids-file', file, MAX_IDS_FILE_BYTES)))
  }
  return { body, ids }
}

/** One id a line; `#` starts a comment; blank lines ignored. */
export function idsOf(text: string): string[] {
  const ids: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const hash = line.indexOf('#')
    const id = (hash === -1 ? line : line.slice(0, hash)).trim()
    if (id !== '') ids.push(id)
  }
  return ids
}

function stripNewline(text: string): string {
  return text.replace(/\r?\n$/, '')
}

function typedValue(f: FieldFlag, raw: boolean | string | string[]): unknown {
  switch (f.kind) {
    case 'boolean':
      return raw === true
    case 'list':
      return splitList(f, raw as string[], f.item ?? 'string')
    case 'json':
      try {
        return JSON.parse(raw as string)
      } catch {
        throw usage(`--${f.flag}: not valid JSON`)
      }
    case 'integer':
    case 'number':
      return number(f.flag, raw as string, f.kind, f.sensitive)
    default:
      return raw
  }
}

function splitList(f: FieldFlag, raw: readonly string[], item: 'string' | 'integer' | 'number'): unknown[] {
  const out: unknown[] = []
  for (const value of raw) {
    for (const part of value.split(',')) {
      const trimmed = part.trim()
      if (trimmed === '') throw usage(`--${f.flag}: an empty item (two commas, or a comma at an end)`)
      out.push(item === 'string' ? trimmed : number(f.flag, trimmed, item, f.sensitive))
    }
  }
  return out
}

const WHOLE = /^-?(?:0|[1-9][0-9]*)$/
const DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/

function number(flag: string, text: string, kind: 'integer' | 'number', secret: boolean): number {
  const ok = (kind === 'integer' ? WHOLE : DECIMAL).test(text)
  const value = Number(text)
  if (!ok || !Number.isFinite(value) || (kind === 'integer' && !Number.isSafeInteger(value))) {
    const shown = secret ? '' : ` (got ${JSON.stringify(text.slice(0, 20))})`
    throw new CliError(EXIT.usage, `--${flag} must be ${kind === 'integer' ? 'a whole number' : 'a number'}${shown}`)
  }
  return value
}
