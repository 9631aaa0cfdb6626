// `#default-signer` on Node (package.json "imports", condition "node"):
// node:crypto's one-shot hash (crypto-signer.ts), several times faster than
// the portable signer, checked against it once, on first use.
import { Buffer } from 'node:buffer'
// A namespace: a runtime whose node:crypto lacks `hash` gets the portable signer, not a link error.
import * as crypto from 'node:crypto'
import { checkedCryptoSigner } from './crypto-signer.js'
import type { Signer } from './sign.js'

let chosen: Signer | undefined

/** The signer the client signs with and the mock checks with, on this platform. */
export function defaultSigner(): Signer {
  chosen ??= checkedCryptoSigner({ hash: (crypto as Partial<typeof crypto>).hash, Buffer })
  return chosen
}
