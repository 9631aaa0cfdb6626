// A reset action: any number of ids through the client's resetFleet, which
// never sends an id twice and follows the resets to their end. Here: the
// plan, the confirmation, the progress, Ctrl-C, the report and the exit code.
import {
  type ClientLogEvent,
  createServiceClient,
  type FleetEvent,
  type FleetOutcome,
  type FleetOutcomeKind,
  type FleetResult,
  InvalidInputError,
  resetFleet,
} from '@zenlayer-reset/client-runtime'
import type { Parsed } from './argv.js'
import { confirm } from './confirm.js'
import { CliError, EXIT, endpointMessage, usage } from './exit-codes.js'
import { buildRequest, Sources } from './flags.js'
import { PROGRAM } from './help.js'
import type { Io } from './io.js'
import { Journal, readJournal } from './journal.js'
import { fleetExitCode, renderFleet } from './output.js'
import { masked, planFleet } from './plan.js'
import { startProgress } from './progress.js'
import { followInFlight } from './resume.js'
import { resolveSettings } from './settings.js'
import type { ActionCommand, ServiceCommands } from './table.js'

/** The longest --max-wait: the client's own bound on a fleet's wait (30 days). */
const MAX_WAIT_SECONDS = 30 * 24 * 3600

function waitOf(parsed: Parsed): { maxWaitSeconds: number } | false {
  const maxWait = parsed.get('max-wait')
  if (parsed.get('wait') === false) {
    if (maxWait !== undefined) throw usage('--max-wait and --no-wait given together')
    return false
  }
  if (maxWait === undefined) return { maxWaitSeconds: 3600 }
  const n = Number(maxWait)
  if (!/^[1-9][0-9]*$/.test(maxWait as string) || n > MAX_WAIT_SECONDS)
    throw usage(`--max-wait must be a whole number of seconds from 1 to ${MAX_WAIT_SECONDS}`)
  return { maxWaitSeconds: n }
}

