// `#default-signer` where the platform is not Node (browsers, workers): the
// portable signer (sign.ts), and no node:crypto code in the bundle.
// default-signer.node.ts is the same function on Node (package.json "imports").
import { portableSigner, type Signer } from './sign.js'

/** The signer the client signs with and the mock checks with, on this platform. */
export function defaultSigner(): Signer {
  return portableSigner
}
