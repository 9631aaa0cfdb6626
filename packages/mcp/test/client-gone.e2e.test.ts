// The client goes away in the middle of a fleet, its end of stdin closed or
// its end of stdout: the server sends no new reset once it knows (and no id
// twice), ends by itself within seconds, and says in one line on stderr how
// many ids were sent, not sent and in doubt; no secret, no stack trace. The
// hang-up is done by hand on the server's process (serverProcess), not with
// the SDK's close, which signals the server 2 s later and would hide one
// that does not stop by itself.
import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { type Connected, connect, leaks, SECRET, serverProcess, startWorld, type World } from './harness.js'

/** Ten calls of 100 ids, two at a time: rounds of sends a hang-up can fall between (200 ids would be one round). */
const COUNT = 1000
/** Each call's delay at the mock, set once the person said yes (the plan's status queries stay quick). */
const LATENCY_MS = 2_000
const ids = Array.from({ length: COUNT }, (_, i) => `z-${String(i + 1).padStart(4, '0')}`)

const LINE =
  /^zenlayer-reset-mcp: the client closed the connection \(([^)]+)\); zec_reset_instances stopped: of 1000 instances, (\d+) sent(?: \([^)]*\))?, (\d+) not sent, (\d+) unknown whether applied(?: \([^)]*\))?; stopping$/

let world: World | undefined
let connected: Connected | undefined

afterEach(async () => {
  // Ends the server by signals if a failed test left it running.
  await connected?.close()
  connected = undefined
  await world?.close()
  world = undefined
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(probe: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await sleep(10)
  }
}

type Exit = { code: number | null; signal: NodeJS.Signals | null } | 'still running'

/** How the process ended, or 'still running' after `ms`. */
function exited(child: ChildProcess, ms: number): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), ms)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal })
    })
  })
}

/**
 * A fleet of COUNT ids, confirmed; `hangUp` once the first round's two calls reached the mock (each is then held
 * LATENCY_MS, so the next round is far off). `allowance`: the sends the server may still make after the hang-up,
 * before it can know of it.
 */
async function hangUpMidFleet(hangUp: (child: ChildProcess) => void, allowance: number) {
  world = await startWorld({ zec: { instances: ids.map((instanceId) => ({ instanceId })) } })
  const zec = world.mock.hub.mocks.zec
  if (!zec) throw new Error('no zec mock')
  const resets = () => (world as World).sent.filter((s) => s.action === 'ResetInstances')
  connected = await connect(world, {
    flags: ['--max-instances', String(COUNT)],
    elicit: async () => {
      zec.faults.latency(LATENCY_MS)
      return { action: 'accept', content: { confirm: true } }
    },
  })
  const child = serverProcess(connected)
  const call = connected.client.callTool(
    {
      name: 'zec_reset_instances',
      arguments: { instanceIds: ids, password: SECRET.password, userData: SECRET.userData },
    },
    undefined,
    { onprogress: () => undefined, timeout: 120_000 },
  )
  // No result can come: the client hung up.
  const answered = call.then(
    () => 'answered',
    () => 'no answer',
  )
  await until(() => resets().length >= 2, 30_000)
  const stderrBefore = connected.stderr().length
  hangUp(child)
  const sentAtHangUp = resets().length

  // The server ends by itself (no signal), soon.
  expect(await exited(child, 10_000)).toEqual({ code: 0, signal: null })
  const sentAtExit = resets().length
  await sleep(1_000)
  // Sends stopped: none after the exit, and none after the hang-up beyond what the server could not know of.
  expect(resets().length).toBe(sentAtExit)
  expect(sentAtExit - sentAtHangUp).toBeLessThanOrEqual(allowance)
  expect(await answered).toBe('no answer')

  // Never an id twice; and the ids the mock never saw are exactly the ones the server says it did not send.
  const reached = ids.filter((id) => (world as World).countOf('ResetInstances', id) > 0)
  for (const id of ids) expect((world as World).countOf('ResetInstances', id), id).toBeLessThanOrEqual(1)
  expect(reached.length).toBeGreaterThan(0)
  expect(reached.length).toBeLessThan(COUNT)

  // One line after the hang-up: how the client went, then the fleet's account, adding up to the fleet.
  const said = connected.stderr().slice(stderrBefore).trim().split('\n')
  expect(said).toHaveLength(1)
  const match = LINE.exec(said[0] ?? '')
  expect(match, said[0]).not.toBeNull()
  const [, why, ...numbers] = match as RegExpExecArray
  const [sent, notSent, unknown] = numbers.map(Number) as [number, number, number]
  expect(sent + notSent + unknown).toBe(COUNT)
  // A call cut off may or may not have reached the mock: in doubt, never counted as not sent.
  expect(reached.length).toBeGreaterThanOrEqual(sent)
  expect(reached.length).toBeLessThanOrEqual(sent + unknown)
  const everything = connected.stderr()
  expect(everything).not.toMatch(/\n\s+at |Error:|Unhandled/)
  expect(leaks(everything)).toEqual([])
  return { why, sentAtHangUp, sentAtExit, notSent, reached: reached.length }
}

describe('the client goes away mid-fleet', () => {
  it('stdin closed: nothing more is sent, the server ends with one line of what was sent and not', async () => {
    const { why, sentAtHangUp, sentAtExit, notSent, reached } = await hangUpMidFleet((child) => child.stdin?.end(), 0)
    expect(why).toBe('stdin closed')
    expect(sentAtExit).toBe(sentAtHangUp)
    // The first round had reached the mock before the hang-up: every id not sent is one the mock never saw.
    expect(notSent).toBe(COUNT - reached)
  }, 60_000)

  it('stdout closed (EPIPE at the next write): from then on nothing more is sent, and the same one line', async () => {
    // The server learns of a closed stdout only when it next writes (the first round's answers, as progress): the
    // round those answers let start may already be under way, then cut off.
    const { why } = await hangUpMidFleet((child) => child.stdout?.destroy(), 2)
    expect(why).toBe('EPIPE')
  }, 60_000)

  it('while the person is being asked: nothing is sent, and the one line says so', async () => {
    world = await startWorld({ zec: { instances: [{ instanceId: 'z-1' }, { instanceId: 'z-2' }] } })
    let asked = false
    connected = await connect(world, {
      // The question reaches the person, who is still reading it when the client goes.
      elicit: () => {
        asked = true
        return new Promise(() => undefined)
      },
    })
    const child = serverProcess(connected)
    const answered = connected.client
      .callTool({ name: 'zec_reset_instances', arguments: { instanceIds: ['z-1', 'z-2'], password: SECRET.password } })
      .then(
        () => 'answered',
        () => 'no answer',
      )
    await until(() => asked, 30_000)
    const stderrBefore = connected.stderr().length
    child.stdin?.end()
    expect(await exited(child, 10_000)).toEqual({ code: 0, signal: null })
    await sleep(500)
    expect(world.sent.filter((s) => s.action === 'ResetInstances')).toEqual([])
    expect(connected.stderr().slice(stderrBefore).trim().split('\n')).toEqual([
      'zenlayer-reset-mcp: the client closed the connection (stdin closed); zec_reset_instances: CONFIRMATION_FAILED: the client could not ask the person (no answer in time, or an error): nothing was sent; stopping',
    ])
    expect(await answered).toBe('no answer')
    expect(leaks(connected.stderr())).toEqual([])
  }, 60_000)
})
