// Everything a command touches outside itself, in one object: the real
// process by default (nodeIo), a scripted one in tests. Files and stdin are
// read with a size bound, regular files only: `/dev/zero` or a FIFO given as
// a file must not hang or fill memory.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { homedir } from 'node:os'
import { CliError, EXIT } from './exit-codes.js'

export interface Stream {
  write(text: string): unknown
  readonly isTTY?: boolean
  readonly columns?: number
}

export interface Io {
  readonly stdout: Stream
  readonly stderr: Stream
  readonly stdinIsTTY: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  readonly home: string
  /** The whole of stdin, at most maxBytes. */
  readStdin(maxBytes: number): Promise<string>
  /** A regular file, at most maxBytes; throws a CliError naming the flag otherwise. */
  readFile(path: string, maxBytes: number, flag: string): string
  /**
   * Asks on the terminal: on stdin when it is one and not the command's input (`stdinIsInput`: a flag read
   * it), else on the controlling terminal (/dev/tty); `no-terminal` when there is neither.
   */
  prompt(question: string, stdinIsInput: boolean): Promise<Answer>
  /** Calls handler on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void
  /** Ends the process now, with this code (a second Ctrl-C: no waiting for anything). */
  exit(code: number): void
  /** The fetch the clients use (tests pass an in-process mock's). */
  readonly fetch?: typeof fetch
}

/** What a question on the terminal came back with: a line typed, or why none was. */
export type Answer =
  | { readonly typed: string; readonly none?: undefined }
  /** No terminal to ask on; interrupted: Ctrl-C; closed: Ctrl-D, or the terminal went away. */
  | { readonly typed?: undefined; readonly none: 'no-terminal' | 'interrupted' | 'closed' }

export function readBoundedFile(path: string, maxBytes: number, flag: string): string {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable'
    throw new CliError(EXIT.usage, `--${flag}: cannot open ${path} (${code})`)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new CliError(EXIT.usage, `--${flag}: ${path} is not a regular file`)
    if (stat.size > maxBytes) throw new CliError(EXIT.usage, `--${flag}: ${path} is larger than ${maxBytes} bytes`)
    const buffer = Buffer.alloc(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read)
      if (n === 0) break
      read += n
    }
    return buffer.subarray(0, read).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

export function nodeIo(): Io {
  // A reader that went away (`| head`): the rest of the output has nowhere to go, which is no crash.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
    })
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    home: homedir(),
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length
        if (size > maxBytes) throw new CliError(EXIT.usage, `stdin is larger than ${maxBytes} bytes`)
        chunks.push(chunk as Buffer)
      }
      return Buffer.concat(chunks).toString('utf8')
    },
    readFile: readBoundedFile,
    prompt: async (question, stdinIsInput) =>
      (await import('./terminal-prompt.js')).askOnTerminal(question, stdinIsInput),
    onInterrupt: (handler) => {
      process.on('SIGINT', handler)
      return () => process.off('SIGINT', handler)
    },
    exit: (code) => process.exit(code),
  }
}
