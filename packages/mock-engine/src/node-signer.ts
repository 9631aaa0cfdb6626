// The ZC2-HMAC-SHA256 signature on node:crypto (crypto-signer.ts), for the
// mock's HTTP server: imported, where defaultSigner() asks the platform.
import { Buffer } from 'node:buffer'
import { hash } from 'node:crypto'
import type { Signer } from './auth.js'
import { cryptoSigner } from './crypto-signer.js'

export const nodeSigner: Signer = cryptoSigner({ hash, Buffer })
