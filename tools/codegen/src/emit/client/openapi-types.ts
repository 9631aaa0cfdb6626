// The `paths`/`components`/`operations` types of schema.ts, as
// openapi-typescript prints them. Our own printer (openapi-ts/) reproduces its
// output for the OpenAPI our specs use, in a few milliseconds; on anything it
// does not reproduce exactly it refuses, and openapi-typescript itself runs,
// on a worker thread started only then: importing it (and TypeScript with it)
// takes most of a second, so a run whose documents the printer covers never
// loads it. Output is the same either way (test/openapi-ts.test.ts).
import { createRequire } from 'node:module'
import type { Worker } from 'node:worker_threads'
import { printDocument } from './openapi-ts/index.js'

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const ots = require(workerData.modulePath)
parentPort.on('message', async ({ id, document }) => {
  try {
    const ast = await ots.default(document, { silent: true, defaultNonNullable: false })
    parentPort.postMessage({ id, text: ots.astToString(ast) })
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
`

interface Pending {
  resolve(text: string): void
  reject(error: Error): void
}

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, Pending>()

// node:worker_threads itself is required only when a worker is: most runs start none.
const require = createRequire(import.meta.url)

function start(): Worker {
  if (worker) return worker
  const modulePath = require.resolve('openapi-typescript')
  const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads')
  const w = new WorkerThread(WORKER_SOURCE, { eval: true, workerData: { modulePath } })
  w.on('message', (msg: { id: number; text?: string; error?: string }) => {
    const p = pending.get(msg.id)
    if (!p) return
    pending.delete(msg.id)
    if (msg.error !== undefined) p.reject(new Error(`openapi-typescript: ${msg.error}`))
    else p.resolve(msg.text ?? '')
    if (pending.size === 0) w.unref()
  })
  w.on('error', (error) => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
    worker = undefined
  })
  w.unref()
  worker = w
  return w
}

/** The TypeScript types openapi-typescript gives for a (bundled, self-contained) OpenAPI document. */
export function renderTypes(document: Readonly<Record<string, unknown>>): Promise<string> {
  try {
    return Promise.resolve(printDocument(document))
  } catch {
    // Unsupported (or a slip of the printer): openapi-typescript has the last word.
    return openapiTypescript(document)
  }
}

/** What openapi-typescript itself prints for the document, run on the worker. */
export function openapiTypescript(document: Readonly<Record<string, unknown>>): Promise<string> {
  const w = start()
  const id = nextId++
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject })
    w.ref()
    w.postMessage({ id, document })
  })
}

/** Stops the worker (the process can also simply exit: the worker never holds it open while idle). */
export async function stopTypes(): Promise<void> {
  const w = worker
  worker = undefined
  if (w) await w.terminate()
}
