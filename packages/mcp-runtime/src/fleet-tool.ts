// A reset tool: a fleet of any number of instances, never sent until a person
// said yes to exactly this input. In order, and nothing sent before the last:
// 1. the input's shape and the operator's --max-instances (before any plan);
// 2. each id validated in the request it would go in (a bad other field
//    refuses the call);
// 3. the yes: a confirmation token given back (checked, then spent), or the
//    person asked through the client (elicitation), or else the plan and a
//    new token returned;
// 4. the client runtime's fleet (each id sent at most once, followed to its
//    end), its events as progress, the signal as cancellation (the client's
//    cancel, or the client gone: main.ts aborts it then); then every id's
//    outcome and the totals, or, the client gone, what was sent and what was
//    not, told to the operator (connection.ts).
import {
  type FleetEvent,
  type FleetOutcome,
  type OperationDescriptor,
  resetFleet,
  type ServiceClient,
  type ServiceDescriptor,
  type ValidationOutcome,
} from '@zenlayer-reset/client-runtime'
import { clientFor } from './client.js'
import type { CallChannel, ServerContext, ToolAnswer } from './context.js'
import { credentialSecrets } from './credentials.js'
import { ToolRefusal } from './errors.js'
import { fleetAccount } from './fleet-account.js'
import { FLEET_OUTPUT_SCHEMA } from './output-schema.js'
import { currentStatuses, makePlan, type Plan, validateIds } from './plan.js'
import { FleetProgress } from './progress.js'
import { type Mask, maskFor, secretValues } from './secrets.js'
import type { ServiceTools, ToolSpec } from './tables.js'

export { FLEET_OUTPUT_SCHEMA }

const TOKEN_FIELD = 'confirmationToken'

interface FleetInput {
  readonly ids: readonly string[]
  /** The action's other fields. */
  readonly rest: Readonly<Record<string, unknown>>
  readonly token: string | undefined
  /** What the token is bound to: the input without the token. */
  readonly bound: Readonly<Record<string, unknown>>
}

/** The input's shape, before anything is loaded or asked: an object, known fields, ids, the operator's cap. */
export function readFleetInput(tool: ToolSpec, args: unknown, maxInstances: number): FleetInput {
  if (args === null || typeof args !== 'object' || Array.isArray(args))
    throw new ToolRefusal('INVALID_INPUT', 'the input must be an object')
  const known = Object.keys((tool.inputSchema.properties as object | undefined) ?? {})
  const input = args as Record<string, unknown>
  for (const key of Object.keys(input))
    if (!known.includes(key))
      throw new ToolRefusal('INVALID_INPUT', `${JSON.stringify(key.slice(0, 64))} is not a field of ${tool.name}`)
  const { instanceIds, [TOKEN_FIELD]: token, ...rest } = input
  if (!Array.isArray(instanceIds) || instanceIds.length === 0)
    throw new ToolRefusal('INVALID_INPUT', 'instanceIds must be a non-empty list of instance ids')
  if (instanceIds.length > maxInstances)
    throw new ToolRefusal(
      'MAX_INSTANCES',
      `instanceIds names ${instanceIds.length} instances, more than this server's --max-instances ${maxInstances}: split the fleet or ask the operator`,
    )
  const seen = new Set<string>()
  instanceIds.forEach((id, i) => {
    if (typeof id !== 'string' || id === '')
      throw new ToolRefusal('INVALID_INPUT', `instanceIds[${i}] must be a non-empty string`)
    if (seen.has(id))
      throw new ToolRefusal('INVALID_INPUT', `instanceIds[${i}] repeats an id: an instance is reset once`)
    seen.add(id)
  })
  if (token !== undefined && (typeof token !== 'string' || token === ''))
    throw new ToolRefusal('INVALID_INPUT', `${TOKEN_FIELD} must be the token a plan returned`)
  const { [TOKEN_FIELD]: _dropped, ...bound } = input
  return { ids: instanceIds as string[], rest, token: token as string | undefined, bound }
}

