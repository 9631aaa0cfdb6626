// openapi-typescript, run on a worker thread. Importing it (and TypeScript
// with it) takes most of a second; started first thing, that load runs on the
// second core while the main thread loads the specs and runs the other
// emitters. Output is the same as calling it in-process: the worker only
// moves where the work happens.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

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

function start(): Worker {
  if (worker) return worker
  const modulePath = createRequire(import.meta.url).resolve('openapi-typescript')
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath } })
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

/** Starts loading openapi-typescript now, so that it is ready when the client emitter asks. */
export function warmUpTypes(): void {
  start()
}

/** The TypeScript types openapi-typescript gives for a (bundled, self-contained) OpenAPI document. */
export function renderTypes(document: Readonly<Record<string, unknown>>): Promise<string> {
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
