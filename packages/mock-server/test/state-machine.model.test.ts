import { sender } from '@zenlayer-reset/contract'
import { manualClock, type ServiceMock } from '@zenlayer-reset/mock-engine'
import { createVmMock } from '@zenlayer-reset/vm-mock'
import { createZecMock } from '@zenlayer-reset/zec-mock'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// Model-based tests of each service's state machine (fast-check commands):
// a tiny model of what the specs say, run against the mock through its wire
// protocol. Any sequence of resets, advances, failures and status queries
// must leave the mock where the model says.
const IDS = ['i-0', 'i-1', 'i-2', 'i-3', 'i-4']

interface Model {
  status: Map<string, string>
  inFlight: Set<string>
  /** failNextReset given, waiting for the instance's next reset. */
  failNext: Set<string>
  /** Resets in flight that will fail (the fault is taken when the reset starts). */
  willFail: Set<string>
}

interface Real {
  mock: ServiceMock
  send(action: string, input: unknown): Promise<{ status: number; body: Record<string, unknown> | undefined }>
}

function realFor(create: typeof createZecMock, initial: Map<string, string>): Real {
  const clock = manualClock()
  const mock = create({
    clock,
    progression: 'manual',
    state: { instances: [...initial].map(([instanceId, status]) => ({ instanceId, status })) },
  })
  const s = sender({
    baseUrl: 'https://console.zenlayer.com',
    path: mock.service.path,
    version: () => mock.service.version,
    fetch: (url, init) => mock.fetch(url, init),
    nowSeconds: () => Math.floor(clock.now() / 1000),
  })
  return { mock, send: (a, i) => s.send(a, i) }
}

const describeCommand = (statusField = 'instanceStatus') =>
  fc.subarray(IDS.concat('ghost'), { minLength: 1 }).map(
    (ids) =>
      ({
        check: () => true,
        async run(m: Model, r: Real) {
          const reply = await r.send('DescribeInstancesStatus', { instanceIds: ids })
          expect(reply.status).toBe(200)
          const seen = Object.fromEntries(
            ((reply.body?.response as { dataSet?: Record<string, string>[] } | undefined)?.dataSet ?? []).map((d) => [
              d.instanceId,
              d[statusField],
            ]),
          )
          expect(seen).toEqual(
            Object.fromEntries(ids.filter((id) => m.status.has(id)).map((id) => [id, m.status.get(id)])),
          )
        },
        toString: () => `describe(${ids.join(',')})`,
      }) satisfies fc.AsyncCommand<Model, Real>,
  )

const advanceCommand = (failure: string) =>
  fc.constant({
    check: () => true,
    async run(m: Model, r: Real) {
      r.mock.advance()
      for (const id of m.inFlight) m.status.set(id, m.willFail.delete(id) ? failure : 'RUNNING')
      m.inFlight.clear()
      for (const id of IDS) expect(r.mock.instance(id)?.status).toBe(m.status.get(id))
    },
    toString: () => 'advance()',
  } satisfies fc.AsyncCommand<Model, Real>)

const failNextCommand = fc.constantFrom(...IDS).map(
  (id) =>
    ({
      check: () => true,
      async run(m: Model, r: Real) {
        r.mock.faults.failNextReset(id)
        m.failNext.add(id)
      },
      toString: () => `failNextReset(${id})`,
    }) satisfies fc.AsyncCommand<Model, Real>,
)

const freshModel = (initial: Map<string, string>): Model => ({
  status: new Map(initial),
  inFlight: new Set<string>(),
  failNext: new Set<string>(),
  willFail: new Set<string>(),
})

const initialStatuses = fc
  .tuple(...IDS.map(() => fc.constantFrom('STOPPED', 'STOPPED', 'RUNNING')))
  .map((list) => new Map(IDS.map((id, i) => [id, list[i] as string])))

describe('zec ResetInstances state machine', () => {
  const reset = fc.subarray(IDS.concat('ghost'), { minLength: 1 }).map(
    (ids) =>
      ({
        check: () => true,
        async run(m: Model, r: Real) {
          const reply = await r.send('ResetInstances', { instanceIds: ids })
          expect(reply.status).toBe(200)
          const accepted = ids.filter((id) => m.status.get(id) === 'STOPPED' && !m.inFlight.has(id))
          const failed = ids.filter((id) => !accepted.includes(id))
          expect((reply.body?.response as { instanceIds?: string[] } | undefined)?.instanceIds ?? []).toEqual(failed)
          for (const id of accepted) {
            m.status.set(id, 'DEPLOYING')
            m.inFlight.add(id)
            if (m.failNext.delete(id)) m.willFail.add(id)
          }
        },
        toString: () => `resetInstances(${ids.join(',')})`,
      }) satisfies fc.AsyncCommand<Model, Real>,
  )
  it('follows the model over 300 random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        initialStatuses,
        fc.commands([reset, advanceCommand('REINSTALL_FAILED'), failNextCommand, describeCommand()], {
          maxCommands: 25,
        }),
        (initial, commands) =>
          fc.asyncModelRun(
            () => ({
              model: freshModel(initial),
              real: realFor(createZecMock, initial),
            }),
            commands,
          ),
      ),
      { numRuns: 300, seed: 5 },
    )
  })
})

describe('vm ResetInstance state machine', () => {
  const reset = fc.constantFrom(...IDS, 'ghost').map(
    (id) =>
      ({
        check: () => true,
        async run(m: Model, r: Real) {
          const reply = await r.send('ResetInstance', { instanceId: id })
          if (!m.status.has(id)) {
            expect([reply.status, reply.body?.code]).toEqual([404, 'INVALID_INSTANCE_NOT_FOUND'])
          } else if (m.status.get(id) !== 'STOPPED' || m.inFlight.has(id)) {
            expect([reply.status, reply.body?.code]).toEqual([403, 'OPERATION_DENIED_INSTANCE_NOT_STOPPED'])
          } else {
            expect(reply.status).toBe(200)
            m.status.set(id, 'REBUILDING')
            m.inFlight.add(id)
            if (m.failNext.delete(id)) m.willFail.add(id)
          }
        },
        toString: () => `resetInstance(${id})`,
      }) satisfies fc.AsyncCommand<Model, Real>,
  )
  it('follows the model over 300 random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        initialStatuses,
        fc.commands([reset, advanceCommand('STOPPED'), failNextCommand, describeCommand()], { maxCommands: 25 }),
        (initial, commands) =>
          fc.asyncModelRun(
            () => ({
              model: freshModel(initial),
              real: realFor(createVmMock as typeof createZecMock, initial),
            }),
            commands,
          ),
      ),
      { numRuns: 300, seed: 6 },
    )
  })
})
