// The client half of MCP's stdio transport, only as much as the pack smoke
// needs: JSON-RPC 2.0 messages, one per line, on the server's stdin and
// stdout (no Content-Length headers). Every line the server writes on stdout
// must be such a message: stdout is the protocol's, its logs go to stderr.

/**
 * Speaks to the MCP server `proc` (from smoke-processes.mjs startProcess).
 * `request` resolves to the result, or rejects with the server's error, its
 * exit, a line that is not JSON-RPC, or no answer within `timeoutMs`.
 */
export function mcpStdio(proc, { timeoutMs = 30_000 } = {}) {
  const waiting = new Map()
  let nextId = 1
  let broken
  let unread = ''

  const breakWith = (message) => {
    broken ??= new Error(message)
    for (const { reject } of waiting.values()) reject(broken)
    waiting.clear()
  }
  const deliver = (line) => {
    let message
    try {
      message = JSON.parse(line)
    } catch {
      breakWith(`wrote a line on stdout that is not JSON-RPC: ${line.slice(0, 200)}`)
      return
    }
    if (message?.jsonrpc !== '2.0') {
      breakWith(`wrote a message on stdout without "jsonrpc": "2.0": ${line.slice(0, 200)}`)
      return
    }
    // A notification or a request of the server's (logging, progress) is not what the smoke waits for.
    const waiter = 'method' in message ? undefined : waiting.get(message.id)
    if (!waiter) return
    waiting.delete(message.id)
    if (message.error) waiter.reject(new Error(`error ${message.error.code}: ${message.error.message}`))
    else waiter.resolve(message.result)
  }
  proc.child.stdout.on('data', (text) => {
    unread += text
    for (let end = unread.indexOf('\n'); end >= 0; end = unread.indexOf('\n')) {
      const line = unread.slice(0, end).replace(/\r$/, '')
      unread = unread.slice(end + 1)
      if (line !== '') deliver(line)
    }
  })
  proc.exited.then(({ code, signal }) =>
    breakWith(
      `exited (${signal ?? `code ${code}`}) before answering; stderr: ${proc.output.stderr.trim() || '(empty)'}`,
    ),
  )

  const send = (message) => proc.child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`)
  return {
    request(method, params) {
      if (broken) return Promise.reject(broken)
      const id = nextId++
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id)
          reject(new Error(`${method}: no answer within ${timeoutMs} ms`))
        }, timeoutMs)
        const settle = (fn) => (value) => {
          clearTimeout(timer)
          fn(value)
        }
        waiting.set(id, { resolve: settle(resolve), reject: settle(reject) })
        send({ id, method, params })
      })
    },
    notify(method, params) {
      send(params === undefined ? { method } : { method, params })
    },
  }
}
