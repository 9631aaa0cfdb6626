// Mock packages: validation cases sent over HTTP get the same verdict and code;
// every scenario passes in process, over HTTP and through MSW handlers.
import { createMockHub, type MockOptions, manualClock, type ServiceMock } from '@zenlayer-reset/mock-engine'
import { mswHandlers } from '@zenlayer-reset/mock-engine/msw'
import { serve } from '@zenlayer-reset/mock-engine/node'
import { setupServer } from 'msw/node'
import { describe, expect, it } from 'vitest'
import { genericValidationCodes, loadCases, type Scenario } from './cases.js'
import { type Sender, sender } from './wire-client.js'

export type CreateMock = (options: MockOptions) => ServiceMock

interface Opened {
  readonly sender: Sender
  close(): Promise<void>
}
type Transport = { readonly name: string; open(mock: ServiceMock, nowSeconds: () => number): Promise<Opened> }

const versionOf = (mock: ServiceMock) => (action: string) =>
  mock.service.operations[action]?.version ?? mock.service.version

export const TRANSPORTS: readonly Transport[] = [
  {
    name: 'in process',
    async open(mock, nowSeconds) {
      const fetch = (url: string, init: RequestInit) => mock.fetch(url, init)
      return {
        sender: sender({
          baseUrl: 'https://console.zenlayer.com',
          path: mock.service.path,
          version: versionOf(mock),
          fetch,
          nowSeconds,
        }),
        close: async () => {},
      }
    },
  },
  {
    name: 'over HTTP',
    async open(mock, nowSeconds) {
      const running = await serve(createMockHub([mock]), { port: 0 })
      return {
        sender: sender({
          baseUrl: running.url,
          path: mock.service.path,
          version: versionOf(mock),
          fetch: (u, i) => fetch(u, i),
          nowSeconds,
        }),
        close: () => running.close(),
      }
    },
  },
  {
    name: 'through MSW',
    async open(mock, nowSeconds) {
      const baseUrl = 'https://contract.zenlayer.invalid'
      // Through a hub of this one mock: its handlers also answer other /api/v2/ paths, as the API does.
      const server = setupServer(...mswHandlers(createMockHub([mock]), { baseUrl }))
      server.listen({ onUnhandledRequest: 'error' })
      return {
        sender: sender({
          baseUrl,
          path: mock.service.path,
          version: versionOf(mock),
          fetch: (u, i) => fetch(u, i),
          nowSeconds,
        }),
        close: async () => server.close(),
      }
    },
  },
]

async function runScenario(scenario: Scenario, createMock: CreateMock, transport: Transport): Promise<void> {
  const clock = manualClock()
  const mock = createMock({
    clock,
    seed: scenario.seed ?? 1,
    progression: scenario.progression ?? 'manual',
    state: scenario.state as MockOptions['state'] & object,
  })
  const opened = await transport.open(mock, () => Math.floor(clock.now() / 1000))
  try {
    for (const [i, step] of scenario.steps.entries()) {
      const where = `step ${i + 1}`
      if ('call' in step) {
        const reply = await opened.sender.send(step.call, step.input)
        expect(reply.status, `${where}: status of ${step.call}`).toBe(step.expect.status)
        if (step.expect.code !== undefined) expect(reply.body?.code, `${where}: code`).toBe(step.expect.code)
        if (step.expect.response !== undefined)
          expect(reply.body?.response, `${where}: response`).toMatchObject(step.expect.response)
      } else if ('advance' in step) {
        if (step.advance) mock.advance()
      } else if ('clock' in step) {
        clock.advance(step.clock)
      } else if ('fault' in step) {
        const f = step.fault
        if (Array.isArray(f.failNextReset)) mock.faults.failNextReset(...f.failNextReset.map(String))
        if (f.rateLimitEvery !== undefined) mock.faults.rateLimit(Number(f.rateLimitEvery))
        if (f.latencyMs !== undefined) mock.faults.latency(Number(f.latencyMs))
        if (f.edgeChallenges !== undefined) mock.faults.edgeChallenge(Number(f.edgeChallenges))
      } else if ('raw' in step) {
        const reply = await opened.sender.raw(step.raw, Object.keys(mock.service.operations)[0] ?? '')
        expect(reply.status, `${where}: status of a raw request`).toBe(step.expect.status)
        if (step.expect.code !== undefined) expect(reply.body?.code, `${where}: code`).toBe(step.expect.code)
        expect(reply.body, `${where}: the envelope`).toEqual({
          requestId: expect.any(String),
          code: expect.any(String),
          message: expect.any(String),
        })
      } else {
        for (const [id, status] of Object.entries(step.statuses))
          expect(mock.instance(id)?.status, `${where}: status of ${id}`).toBe(status)
      }
    }
  } finally {
    await opened.close()
  }
}

export function mockSuite(options: {
  service: string
  casesDir: string
  /** The bundled spec: its generic validation codes (x-zc-role). */
  bundled: unknown
  createMock: CreateMock
}): void {
  const { validation, scenarios } = loadCases(options.casesDir, options.service)
  const validationCodes = new Set([
    ...genericValidationCodes(options.bundled),
    ...validation.flatMap((c) => (c.code ? [c.code] : [])),
  ])

  describe(`contract: ${options.service} mock, validation cases over HTTP`, () => {
    const http = TRANSPORTS[1] as Transport
    it.each(validation)('$action $id', async (c) => {
      const clock = manualClock()
      const mock = options.createMock({ clock })
      const opened = await http.open(mock, () => Math.floor(clock.now() / 1000))
      try {
        const reply = await opened.sender.send(c.action, c.input)
        if (c.valid) {
          expect(
            validationCodes.has(String(reply.body?.code)),
            `a valid input was refused with ${String(reply.body?.code)}`,
          ).toBe(false)
          expect(reply.status).not.toBe(401)
        } else {
          expect(reply.body?.code).toBe(c.code)
          expect(reply.status).toBe(mock.service.operations[c.action]?.errors[c.code ?? ''] ?? 400)
        }
      } finally {
        await opened.close()
      }
    })
  })

  for (const transport of TRANSPORTS) {
    describe(`contract: ${options.service} mock scenarios ${transport.name}`, () => {
      it.each(scenarios)('$id: $description', (scenario) => runScenario(scenario, options.createMock, transport))
    })
  }
}
