// One question on the terminal, loaded only when a question is asked. Asked
// on stdin when stdin is a terminal and free; when it is not (it carries the
// ids, `cat ids | zenlayer-reset ... --instance-ids-file -`, or the prompt
// would go to a redirected stderr), on the controlling terminal, /dev/tty, as
// ssh and sudo ask for a password; with neither, there is no one to ask.
import { closeSync, openSync, writeSync } from 'node:fs'
import type { Answer } from './io.js'

interface Terminal {
  readonly input: NodeJS.ReadableStream & { setRawMode?(raw: boolean): unknown }
  readonly output: NodeJS.WritableStream
  /** Gives the terminal back: raw mode off, and each descriptor opened for the question closed. */
  close(): Promise<void>
}

export async function askOnTerminal(question: string, stdinIsInput: boolean): Promise<Answer> {
  if (!stdinIsInput && process.stdin.isTTY === true && process.stderr.isTTY === true)
    return ask({ input: process.stdin, output: process.stderr, close: async () => {} }, question)
  const terminal = await openControllingTerminal()
  if (!terminal) return { none: 'no-terminal' }
  try {
    return await ask(terminal, question)
  } finally {
    await terminal.close()
  }
}

async function ask(terminal: Terminal, question: string): Promise<Answer> {
  const { createInterface } = await import('node:readline')
  const rl = createInterface({ input: terminal.input, output: terminal.output, terminal: true })
  try {
    return await new Promise<Answer>((resolve) => {
      // Raw mode: Ctrl-C reaches readline as a key, not the process as a signal; it means "stop".
      rl.on('SIGINT', () => resolve({ none: 'interrupted' }))
      rl.on('close', () => resolve({ none: 'closed' }))
      // The terminal went away (EIO on a hang-up): no answer, and no crash.
      rl.on('error', () => resolve({ none: 'closed' }))
      rl.question(question, (typed) => resolve({ typed }))
    })
  } finally {
    rl.close()
  }
}

/**
 * /dev/tty, read through a tty stream (raw mode, and a read that does not hold the process open once it is
 * closed) and written with plain writes. Undefined when there is no controlling terminal (ENXIO: a cron job,
 * CI, `setsid`) or no such device (Windows).
 */
async function openControllingTerminal(): Promise<Terminal | undefined> {
  const { isatty, ReadStream } = await import('node:tty')
  const { Writable } = await import('node:stream')
  let readFd = -1
  let writeFd = -1
  let input: InstanceType<typeof ReadStream>
  try {
    readFd = openSync('/dev/tty', 'r')
    writeFd = openSync('/dev/tty', 'w')
    input = new ReadStream(readFd)
  } catch {
    for (const fd of [readFd, writeFd]) if (fd >= 0) closeSync(fd)
    return undefined
  }
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        writeSync(writeFd, chunk)
      } catch {
        // A terminal that cannot be written to has gone away: its read ends too, which answers the question.
      }
      done()
    },
  })
  return {
    input,
    output,
    close: async () => {
      if (!input.closed) {
        const closed = new Promise<void>((resolve) => input.once('close', () => resolve()))
        input.destroy()
        await closed
      }
      // libuv reads a terminal through a descriptor of its own, reopened over ours, and closes only its own:
      // ours is then still open (still a terminal), and ours to close. Else the stream closed it already.
      if (isatty(readFd)) closeSync(readFd)
      output.destroy()
      closeSync(writeFd)
    },
  }
}
