// Any action that is not a fleet: one call (or, with --page-all, every page
// of a list), validated first, its reply printed. A destructive one asks
// first, as a fleet does.
import { ApiError, type ClientLogEvent, createServiceClient, ZenlayerError } from '@zenlayer-reset/client-runtime'
import type { Parsed } from './argv.js'
import { confirm } from './confirm.js'
import { CliError, EXIT, endpointMessage } from './exit-codes.js'
import { buildRequest, Sources } from './flags.js'
import type { Io } from './io.js'
import { renderReply } from './output.js'
import { issuesLine, masked } from './plan.js'
import { resolveSettings } from './settings.js'
import type { ActionCommand, ServiceCommands } from './table.js'

/** A bound on --page-all: far past any account, and a bound on the work one command starts. */
const MAX_PAGES = 10_000

export async function runCall(table: ServiceCommands, cmd: ActionCommand, parsed: Parsed, io: Io): Promise<number> {
  const sources = new Sources(io)
  const { body } = await buildRequest(cmd, parsed, io, sources)
  const loaded = await table.load()
  const op = loaded.service.operations[cmd.action]
  if (!op) throw new CliError(EXIT.usage, `${table.service} ${cmd.action}: not in the service's client`)
  const settings = resolveSettings(parsed, io, loaded.service.signing)
  const verdict = loaded.validators.actions[cmd.action]?.request(body)
  if (verdict && !verdict.ok) throw new CliError(EXIT.usage, issuesLine(cmd, verdict.issues))
  const secrets = new Set(op.sensitiveFields)
  if (parsed.get('dry-run') === true) {
    const shown = {
      dryRun: true,
      service: table.service,
      action: cmd.action,
      account: settings.account,
      body: masked(body, secrets),
    }
    io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`)
    return EXIT.ok
  }
  if (cmd.destructive && parsed.get('yes') !== true)
    await confirm(io, sources, `${cmd.action} (${table.service})`, 1, settings.account, 'the end')
  let client: ReturnType<typeof createServiceClient>
  try {
    client = createServiceClient(loaded.service, {
      credentials: settings.credentials,
      ...(settings.baseUrl !== undefined ? { baseUrl: settings.baseUrl } : {}),
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(settings.debug ? { logger: (e: ClientLogEvent) => io.stderr.write(`debug: ${JSON.stringify(e)}\n`) } : {}),
      requestClient: 'zenlayer-reset-cli',
    })
  } catch (error) {
    throw new CliError(EXIT.config, endpointMessage(error))
  }
  const controller = new AbortController()
  const off = io.onInterrupt(() => controller.abort())
  try {
    const page = op.pagination
    if (parsed.get('page-all') === true && page) {
      const items: unknown[] = []
      let total = 0
      let number = typeof body[page.pageNumber] === 'number' ? (body[page.pageNumber] as number) : 1
      const size = typeof body[page.pageSize] === 'number' ? body[page.pageSize] : (page.maxPageSize ?? undefined)
      for (let n = 0; n < MAX_PAGES; n++, number++) {
        const reply = (await client.call<Record<string, unknown>>(
          op,
          { ...body, [page.pageNumber]: number, ...(size !== undefined ? { [page.pageSize]: size } : {}) },
          { signal: controller.signal },
        )) as Record<string, unknown>
        const got = Array.isArray(reply[page.items]) ? (reply[page.items] as unknown[]) : []
        total = typeof reply[page.total] === 'number' ? (reply[page.total] as number) : total
        items.push(...got)
        if (got.length === 0 || items.length >= total) break
      }
      io.stdout.write(renderReply({ [page.total]: total, [page.items]: items }, settings.output))
    } else {
      const reply = await client.call(op, body, { signal: controller.signal })
      io.stdout.write(renderReply(masked(reply, secrets), settings.output))
    }
    return EXIT.ok
  } catch (error) {
    if (controller.signal.aborted)
      throw new CliError(
        EXIT.interrupted,
        `interrupted: ${cmd.action} stopped${cmd.destructive ? '; the call may have reached the server: check the status before any retry' : ''}`,
      )
    if (error instanceof ApiError && (error.status === 401 || error.status === 403))
      throw new CliError(EXIT.config, error.message)
    if (error instanceof ZenlayerError) {
      if (error.code === 'MISSING_CREDENTIALS') throw new CliError(EXIT.config, error.message)
      throw new CliError(cmd.destructive && error.mayHaveBeenApplied ? EXIT.unknown : EXIT.failed, error.message)
    }
    throw error
  } finally {
    off()
  }
}
