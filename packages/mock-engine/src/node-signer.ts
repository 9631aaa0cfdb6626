// The ZC2-HMAC-SHA256 signature on node:crypto (client-runtime's
// crypto-signer.ts), for the mock's HTTP server, named: defaultSigner() is the
// same on Node (and the portable signer in a browser bundle).
import { Buffer } from 'node:buffer'
import { hash } from 'node:crypto'
import { cryptoSigner, type Signer } from '@zenlayer-reset/client-runtime'

export const nodeSigner: Signer = cryptoSigner({ hash, Buffer })
