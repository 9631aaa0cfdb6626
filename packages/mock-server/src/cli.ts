import { readFileSync } from 'node:fs'
import { DEFAULT_CREDENTIALS, type MockCredentials, type ProgressionOption } from '@zenlayer-reset/mock-engine'
import { type StartOptions, startMockServer } from './start.js'

const USAGE = `usage: zenlayer-mock [options]
  --port <n>              port (default 8787; 0 picks a free one)
  --host <addr>           address (default 127.0.0.1)
  --state <file.json>     initial state: {"zec": {"instances": [...], "images": [...], "keyPairs": [...]}, "vm": {...}}
  --access-key <id:secret>  accept this access key (repeatable); default mock-access-key:mock-access-secret
  --token <token>         accept this bearer token (repeatable); default mock-token
  --no-auth               accept requests without credentials
  --progression <p>       immediate (default), manual, or a delay in ms per transitional state
  --seed <n>              seed of request ids and behaviour (default 1)
Admin surface: GET /__admin/state, GET /__admin/history?service=&instanceId=,
POST /__admin/{seed,reset,advance,faults}.`

function parseArgs(argv: readonly string[]): StartOptions | string {
  const accessKeys: Record<string, string> = {}
  const tokens: string[] = []
  let options: { -readonly [K in keyof StartOptions]: StartOptions[K] } = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    const needs = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`)
      i++
      return value
    }
    switch (flag) {
      case '--port': {
        const port = Number(needs())
        if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be 0-65535\n${USAGE}`
        options.port = port
        break
      }
      case '--host':
        options.host = needs()
        break
      case '--state':
        options = { ...options, state: JSON.parse(readFileSync(needs(), 'utf8')) }
        break
      case '--access-key': {
        const [id, ...rest] = needs().split(':')
        if (!id || rest.length === 0) return `--access-key takes <id>:<secret>\n${USAGE}`
        accessKeys[id] = rest.join(':')
        break
      }
      case '--token':
        tokens.push(needs())
        break
      case '--no-auth':
        options.auth = false
        break
      case '--progression': {
        const p = needs()
        const progression: ProgressionOption = p === 'immediate' || p === 'manual' ? p : Number(p)
        if (typeof progression === 'number' && !(progression >= 0))
          return `--progression is immediate, manual or a number of ms\n${USAGE}`
        options.progression = progression
        break
      }
      case '--seed':
        options.seed = Number(needs())
        break
      case '--help':
        return USAGE
      default:
        return `unknown option ${flag}\n${USAGE}`
    }
  }
  const credentials: MockCredentials =
    Object.keys(accessKeys).length > 0 || tokens.length > 0 ? { accessKeys, tokens } : DEFAULT_CREDENTIALS
  return { ...options, credentials }
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: StartOptions | string
  try {
    options = parseArgs(argv)
  } catch (error) {
    options = `${(error as Error).message}\n${USAGE}`
  }
  if (typeof options === 'string') {
    console.error(options)
    return argv.includes('--help') ? 0 : 2
  }
  const running = await startMockServer(options)
  // Handlers first, then the line that tells the world it may send them.
  const stopped = new Promise<void>((resolve) => {
    let stopping = false
    const stop = (signal: string) => {
      // Once: Ctrl-C in a terminal reaches this process twice when the command started it as a child.
      if (stopping) return
      stopping = true
      console.log(`zenlayer-mock: ${signal}, stopping`)
      running.close().then(resolve, resolve)
    }
    process.on('SIGINT', () => stop('SIGINT'))
    process.on('SIGTERM', () => stop('SIGTERM'))
  })
  const creds = options.credentials ?? DEFAULT_CREDENTIALS
  if (options.auth === false) console.log('auth: off')
  else
    console.log(
      `auth: access keys ${Object.keys(creds.accessKeys ?? {}).join(', ') || 'none'}; ${creds.tokens?.length ?? 0} token(s)`,
    )
  console.log(`zenlayer-mock listening on ${running.url} (zec /api/v2/zec, vm /api/v2/vm, admin /__admin/)`)
  await stopped
  return 0
}
