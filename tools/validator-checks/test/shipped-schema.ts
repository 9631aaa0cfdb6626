import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The JSON Schema a validator package ships (json-schema/<Action>.<request|reply>.json). */
export function schemaOf(
  service: 'zec' | 'vm' | 'bmc',
  action: string,
  which: 'request' | 'reply',
): Record<string, unknown> {
  const pkg = dirname(require.resolve(`@zenlayer-reset/${service}-validator/package.json`))
  return JSON.parse(readFileSync(join(pkg, 'json-schema', `${action}.${which}.json`), 'utf8'))
}
