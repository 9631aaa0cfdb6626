// The question before a disk is wiped: it names the service and action, the
// number of instances and the account, and the count must be typed back (a
// "y" typed by habit does not do). No terminal to ask on: refused, exit 2.
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
  if (!io.stdinIsTTY || sources.usesStdin)
    throw new CliError(
      EXIT.usage,
      `refusing to run ${what} on ${count} instances without confirmation: no terminal to ask on${sources.usesStdin ? ' (stdin is the input)' : ''}; pass --yes to confirm. Nothing was sent.`,
    )
  const answer = await io.prompt(
    `${what} reinstalls the OS of ${count} instance${count === 1 ? '' : 's'} (wiping their disks, until ${endState}) as ${account}.\nType ${count} to go on: `,
  )
  if (answer?.trim() !== String(count))
    throw new CliError(EXIT.usage, `not confirmed (the answer was not ${count}); nothing was sent`)
}
