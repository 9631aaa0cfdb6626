// Whether a bundle may run in place of the modules it was made from
// (scripts/bundle-cli.mjs): it exists, its list of inputs is readable, and no
// input is newer than it. Anything else (no bundle, an unreadable list, an
// input rebuilt since) says no, and the caller loads the modules themselves.
import { readFileSync, statSync } from 'node:fs'

/** The bundle's URL when it is fresh, else undefined. `inputs` lists paths relative to the bundle's folder. */
export function freshBundle(bundle, inputs) {
  try {
    const built = statSync(bundle).mtimeMs
    const list = JSON.parse(readFileSync(inputs, 'utf8'))
    if (!Array.isArray(list) || list.length === 0) return undefined
    const stale = list.some(
      (input) => (statSync(new URL(input, bundle), { throwIfNoEntry: false })?.mtimeMs ?? 0) > built,
    )
    return stale ? undefined : bundle.href
  } catch {
    return undefined
  }
}
