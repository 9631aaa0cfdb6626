// Whether a bundle may run in place of the modules it was made from
// (scripts/bundle-cli.mjs): it exists, its list of inputs is readable, and
// every input is either not newer than it or, newer, has the very bytes it
// was bundled from (its SHA-256 in the list). tsc rewrites every output of a
// build, changed or not, so a rebuild of codegen or of a workspace package it
// bundles (another package's tests, `tsc` run by hand) leaves most inputs
// newer with the same text: those keep the bundle. Anything else (no bundle,
// an unreadable list, an input whose bytes changed, a newer input listed
// without its hash) says no, and the caller loads the modules themselves.
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'

/**
 * The bundle's URL when it is fresh, else undefined. `inputs` lists paths relative to the bundle's
 * folder, each a string (compared by time only) or `{ path, sha256 }`.
 */
export function freshBundle(bundle, inputs) {
  try {
    const built = statSync(bundle).mtimeMs
    const list = JSON.parse(readFileSync(inputs, 'utf8'))
    if (!Array.isArray(list) || list.length === 0) return undefined
    for (const input of list) {
      const path = typeof input === 'string' ? input : input?.path
      if (typeof path !== 'string') return undefined
      const file = new URL(path, bundle)
      if ((statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) <= built) continue
      const sha256 = typeof input === 'string' ? undefined : input.sha256
      if (typeof sha256 !== 'string' || createHash('sha256').update(readFileSync(file)).digest('hex') !== sha256)
        return undefined
    }
    return bundle.href
  } catch {
    return undefined
  }
}
