// The exit codes, one owner: --help prints this table and every path returns one of these.

export const EXIT = {
  /** Every instance reached the end state (or, with --no-wait, was accepted); any other call succeeded. */
  ok: 0,
  /** An instance was refused, failed or invalid; or the API refused the call. */
  failed: 1,
  /** Usage, validation, or a confirmation refused or impossible: nothing was sent. */
  usage: 2,
  /** An outcome is unknown, still pending at the deadline, or never sent. */
  unknown: 3,
  /** Credentials or configuration (profile, endpoint) unusable: nothing was sent. */
  config: 4,
  /** Interrupted (Ctrl-C): new sends stopped; every id's outcome was reported first. */
  interrupted: 130,
} as const

export const EXIT_HELP = `Exit codes:
  0    every instance reached the end state (with --no-wait: was accepted); any other call succeeded
  1    an instance was refused, failed or invalid; or the API refused the call
  2    usage or validation error, or confirmation refused or impossible (nothing sent)
  3    an outcome is unknown, still pending at the deadline, or never sent
  4    credentials or configuration unusable (nothing sent)
  130  interrupted (Ctrl-C): new sends stopped, every id's outcome reported first`

/** A failure that ends the command with its exit code and one line on stderr. Never holds a secret. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message)
  }
}

export const usage = (message: string) => new CliError(EXIT.usage, message)

/** A client configuration error in the CLI's words: the client's `baseUrl` is the `--endpoint` flag. */
export function endpointMessage(error: unknown): string {
  const message = (error as Error)?.message ?? String(error)
  return message.replace(/^baseUrl /, '--endpoint ').replace(/, or set allowInsecureHttp: true$/, '')
}
