// A made-up action table and a scripted Io: the runtime reads only what a
// generated table gives it, so a table written here exercises every path.
import type { Answer, Io } from '../src/io.js'
import type { ActionCommand, ServiceCommands } from '../src/table.js'

export const RESET: ActionCommand = {
  command: 'wipe-things',
  action: 'WipeThings',
  summary: 'Wipe several things',
  description: 'Wipes the things.',
  docsUrl: 'https://example.test/wipe',
  destructive: true,
  fleet: { instances: 'thingIds', single: false, from: ['IDLE'], to: 'READY', observe: 'DescribeThings' },
  paginated: false,
  fields: [
    {
      name: 'thingIds',
      flag: 'thing-ids',
      kind: 'list',
      item: 'string',
      required: true,
      sensitive: false,
      help: ['Ids.'],
    },
    { name: 'password', flag: 'password', kind: 'string', required: false, sensitive: true, help: ['A password.'] },
    { name: 'enableAgent', flag: 'enable-agent', kind: 'boolean', required: false, sensitive: false, help: ['Agent.'] },
    { name: 'diskGb', flag: 'disk-gb', kind: 'integer', required: false, sensitive: false, help: ['Size.'] },
    {
      name: 'ports',
      flag: 'ports',
      kind: 'list',
      item: 'integer',
      required: false,
      sensitive: false,
      help: ['Ports.'],
    },
    { name: 'tags', flag: 'tags', kind: 'json', required: false, sensitive: false, help: ['Tags.'] },
  ],
}

export const DESCRIBE: ActionCommand = {
  command: 'describe-things',
  action: 'DescribeThings',
  summary: 'List things',
  description: 'Lists things.',
  docsUrl: 'https://example.test/describe',
  destructive: false,
  fleet: null,
  paginated: true,
  fields: [
    { name: 'pageSize', flag: 'page-size', kind: 'integer', required: false, sensitive: false, help: ['Page size.'] },
  ],
}

export const TABLE: ServiceCommands = {
  service: 'demo',
  version: '2026-01-01',
  title: 'Demo API',
  credentialsEnv: { accessKeyId: 'DEMO_KEY_ID', accessKeySecret: 'DEMO_KEY_SECRET' },
  actions: [RESET, DESCRIBE],
  load: async () => {
    throw new Error('not loaded in these tests')
  },
}

export interface Scripted extends Io {
  readonly out: string[]
  readonly err: string[]
  readonly prompts: string[]
  /** Where each question was asked: on stdin, or on the controlling terminal (/dev/tty). */
  readonly askedOn: ('stdin' | 'tty')[]
  /** The codes io.exit was called with. */
  readonly exits: number[]
  interrupt(): void
}

export function scriptedIo(
  options: {
    /** stdin (and stdout, stderr) a terminal. */
    tty?: boolean
    /** A controlling terminal (/dev/tty) to ask on when stdin cannot be. */
    controllingTerminal?: boolean
    /** What is typed at the question, or why nothing is (Ctrl-C, Ctrl-D). */
    answer?: string | Answer
    stdin?: string
    files?: Record<string, string>
    env?: Record<string, string>
  } = {},
): Scripted {
  const out: string[] = []
  const err: string[] = []
  const prompts: string[] = []
  const askedOn: ('stdin' | 'tty')[] = []
  const exits: number[] = []
  const handlers = new Set<() => void>()
  return {
    out,
    err,
    prompts,
    askedOn,
    exits,
    stdout: { write: (t: string) => out.push(t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => err.push(t), isTTY: options.tty ?? false },
    stdinIsTTY: options.tty ?? false,
    env: options.env ?? {},
    home: '/nonexistent-home',
    readStdin: async () => options.stdin ?? '',
    readFile: (path: string) => {
      const text = options.files?.[path]
      if (text === undefined) throw new Error(`no file ${path}`)
      return text
    },
    prompt: async (q: string, stdinIsInput: boolean) => {
      const on = options.tty && !stdinIsInput ? 'stdin' : options.controllingTerminal ? 'tty' : undefined
      if (!on) return { none: 'no-terminal' }
      prompts.push(q)
      askedOn.push(on)
      const answer = options.answer ?? { none: 'closed' }
      return typeof answer === 'string' ? { typed: answer } : answer
    },
    exit: (code: number) => {
      exits.push(code)
    },
    onInterrupt: (h: () => void) => {
      handlers.add(h)
      return () => handlers.delete(h)
    },
    interrupt: () => {
      for (const h of handlers) h()
    },
  }
}
