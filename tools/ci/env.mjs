// The environment every script of this folder runs tools in: the repo's own
// bin folder first (turbo must find the pinned pnpm, not a global one), and
// no usage data sent anywhere.
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const bin = (name) => join(root, 'node_modules', '.bin', name)
export const env = {
  ...process.env,
  PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  REDOCLY_TELEMETRY: 'off',
}
