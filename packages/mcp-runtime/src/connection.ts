// The client's connection, as the tool calls see it: whether the client went
// away (and what told the server: stdin's end, a write that failed with
// EPIPE, the transport closing), and what each call running then has to say
// about what it did. main.ts marks the loss once and at once (the calls'
// signal is aborted in the same turn, so a fleet sends nothing new), waits a
// bounded time for the running calls to end, and prints what they said in
// one line: the operator learns in one place which ids went out and which
// did not, since the client that would have been told is gone.
export class ClientConnection {
  #lost: string | undefined
  #onLost: (why: string) => void = () => undefined
  readonly #running = new Set<Promise<unknown>>()
  readonly #said: string[] = []
  /** Resolves with why, when the client goes away; never rejects. */
  readonly gone: Promise<string> = new Promise((resolve) => {
    this.#onLost = resolve
  })

  /** Why the client is gone (`stdin closed`, `EPIPE`...); undefined while it is there. */
  get lost(): string | undefined {
    return this.#lost
  }

  /** Marks the client gone; true only the first time (whatever tells second is the same loss). */
  lose(why: string): boolean {
    if (this.#lost !== undefined) return false
    this.#lost = why
    this.#onLost(why)
    return true
  }

  /** Follows a tool call until it ends, so that a lost connection can wait for it. Returns the call. */
  track<T>(call: Promise<T>): Promise<T> {
    this.#running.add(call)
    const ended = () => {
      this.#running.delete(call)
    }
    call.then(ended, ended)
    return call
  }

  /** How many tracked calls have not ended. */
  get running(): number {
    return this.#running.size
  }

  /** What a call cut off by the loss has to say: one clause, already masked by the call. */
  tell(clause: string): void {
    this.#said.push(clause.replace(/\s+/g, ' '))
  }

  /** Every clause told, in order. */
  get said(): readonly string[] {
    return this.#said
  }

  /** Waits for the running calls to end, at most `ms`; true when none is left running. */
  async settled(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms)
    })
    try {
      while (this.#running.size > 0) {
        const ended = Promise.allSettled([...this.#running]).then(() => 'ended' as const)
        if ((await Promise.race([ended, late])) === 'late') return false
      }
      return true
    } finally {
      clearTimeout(timer)
    }
  }
}
