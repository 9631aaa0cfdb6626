// What the optional logger receives. Everything in an event is already
// masked: sensitive body fields (x-zc-sensitive in the spec), the
// Authorization value (signature or token), and bodies that are not JSON.
export type ClientLogEvent =
  | {
      readonly type: 'request'
      readonly service: string
      readonly action: string
      readonly url: string
      readonly headers: Readonly<Record<string, string>>
      readonly body: unknown
    }
  | {
      readonly type: 'response'
      readonly service: string
      readonly action: string
      readonly status: number
      readonly durationMs: number
      readonly headers: Readonly<Record<string, string>>
      readonly body: unknown
    }
  | {
      readonly type: 'retry'
      readonly service: string
      readonly action: string
      readonly attempt: number
      readonly delayMs: number
      readonly reason: string
      readonly code: string
    }

export type ClientLogger = (event: ClientLogEvent) => void
