// The MCP server: the tools of the services served (every one, or
// --services), only the read-only ones under --read-only, each run by the
// logic its kind shares (fleet-tool.ts, call-tool.ts). An error is a tool
// result with isError, one line naming the field or rule, masked like
// everything else; never a stack trace.
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js'
import {
  type CallToolRequest,
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type Notification as McpNotification,
  type Request as McpRequest,
  type ServerNotification,
  type ServerRequest,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js'
import { ZenlayerError } from '@zenlayer-reset/client-runtime'
import { runCallTool } from './call-tool.js'
import type { CallChannel, ServerContext, ToolAnswer } from './context.js'
import { credentialSecrets, credentialsFor } from './credentials.js'
import { ToolRefusal } from './errors.js'
import { FLEET_OUTPUT_SCHEMA, runFleetTool } from './fleet-tool.js'
import { maskFor, secretValues } from './secrets.js'
import type { ServiceTools, ToolSpec } from './tables.js'

export const SERVER_NAME = 'zenlayer-reset-mcp'

const INSTRUCTIONS = `Tools for Zenlayer Cloud's OS-reset APIs, one per action of each service. Status queries are read-only. Reset tools reinstall operating systems (erasing system disks) and send nothing until a person has said yes to exactly that input: the server asks them through the client when it can; otherwise the first call returns a plan and a confirmationToken, which you must show the person, and only with their yes call again with the same input and the token. Never confirm on the person's behalf.`

interface Entry {
  readonly table: ServiceTools
  readonly tool: ToolSpec
}

/** The tools offered: of the tables given (already filtered to --services), the read-only ones only under --read-only. */
export function offeredTools(tables: readonly ServiceTools[], readOnly: boolean): Map<string, Entry> {
  const out = new Map<string, Entry>()
  for (const table of tables)
    for (const tool of table.tools) if (!readOnly || tool.annotations.readOnlyHint) out.set(tool.name, { table, tool })
  return out
}

function listed(tool: ToolSpec): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema as Tool['inputSchema'],
    outputSchema: (tool.kind === 'fleet'
      ? FLEET_OUTPUT_SCHEMA
      : (tool.outputSchema ?? undefined)) as Tool['outputSchema'],
    annotations: { ...tool.annotations },
  }
}

export function createServer(ctx: ServerContext, tables: readonly ServiceTools[], version: string): Server {
  const tools = offeredTools(tables, ctx.options.readOnly)
  const server = new Server(
    { name: SERVER_NAME, version },
    { capabilities: { tools: {}, logging: {} }, instructions: INSTRUCTIONS },
  )
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [...tools.values()].map((e) => listed(e.tool)),
  }))
  const callTool = async (
    request: CallToolRequest,
    extra: RequestHandlerExtra<ServerRequest | McpRequest, ServerNotification | McpNotification>,
  ): Promise<CallToolResult> => {
    const entry = tools.get(request.params.name)
    if (!entry) {
      const why = ctx.options.readOnly ? ' (this server is --read-only)' : ''
      return errorResult(`UNKNOWN_TOOL: no tool ${JSON.stringify(request.params.name.slice(0, 80))} here${why}`)
    }
    const args = request.params.arguments ?? {}
    const progressToken = extra._meta?.progressToken
    // Form elicitation (an empty `elicitation: {}` is read as form by the SDK).
    const canAsk = server.getClientCapabilities()?.elicitation?.form !== undefined
    const channel: CallChannel = {
      signal: extra.signal,
      progress: async (update) => {
        if (progressToken === undefined) return
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken, ...update } })
      },
      notify: (level, data) => server.sendLoggingMessage({ level, logger: SERVER_NAME, data }),
      ask: canAsk
        ? async (message, schema) => {
            let result: Awaited<ReturnType<typeof server.elicitInput>>
            try {
              result = await server.elicitInput(
                { mode: 'form', message, requestedSchema: schema as never },
                {
                  relatedRequestId: extra.requestId,
                  timeout: ctx.options.confirmMinutes * 60_000,
                  signal: extra.signal,
                },
              )
            } catch {
              throw new ToolRefusal(
                'CONFIRMATION_FAILED',
                'the client could not ask the person (no answer in time, or an error): nothing was sent',
              )
            }
            return { action: result.action, ...(result.content ? { content: result.content } : {}) }
          }
        : undefined,
    }
    try {
      const run = entry.tool.kind === 'fleet' ? runFleetTool : runCallTool
      return toResult(await run(ctx, entry.table, entry.tool, args, channel))
    } catch (error) {
      const connection = ctx.connection
      if (connection?.lost !== undefined) {
        // Cut off by the client's going: said once, in main.ts's line. A reset tool that throws sent nothing (once
        // anything may have gone out, its fleet resolves with every id's outcome).
        const cut = !(error instanceof ToolRefusal || error instanceof ZenlayerError)
        const what = entry.tool.kind === 'fleet' ? 'stopped before anything was sent' : 'stopped'
        connection.tell(`${entry.tool.name}: ${cut ? what : await errorLine(ctx, entry, args, error)}`)
        return errorResult(what)
      }
      const line = await errorLine(ctx, entry, args, error)
      ctx.log(`${entry.tool.name}: ${line}`)
      return errorResult(line)
    }
  }
  // Tracked: when the client goes away, main.ts waits (bounded) for the calls running to tell what they did.
  server.setRequestHandler(CallToolRequestSchema, (request, extra) => {
    const call = callTool(request, extra)
    return ctx.connection ? ctx.connection.track(call) : call
  })
  return server
}

function toResult(answer: ToolAnswer): CallToolResult {
  return {
    content: [{ type: 'text', text: answer.text }],
    ...(answer.structured ? { structuredContent: answer.structured as Record<string, unknown> } : {}),
    ...(answer.isError ? { isError: true } : {}),
  }
}

function errorResult(line: string): CallToolResult {
  return { content: [{ type: 'text', text: line }], isError: true }
}

/** One line, masked with the action's secrets and the credentials', whatever failed. */
async function errorLine(ctx: ServerContext, entry: Entry, args: unknown, error: unknown): Promise<string> {
  let line: string
  if (error instanceof ToolRefusal) line = `${error.code}: ${error.message}`
  else if (error instanceof ZenlayerError)
    line = `${error.code}: ${error.message}${error.mayHaveBeenApplied ? ' (may have been applied)' : ' (not applied)'}`
  else line = 'INTERNAL_ERROR: the server failed unexpectedly; nothing more is known (see its log)'
  const loaded = await entry.table.load().catch(() => undefined)
  const names = loaded?.service.operations[entry.tool.action]?.sensitiveFields ?? []
  let creds: string[] = []
  try {
    if (loaded) creds = credentialSecrets(credentialsFor(ctx.credentials, loaded.service.signing))
  } catch {
    // no credentials: nothing of theirs to mask
  }
  return maskFor(names, [...secretValues(args, names), ...creds]).text(line.replace(/\s+/g, ' '))
}