export async function runFleet(table: ServiceCommands, cmd: ActionCommand, parsed: Parsed, io: Io): Promise<number> {
  const fleet = cmd.fleet as NonNullable<ActionCommand['fleet']>
  const sources = new Sources(io)
  const { body, ids } = await buildRequest(cmd, parsed, io, sources)
  const flag = cmd.fields.find((f) => f.name === fleet.instances)?.flag ?? fleet.instances
  if (ids.length === 0) throw usage(`no instance ids: give --${flag} or --instance-ids-file FILE|-`)
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw usage(`instance id ${JSON.stringify(id)} is given twice: an instance is reset once`)
    seen.add(id)
  }
  const wait = waitOf(parsed)
  const loaded = await table.load()
  const settings = resolveSettings(parsed, io, loaded.service.signing)
  const op = loaded.service.operations[cmd.action]
  if (!op) throw new CliError(EXIT.usage, `${table.service} ${cmd.action}: not in the service's client`)

  // With a journal: ids an earlier run settled are reported from it, ids it may have sent are followed, never re-sent.
  const journalPath = parsed.get('journal')
  const earlier = typeof journalPath === 'string' ? readJournal(journalPath, table.service, cmd.action) : undefined
  const settled = new Map<string, FleetOutcome>()
  const inFlight: string[] = []
  const fresh: string[] = []
  for (const id of ids) {
    const known = earlier?.final.get(id)
    if (known) settled.set(id, known)
    else if (earlier?.touched.has(id)) inFlight.push(id)
    else fresh.push(id)
  }
  const plan = planFleet(cmd, loaded, body, fresh)
  const secrets = new Set(op.sensitiveFields)

  if (parsed.get('dry-run') === true) {
    const shown = {
      dryRun: true,
      service: table.service,
      action: cmd.action,
      account: settings.account,
      endpoint: settings.baseUrl ?? 'default',
      instances: ids.length,
      ...(earlier ? { journal: { settled: settled.size, inFlight: inFlight.length, toSend: fresh.length } } : {}),
      wait,
      batches: plan.batches.map((b) => ({ ids: b.ids, body: masked(b.body, secrets) })),
      invalid: plan.invalid,
    }
    io.stdout.write(
      settings.output === 'json'
        ? `${JSON.stringify(shown, null, 2)}\n`
        : `dry run: ${table.service} ${cmd.action} on ${fresh.length} instances as ${settings.account}, in ${plan.batches.length} calls; nothing sent${
            earlier ? ` (journal: ${settled.size} settled, ${inFlight.length} to follow, not sent again)` : ''
          }\n${plan.batches
            .map((b, i) => `call ${i + 1}: ${JSON.stringify(masked(b.body, secrets))}`)
            .join('\n')}${Object.entries(plan.invalid)
            .map(([id, why]) => `\ninvalid ${id}: ${why}`)
            .join('')}\n`,
    )
    return Object.keys(plan.invalid).length > 0 ? EXIT.usage : EXIT.ok
  }

  if (cmd.destructive && fresh.length > 0 && parsed.get('yes') !== true) {
    await confirm(io, sources, `${cmd.action} (${table.service})`, fresh.length, settings.account, fleet.to)
  }

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

  const journal = typeof journalPath === 'string' ? new Journal(journalPath, fleet.to) : undefined
  journal?.append({ journal: 1, service: table.service, action: cmd.action, ids: ids.length, toSend: fresh.length })
  const controller = new AbortController()
  const progress = startProgress(io.stderr, fresh.length + inFlight.length)
  let interrupts = 0
  const off = io.onInterrupt(() => {
    interrupts++
    if (interrupts === 1) {
      controller.abort()
      progress.stop()
      io.stderr.write(
        'interrupted: no new sends; ending the calls in flight, then reporting every id (Ctrl-C again to exit now)\n',
      )
    } else {
      // The user will not wait for the report: out now. Every send was journalled before it left, so a rerun tells the rest.
      io.stderr.write(`${interruptedAgain(journal?.path)}\n`)
      io.exit(EXIT.interrupted)
    }
  })
  // Fail closed: a send the journal could not record is stopped before it leaves (its call sees an aborted signal).
  let journalFailure: string | undefined
  const onProgress = (event: FleetEvent) => {
    if (journal) {
      try {
        journal.record(event)
      } catch (error) {
        journalFailure ??= (error as { code?: string }).code ?? 'write failed'
        controller.abort()
      }
    }
    progress.onEvent(event)
  }
  const started = Date.now()
  let sent: FleetResult | undefined
  let followed: Awaited<ReturnType<typeof followInFlight>> | undefined
  try {
    ;[sent, followed] = await Promise.all([
      fresh.length > 0
        ? resetFleet(
            client,
            loaded.service,
            op,
            { ...body, instanceIds: fresh },
            { wait, signal: controller.signal, onProgress },
            loaded.validators.actions[cmd.action]?.request as never,
          )
        : undefined,
      inFlight.length > 0
        ? followInFlight(client, loaded.service, cmd.action, inFlight, wait, controller.signal)
        : undefined,
    ])
  } catch (error) {
    // resetFleet rejects only before the first send.
    if (error instanceof InvalidInputError) throw new CliError(EXIT.usage, error.message)
    throw new CliError(EXIT.usage, `nothing sent: ${(error as Error).message}`)
  } finally {
    progress.stop()
    off()
  }
  const result = merge(ids, settled, sent, followed, Date.now() - started)
  if (journal) {
    try {
      journal.append({ outcomes: result.outcomes })
    } catch (error) {
      journalFailure ??= (error as { code?: string }).code ?? 'write failed'
    }
    journal.close()
  }
  if (journalFailure)
    io.stderr.write(`${PROGRAM}: --journal: writing ${journal?.path} failed (${journalFailure}); sending stopped\n`)
  const report = {
    service: table.service,
    action: cmd.action,
    result,
    interrupted: controller.signal.aborted,
    waited: wait !== false,
  }
  io.stdout.write(renderFleet(report, settings.output, io.stdout.isTTY ? io.stdout.columns : undefined))
  return fleetExitCode(report)
}

/** The one line a second Ctrl-C prints: no report follows, and where the truth is. */
export function interruptedAgain(journal: string | undefined): string {
  return `${PROGRAM}: interrupted again: exiting now, without the report; outcomes may be incomplete. ${
    journal === undefined
      ? 'With --journal FILE, a rerun resumes and sends no reset twice'
      : `The journal ${journal} holds every id sent; rerun the same command with --journal ${journal} to resume (no reset is sent twice)`
  }`
}

const KINDS: readonly FleetOutcomeKind[] = [
  'invalid',
  'refused',
  'unknown',
  'reset',
  'failed',
  'pending',
  'accepted',
  'not-sent',
]

/** One result over every id, in the order given: from the journal, this run's sends, and the ids followed. */
function merge(
  ids: readonly string[],
  settled: ReadonlyMap<string, FleetOutcome>,
  sent: FleetResult | undefined,
  followed: { outcomes: Map<string, FleetOutcome>; polls: number } | undefined,
  elapsedMs: number,
): FleetResult {
  const outcomes: Record<string, FleetOutcome> = {}
  const totals = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<FleetOutcomeKind, number>
  for (const id of ids) {
    const o = settled.get(id) ??
      sent?.outcomes[id] ??
      followed?.outcomes.get(id) ?? { outcome: 'unknown', reason: 'no outcome was recorded', status: null }
    outcomes[id] = o
    totals[o.outcome]++
  }
  return {
    outcomes,
    totals,
    requests: { resets: sent?.requests.resets ?? 0, polls: (sent?.requests.polls ?? 0) + (followed?.polls ?? 0) },
    elapsedMs: sent?.elapsedMs ?? elapsedMs,
  }
}
