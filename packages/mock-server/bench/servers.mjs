// Child process: one of the two servers under test, on a free loopback port.
//   node servers.mjs mock <instances>   the zenlayer mock, both services, auth on
//   node servers.mjs bare               node:http answering a fixed body
// Messages from the parent: 'cpu' -> { cpu: process.cpuUsage() }; 'exit' ends the
// process normally (so that --cpu-prof can write its profile); { reseed: n } gives
// the zec mock n fresh stopped instances (bench-0 ... bench-n-1), forgetting the others.
import { createServer } from 'node:http'
import { startMockServer } from '../dist/index.js'

const [kind, count] = process.argv.slice(2)
let running
process.on('message', (message) => {
  if (message === 'exit') process.exit(0)
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() })
  if (message?.reseed !== undefined) {
    const instances = Array.from({ length: message.reseed }, (_, i) => ({ instanceId: `bench-${i}` }))
    running?.hub.mocks.zec?.reset({ instances })
    // The previous state is garbage now: collect it here, not during the next slice.
    globalThis.gc?.()
    process.send?.({ reseeded: message.reseed })
  }
})
if (kind === 'mock') {
  const instances = Array.from({ length: Number(count) }, (_, i) => ({ instanceId: `bench-${i}` }))
  running = await startMockServer({ port: 0, state: { zec: { instances } }, progression: 'immediate' })
  process.send?.({ url: running.url })
} else {
  const body = JSON.stringify({
    requestId: 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9',
    response: { requestId: 'T0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9' },
  })
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
    })
  })
  server.keepAliveTimeout = 60_000
  server.listen(0, '127.0.0.1', () => process.send?.({ url: `http://127.0.0.1:${server.address().port}` }))
}
