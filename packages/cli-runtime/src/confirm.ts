// The question before a disk is wiped: it names the service and action, the
// number of instances and the account, and the count must be typed back (a
// "y" typed by habit does not do). Asked on the terminal: stdin, or the
// controlling terminal when stdin carries the ids or is no terminal
// (io.prompt); no terminal at all: refused, exit 2. Whatever the answer,
// nothing has been sent yet.
import { CliError, EXIT } from './exit-codes.js'
import type { Sources } from './flags.js'
import type { Io } from './io.js'

export async function confirm(
  io: Io,
  sources: Sources,
  what: string,
  count: number,
  account: string,
  endState: string,
): Promise<void> {
  const answer = await io.prompt(
    `${what} reinstalls the OS of ${count} instance${count === 1 ? '' : 's'} (wiping their disks, until ${endState}) as ${account}.\nType ${count} to go on: `,
    sources.usesStdin,
  )
  switch (answer.none) {
    case undefined:
      if (answer.typed.trim() === String(count)) return
      throw new CliError(EXIT.usage, `not confirmed (the answer was not ${count}); nothing was sent`)
    case 'no-terminal':
      throw new CliError(
        EXIT.usage,
        `refusing to run ${what} on ${count} instances without confirmation: no terminal to ask on${sources.usesStdin ? ' (stdin is the input, and there is no controlling terminal)' : ''}; pass --yes to confirm. Nothing was sent.`,
      )
    case 'interrupted':
      throw new CliError(EXIT.interrupted, 'interrupted at the confirmation; nothing was sent')
    case 'closed':
      throw new CliError(EXIT.usage, 'not confirmed (no answer); nothing was sent')
  }
}
