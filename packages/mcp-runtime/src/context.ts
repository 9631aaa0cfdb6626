// What a tool call runs with: the server's settings (options, tokens,
// credentials, transport for tests) and the call's own channel back to the
// client (cancellation, progress, log notifications, elicitation).

import type { ClientConnection } from './connection.js'
import type { CredentialsContext } from './credentials.js'
import type { ServerOptions } from './options.js'
import type { ProgressUpdate } from './progress.js'
import type { ConfirmationTokens } from './tokens.js'

export interface ServerContext {
  readonly options: ServerOptions
  readonly tokens: ConfirmationTokens
  readonly credentials: CredentialsContext
  /** The fetch the clients use; the platform's unless a test hands one (an in-process mock). */
  readonly fetch: typeof fetch | undefined
  /** One line to the operator (stderr); already masked by the caller. */
  readonly log: (line: string) => void
  readonly now: () => number
  /**
   * The client's connection (main.ts makes one): when the client goes away, a call cut off tells it what it did
   * instead of logging, so that the operator reads one line. Absent (a test's in-memory server): calls log as usual.
   */
  readonly connection?: ClientConnection
}

/** A person's answer through the client (MCP elicitation). */
export interface Answer {
  readonly action: 'accept' | 'decline' | 'cancel'
  readonly content?: Readonly<Record<string, unknown>>
}

export interface CallChannel {
  readonly signal: AbortSignal
  /** Sends a progress notification; a no-op when the client gave no progress token. */
  readonly progress: (update: ProgressUpdate) => Promise<void>
  /** Sends a log notification (MCP logging) to the client. */
  readonly notify: (level: 'info' | 'warning', data: unknown) => Promise<void>
  /** Asks the person; undefined when the client cannot (no elicitation capability). */
  readonly ask: ((message: string, schema: Readonly<Record<string, unknown>>) => Promise<Answer>) | undefined
}

/** What a tool answers: the structured result and the text beside it. */
export interface ToolAnswer {
  readonly structured: Readonly<Record<string, unknown>> | undefined
  readonly text: string
  readonly isError: boolean
}
