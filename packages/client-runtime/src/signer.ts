// The signer of this platform, chosen by package.json "imports": on Node,
// `#default-signer` is default-signer.node.ts (node:crypto); elsewhere
// default-signer.ts (portable), so a browser bundle carries no node:crypto
// code. Re-exported here so that no public type names `#default-signer`.
import { defaultSigner as chosen } from '#default-signer'
import type { Signer } from './sign.js'

/** The signer the client signs with and the mock checks with: node:crypto's on Node, the portable one elsewhere. */
export const defaultSigner: () => Signer = chosen