export async function runFleetTool(
  ctx: ServerContext,
  table: ServiceTools,
  tool: ToolSpec,
  args: unknown,
  channel: CallChannel,
): Promise<ToolAnswer> {
  const input = readFleetInput(tool, args, ctx.options.maxInstances)
  const { loaded, client, credentials } = await clientFor(ctx, table)
  const op = loaded.service.operations[tool.action] as OperationDescriptor | undefined
  const t = op?.transition
  const field = op?.batch?.instances ?? t?.instances
  // Any action that starts a transition on named instances runs as the client runtime's fleet, whether or
  // not its generated client names a fleet method for it.
  if (!op || !t || !field) throw new ToolRefusal('NO_FLEET', `${tool.action} cannot run as a fleet`)
  const mask = maskFor(op.sensitiveFields, [
    ...secretValues(input.rest, op.sensitiveFields),
    ...credentialSecrets(credentials),
  ])
  const invalid = validateIds(op, field, loaded.validators, input.rest, input.ids)
  const head = {
    tool: tool.name,
    service: table.service,
    action: tool.action,
    instanceCount: input.ids.length,
    fields: mask.value({ ...input.rest }),
  }
  const answer = (body: Record<string, unknown>, isError = false): ToolAnswer => {
    const structured = mask.value({ ...head, ...body })
    return { structured, text: mask.text(JSON.stringify(structured, null, 2)), isError }
  }
  const plan = async (): Promise<Plan> =>
    makePlan(
      op,
      input.ids,
      await currentStatuses(client, loaded.service, t.observe, input.ids, channel.signal),
      invalid,
    )

  if (input.token !== undefined) {
    const redeemed = ctx.tokens.redeem(tool.name, input.bound, input.token)
    if (!redeemed.ok) throw new ToolRefusal('CONFIRMATION_REFUSED', `${redeemed.reason}; nothing was sent`)
  } else {
    const planned = await plan()
    if (planned.wouldReset === 0)
      return answer({
        phase: 'nothing-to-reset',
        plan: planned,
        message: `Nothing was sent: every one of the ${input.ids.length} instances would be refused (see plan).`,
      })
    if (channel.ask) {
      const said = await channel.ask(mask.text(question(table, tool, t.from, planned, head.fields)), CONFIRM_SCHEMA)
      if (said.action !== 'accept' || said.content?.confirm !== true) {
        const phase = said.action === 'cancel' ? 'cancelled-by-user' : 'declined'
        ctx.log(`${tool.name}: ${input.ids.length} instances, not confirmed (${said.action}); nothing sent`)
        return answer({
          phase,
          plan: planned,
          message: `The person did not confirm (${said.action}): nothing was sent.`,
        })
      }
    } else {
      const { token, expiresAt } = ctx.tokens.issue(tool.name, input.bound)
      ctx.log(`${tool.name}: plan for ${input.ids.length} instances issued; nothing sent`)
      return answer({
        phase: 'plan',
        plan: planned,
        confirmationToken: token,
        expiresAt: new Date(expiresAt).toISOString(),
        message: `Nothing was sent. Show this plan to the person; only if they say yes to it, call ${tool.name} again with exactly the same input and confirmationToken (works once, until ${new Date(expiresAt).toISOString()}). ${planned.wouldReset} would be reset, ${planned.wouldBeRefused} refused.`,
      })
    }
  }
  const validate = loaded.validators.actions[op.action]?.request
  const fleet = { client, service: loaded.service, op, validate }
  return answer(await runFleet(ctx, tool, input, fleet, channel, mask))
}

/** What the client runtime's resetFleet takes besides the input and the options. */
interface FleetTarget {
  readonly client: ServiceClient<object>
  readonly service: ServiceDescriptor
  readonly op: OperationDescriptor
  readonly validate: ((input: unknown) => ValidationOutcome) | undefined
}

const CONFIRM_SCHEMA = {
  type: 'object',
  properties: {
    confirm: {
      type: 'boolean',
      title: 'Reinstall these instances',
      description: 'Yes: reinstall exactly the instances named. Their system disks are erased.',
    },
  },
  required: ['confirm'],
} as const

