// A refusal the server answers as a tool error: one line naming the field or
// the flag and the rule broken. Never holds a value that could be a secret.
export class ToolRefusal extends Error {
  constructor(
    /** A stable code: MAX_INSTANCES, TOKEN_INVALID, INVALID_INPUT... */
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ToolRefusal'
  }
}

/** A mistake in how the server was started: one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
