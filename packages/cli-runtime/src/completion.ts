// Shell completion scripts for bash, zsh and fish, written from the command
// tables: services, their actions, and each action's flags. Static scripts
// (no call back into the CLI while completing), so completing costs nothing.
import { flagTable } from './flags.js'
import { PROGRAM } from './help.js'
import type { ServiceCommands } from './table.js'

type Tree = { service: string; actions: { command: string; flags: string[] }[] }[]

function tree(services: readonly ServiceCommands[]): Tree {
  return services.map((s) => ({
    service: s.service,
    actions: s.actions.map((a) => ({
      command: a.command,
      flags: flagTable(a).flatMap((f) => (f.negatable ? [`--${f.name}`, `--no-${f.name}`] : [`--${f.name}`])),
    })),
  }))
}

const fn = PROGRAM.replace(/-/g, '_')

function bash(t: Tree): string {
  const cases = t
    .flatMap((s) => s.actions.map((a) => `    "${s.service} ${a.command}") words="${a.flags.join(' ')}" ;;`))
    .join('\n')
  const actions = t.map((s) => `    ${s.service}) words="${s.actions.map((a) => a.command).join(' ')}" ;;`).join('\n')
  return `# ${PROGRAM} completion for bash: source <(${PROGRAM} completion bash)
_${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${t.map((s) => s.service).join(' ')} completion"
  elif [ "$COMP_CWORD" -eq 2 ]; then
    case "\${COMP_WORDS[1]}" in
${actions}
    completion) words="bash zsh fish" ;;
    esac
  else
    case "\${COMP_WORDS[1]} \${COMP_WORDS[2]}" in
${cases}
    esac
    case "\${COMP_WORDS[COMP_CWORD-1]}" in
    *-file|--input-json) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _${fn} ${PROGRAM}
`
}

function zsh(t: Tree): string {
  return `#compdef ${PROGRAM}
# ${PROGRAM} completion for zsh: ${PROGRAM} completion zsh > "\${fpath[1]}/_${PROGRAM}"
_${fn}() {
  local -a words
  case $CURRENT in
  2) words=(${t.map((s) => s.service).join(' ')} completion) ;;
  3) case $words[2] in
${t.map((s) => `     ${s.service}) words=(${s.actions.map((a) => a.command).join(' ')}) ;;`).join('\n')}
     completion) words=(bash zsh fish) ;;
     esac ;;
  *) case "$words[2] $words[3]" in
${t.flatMap((s) => s.actions.map((a) => `     "${s.service} ${a.command}") words=(${a.flags.join(' ')}) ;;`)).join('\n')}
     esac ;;
  esac
  compadd -- $words
}
compdef _${fn} ${PROGRAM}
`
}

function fish(t: Tree): string {
  const lines = [
    `# ${PROGRAM} completion for fish: ${PROGRAM} completion fish > ~/.config/fish/completions/${PROGRAM}.fish`,
    `complete -c ${PROGRAM} -f`,
    `complete -c ${PROGRAM} -n '__fish_is_nth_token 1' -a '${t.map((s) => s.service).join(' ')} completion'`,
    `complete -c ${PROGRAM} -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`,
  ]
  for (const s of t) {
    lines.push(
      `complete -c ${PROGRAM} -n '__fish_is_nth_token 2; and __fish_seen_subcommand_from ${s.service}' -a '${s.actions.map((a) => a.command).join(' ')}'`,
    )
    for (const a of s.actions) {
      const longs = a.flags.map((f) => f.slice(2))
      for (const flag of longs)
        lines.push(
          `complete -c ${PROGRAM} -n '__fish_seen_subcommand_from ${s.service}; and __fish_seen_subcommand_from ${a.command}' -l ${flag}`,
        )
    }
  }
  return `${lines.join('\n')}\n`
}

export const SHELLS = { bash, zsh, fish } as const

export function completion(shell: string, services: readonly ServiceCommands[]): string | undefined {
  const write = SHELLS[shell as keyof typeof SHELLS]
  return write ? write(tree(services)) : undefined
}
