// A tool that is not a reset: one call of the action through the generated
// client (its validator refuses a bad input before sending), the reply as
// structured content. Status queries are these, and read-only.
import { clientFor } from './client.js'
import type { CallChannel, ServerContext, ToolAnswer } from './context.js'
import { credentialSecrets } from './credentials.js'
import { ToolRefusal } from './errors.js'
import { maskFor, secretValues } from './secrets.js'
import type { ServiceTools, ToolSpec } from './tables.js'

export async function runCallTool(
  ctx: ServerContext,
  table: ServiceTools,
  tool: ToolSpec,
  args: unknown,
  channel: CallChannel,
): Promise<ToolAnswer> {
  // A destructive action the spec gives no fleet for would act without a person's yes: never run.
  if (tool.annotations.destructiveHint)
    throw new ToolRefusal('NOT_OFFERED', `${tool.name} changes instances and has no fleet to confirm: not run`)
  if (args === null || typeof args !== 'object' || Array.isArray(args))
    throw new ToolRefusal('INVALID_INPUT', 'the input must be an object')
  const { loaded, client, credentials } = await clientFor(ctx, table)
  const sensitive = loaded.service.operations[tool.action]?.sensitiveFields ?? []
  // Masked like everything else: a reply may echo what was sent.
  const mask = maskFor(sensitive, [...secretValues(args, sensitive), ...credentialSecrets(credentials)])
  const op = loaded.service.operations[tool.action]
  if (!op) throw new ToolRefusal('NO_ACTION', `${tool.action} is not an action of the ${table.service} client`)
  const reply = await client.call<Record<string, unknown>>(op, args, { signal: channel.signal })
  const structured = mask.value({ ...reply })
  return { structured, text: mask.text(JSON.stringify(structured, null, 2)), isError: false }
}