const SHOWN = 20

function question(
  table: ServiceTools,
  tool: ToolSpec,
  from: readonly string[],
  plan: Plan,
  fields: Readonly<Record<string, unknown>>,
): string {
  const lines = [
    `An agent asks to reinstall the operating system of ${plan.instances.length} ${table.service} instance${plan.instances.length === 1 ? '' : 's'} (${tool.action}).`,
    `A reinstall erases each instance's system disk: its operating system and every file on it are lost. ${tool.title}.`,
    `${plan.wouldReset} would be reset, ${plan.wouldBeRefused} refused (only ${from.join(' or ')} instances can be reset).`,
    'Current statuses:',
    ...plan.instances
      .slice(0, SHOWN)
      .map((i) => `  ${i.instanceId}: ${i.status ?? 'unknown'}${i.reason ? ` (would be refused: ${i.reason})` : ''}`),
  ]
  if (plan.instances.length > SHOWN) lines.push(`  ... and ${plan.instances.length - SHOWN} more`)
  const given = Object.entries(fields)
  if (given.length > 0) lines.push(`With: ${given.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`)
  return lines.join('\n')
}

async function runFleet(
  ctx: ServerContext,
  tool: ToolSpec,
  input: FleetInput,
  fleet: FleetTarget,
  channel: CallChannel,
  mask: Mask,
): Promise<Record<string, unknown>> {
  const progress = new FleetProgress(input.ids.length)
  let chain = Promise.resolve()
  const onProgress = (event: FleetEvent) => {
    const update = progress.next(event)
    if (!update) return
    const masked = { ...update, message: mask.text(update.message) }
    // In order, never awaited by the fleet: a slow client does not slow the resets.
    chain = chain.then(() => channel.progress(masked)).catch(() => undefined)
  }
  // Gone already (the yes and the hang-up in one read): the fleet sends nothing, and says so in main.ts's line only.
  if (ctx.connection?.lost === undefined) ctx.log(`${tool.name}: confirmed; resetting ${input.ids.length} instances`)
  const result = await resetFleet(
    fleet.client,
    fleet.service,
    fleet.op,
    { ...input.rest, instanceIds: input.ids },
    { wait: { maxWaitSeconds: ctx.options.maxWaitSeconds }, signal: channel.signal, onProgress },
    fleet.validate,
  )
  const totals = result.totals
  const summary = Object.entries(totals)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  const cancelled = channel.signal.aborted
  const body = {
    phase: cancelled ? 'cancelled' : 'done',
    outcomes: input.ids.map((id) => outcomeRow(id, result.outcomes[id])),
    totals,
    requests: result.requests,
    message: `${cancelled ? 'Cancelled' : 'Done'}: ${summary || 'no outcome'} (${result.requests.resets} reset calls, ${result.requests.polls} status polls).`,
  }
  const connection = ctx.connection
  if (connection?.lost === undefined) {
    const last = progress.done(mask.text(body.message))
    if (last) chain = chain.then(() => channel.progress(last)).catch(() => undefined)
    // A write to a client that has gone may never end (no 'drain' on a broken pipe): its going ends the wait.
    await (connection ? Promise.race([chain, connection.gone]) : chain)
  }
  if (connection?.lost !== undefined) {
    // The client went away: nobody is left to tell but the operator, in main.ts's one line (no log, no notification).
    connection.tell(mask.text(fleetAccount(tool.name, input.ids.length, totals, cancelled)))
    return body
  }
  ctx.log(mask.text(`${tool.name}: ${body.message}`))
  // A cancelled call's result is not delivered (MCP): every id's outcome goes out as a log notification instead.
  if (cancelled) await channel.notify('warning', mask.value({ tool: tool.name, ...body })).catch(() => undefined)
  return body
}

function outcomeRow(instanceId: string, outcome: FleetOutcome | undefined): Record<string, unknown> {
  if (!outcome) return { instanceId, outcome: 'unknown', reason: 'no outcome was recorded', status: null }
  return { instanceId, ...outcome }
}
