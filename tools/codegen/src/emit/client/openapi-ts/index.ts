// openapi-typescript's output, printed without loading it (or TypeScript):
// see document.ts. Unsupported means "ask openapi-typescript".
export { printDocument } from './document.js'
export { Unsupported } from './unsupported.js'
