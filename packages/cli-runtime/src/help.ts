// Help text, from the tables: the description, every rule in words, the
// default and an example of each flag come from the spec.
import { VENDOR_ENV } from '@zenlayer-reset/client-runtime/profile'
import { EXIT_HELP } from './exit-codes.js'
import type { ActionCommand, FieldFlag, ServiceCommands } from './table.js'

export const PROGRAM = 'zenlayer-reset'

/** The flags every command has, and where credentials come from: the specs' variables, then the vendor CLI's. */
function common(tables: readonly ServiceCommands[]): string {
  const pairs = new Map<string, string[]>()
  for (const t of tables) {
    const pair = `${t.credentialsEnv.accessKeyId} and ${t.credentialsEnv.accessKeySecret}`
    pairs.set(pair, [...(pairs.get(pair) ?? []), t.service])
  }
  const specs = [...pairs].map(([pair, services]) => (pairs.size > 1 ? `${pair} (${services.join(', ')})` : pair))
  return `${COMMON_FLAGS}
Credentials: ${[...specs, VENDOR_ENV.token].join(', or ')},
  or ${VENDOR_ENV.accessKeyId} and ${VENDOR_ENV.accessKeySecret}, or a profile.`
}

const COMMON_FLAGS = `Common flags:
  --profile NAME       credentials from ~/.zenlayer/credentials.json (zeno's profiles; also ${VENDOR_ENV.profile})
  --endpoint URL       API base URL (plain http only to a loopback host, e.g. zenlayer-mock)
  -o, --output FORMAT  table or json (default: table on a terminal, json otherwise; also ZENLAYER_OUTPUT)
  --debug              each request and response on stderr, secrets masked
  -h, --help           this text
  --version            the package and its version (before any command)`

export function topHelp(services: readonly ServiceCommands[]): string {
  const lines = [
    `usage: ${PROGRAM} <service> <action> [flags]`,
    `       ${PROGRAM} <service> <action> --help`,
    `       ${PROGRAM} completion bash|zsh|fish`,
    '',
    'Reinstall the OS of Zenlayer Cloud instances: fleets from a file of ids, followed to their end,',
    'a reset never sent twice, confirmation before any disk is wiped.',
    '',
  ]
  for (const s of services) {
    lines.push(`${s.service} (${s.title}, API ${s.version}):`)
    const width = Math.max(...s.actions.map((a) => a.command.length))
    for (const a of s.actions) lines.push(`  ${a.command.padEnd(width)}  ${a.summary}`)
    lines.push('')
  }
  lines.push(common(services), '', EXIT_HELP)
  return `${lines.join('\n')}\n`
}

export function serviceHelp(s: ServiceCommands): string {
  const width = Math.max(...s.actions.map((a) => a.command.length))
  return `usage: ${PROGRAM} ${s.service} <action> [flags]

${s.title}, API ${s.version}. Actions:
${s.actions.map((a) => `  ${a.command.padEnd(width)}  ${a.summary}`).join('\n')}

${PROGRAM} ${s.service} <action> --help lists its flags.
`
}

function fieldUsage(cmd: ActionCommand, f: FieldFlag): string {
  if (f.kind === 'boolean') return `--${f.flag} / --no-${f.flag}`
  if (f.kind === 'list' || cmd.fleet?.instances === f.name) return `--${f.flag} V[,V...]`
  if (f.kind === 'json') return `--${f.flag} JSON`
  if (f.values) return `--${f.flag} ${f.values.join('|')}`
  return `--${f.flag} ${f.kind === 'string' ? 'TEXT' : 'N'}`
}

export function actionHelp(s: ServiceCommands, cmd: ActionCommand): string {
  const out: string[] = [
    `usage: ${PROGRAM} ${s.service} ${cmd.command} [flags]`,
    '',
    `${cmd.summary} (${s.service} ${cmd.action}, API ${s.version})`,
  ]
  if (cmd.description && cmd.description !== cmd.summary) out.push('', cmd.description)
  if (cmd.destructive)
    out.push(
      '',
      `Destructive: asks first on the terminal, naming the service, the number of instances and the access key,`,
      `and needs the count typed back; --yes skips the question. Without a terminal and without --yes: exit 2, nothing sent.`,
    )
  out.push('', 'Flags from the spec:')
  for (const f of cmd.fields) {
    out.push(`  ${fieldUsage(cmd, f)}${f.required ? '  (required)' : ''}`)
    for (const line of f.help) out.push(`      ${line}`)
    if (f.sensitive)
      out.push(
        `      A secret: never printed. Prefer --${f.flag}-file FILE (or - for stdin): a value on the command line is visible to other users.`,
      )
  }
  out.push('', 'Flags of this command:')
  out.push('  --input-json FILE|-  the whole request body as JSON (flags override its fields)')
  out.push(
    '  --dry-run            validate and print the plan (batches, ids, bodies with secrets masked); send nothing',
  )
  if (cmd.destructive) out.push('  -y, --yes            do not ask for confirmation')
  if (cmd.paginated) out.push('  --page-all           fetch every page')
  if (cmd.fleet) {
    const f = cmd.fleet
    out.push(
      `  --instance-ids-file FILE|-  instance ids, one a line (# comments, blank lines ignored), with any --${kebabOf(cmd, f.instances)}`,
      `  --max-wait SECONDS   follow the resets until ${f.to} (with ${f.observe}) at most this long (default 3600)`,
      '  --no-wait            stop once every call is answered (accepted ids are not followed)',
      '  --journal FILE       record each send (fsynced, before the call) and its outcome; rerun with the same journal',
      '                       to resume after a crash: ids that may have been sent are followed, never sent again',
      '',
      `Any number of ids: sent ${f.single ? 'one per call' : 'in batches as large as the spec allows'}, rate limits paced across calls,`,
      'never a second call for an id whose call may have reached the server. Progress on stderr: a live line on a',
      'terminal, else one JSON event a line. Ctrl-C stops new sends at once and reports every id.',
    )
  }
  out.push('', common([s]), '', EXIT_HELP, '', `Docs: ${cmd.docsUrl}`)
  return `${out.join('\n')}\n`
}

function kebabOf(cmd: ActionCommand, field: string): string {
  return cmd.fields.find((f) => f.name === field)?.flag ?? field
}
