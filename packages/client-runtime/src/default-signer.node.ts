// `#default-signer` on Node (package.json "imports", condition "node"):
// node:crypto's one-shot hash (crypto-signer.ts), several times faster than
// the portable signer, checked against it once, on first use. node:crypto is
// asked for then, not imported: a program that never signs (the command
// line's --help) does not pay for loading it.
import { type CryptoFunctions, checkedCryptoSigner } from './crypto-signer.js'
import type { Signer } from './sign.js'

/** What lends node's built-in modules without an import (Node 20.16+, Deno, Bun). */
type Builtins = { getBuiltinModule?: (id: string) => unknown } | undefined

let chosen: Signer | undefined

/** The signer the client signs with and the mock checks with, on this platform. */
export function defaultSigner(): Signer {
  if (chosen === undefined) {
    const platform = (globalThis as { process?: Builtins }).process
    const lend = (id: string) =>
      (typeof platform?.getBuiltinModule === 'function' ? platform.getBuiltinModule(id) : undefined) as
        | Partial<CryptoFunctions>
        | undefined
    // Without it, checkedCryptoSigner gives the portable signer.
    chosen = checkedCryptoSigner({ hash: lend('node:crypto')?.hash, Buffer: lend('node:buffer')?.Buffer })
  }
  return chosen
}
