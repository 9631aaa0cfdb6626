import { createServer } from 'node:net'
import { inspect } from 'node:util'
import { type ClientLogEvent, NetworkError } from '@zenlayer-reset/client-runtime'
import { createVmClient } from '@zenlayer-reset/vm-client'
import * as vmValidator from '@zenlayer-reset/vm-validator'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { describe, expect, it } from 'vitest'
import { type Answer, apiError, envelope, fakeServer, fakeTime, hang, refused, reset } from './fake-server.js'

// Every secret a test uses, and every way it could leak: log events, error
// messages, stacks, JSON.stringify and util.inspect of errors.
const SECRETS = {
  accessKeySecret: 'sk-LEAK-CANARY-7f3a',
  token: 'tok-LEAK-CANARY-91bc',
  password: 'Leak+Canary9',
  userData: '#!/bin/sh echo LEAK-CANARY-userdata',
  initScript: '#!/bin/sh echo LEAK-CANARY-initscript',
}
const CANARIES = [...Object.values(SECRETS), 'LEAK-CANARY']

function expectNoSecret(text: string, where: string): void {
  for (const secret of CANARIES) expect(text.includes(secret), `${where} holds ${secret}`).toBe(false)
}

function expectErrorClean(error: unknown): void {
  const e = error as Error
  expectNoSecret(String(e.message), 'message')
  expectNoSecret(String(e.stack), 'stack')
  expectNoSecret(JSON.stringify(e), 'JSON.stringify')
  expectNoSecret(inspect(e, { depth: 10, showHidden: true }), 'util.inspect')
}

async function run(answers: Answer[], call: 'zec' | 'vm' | 'vm-token', extra: Record<string, unknown> = {}) {
  const server = fakeServer(answers)
  const time = fakeTime()
  const logs: ClientLogEvent[] = []
  const { input: extraInput, ...config } = extra as { input?: Record<string, unknown> }
  const common = {
    fetch: server.fetch,
    sleep: time.sleep,
    logger: (e: ClientLogEvent) => logs.push(e),
    attemptTimeoutMs: 20,
    ...config,
  }
  let error: unknown
  try {
    if (call === 'zec') {
      await createZecClient({
        credentials: { accessKeyId: 'AKID', accessKeySecret: SECRETS.accessKeySecret },
        ...common,
      }).resetInstances({
        instanceIds: ['a', 'b'],
        password: SECRETS.password,
        userData: SECRETS.userData,
      })
    } else {
      const credentials =
        call === 'vm' ? { accessKeyId: 'AKID', accessKeySecret: SECRETS.accessKeySecret } : { token: SECRETS.token }
      await createVmClient({ credentials, ...common }).resetInstance({
        instanceId: 'i-1',
        password: SECRETS.password,
        initScript: SECRETS.initScript,
        ...extraInput,
      })
    }
  } catch (e) {
    error = e
  }
  return { logs, error, server }
}

describe('no secret leaves the client in a log line or an error', () => {
  const scenarios: {
    name: string
    answers: Answer[]
    call: 'zec' | 'vm' | 'vm-token'
    extra?: Record<string, unknown>
  }[] = [
    { name: 'a successful signed reset', answers: [envelope({ instanceIds: ['b'] })], call: 'zec' },
    { name: 'a successful token reset', answers: [envelope()], call: 'vm-token' },
    {
      name: 'an API error after a retry',
      answers: [apiError(429, 'REQUEST_LIMIT_EXCEEDED'), apiError(400, 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED')],
      call: 'vm',
    },
    {
      name: 'an edge challenge',
      answers: [new Response('<html/>', { status: 403, headers: { 'cf-mitigated': 'challenge' } })],
      call: 'zec',
    },
    { name: 'a dropped connection', answers: [reset()], call: 'vm-token' },
    { name: 'a refused connection, retried', answers: [refused(), refused(), refused(), refused()], call: 'zec' },
    { name: 'a timeout', answers: [hang], call: 'vm' },
    {
      name: 'an invalid input (validation on): a secret breaking its own rule',
      answers: [],
      call: 'vm',
      extra: { validator: vmValidator, input: { password: `${SECRETS.password}${'x'.repeat(20)}`, keyId: 'k' } },
    },
  ]
  it.each(scenarios)('$name', async ({ answers, call, extra }) => {
    const { logs, error, server } = await run(answers, call, extra ?? {})
    if (extra?.validator) {
      expect(error).toMatchObject({ name: 'InvalidInputError' })
      expect(server.requests).toHaveLength(0)
    }
    for (const event of logs) expectNoSecret(JSON.stringify(event), `${event.type} log event`)
    if (error !== undefined) expectErrorClean(error)
  })

  it('still logs what matters, masked', async () => {
    const { logs, server } = await run([envelope({ instanceIds: ['b'] })], 'zec')
    const request = logs.find((e) => e.type === 'request')
    expect(request).toMatchObject({
      type: 'request',
      action: 'ResetInstances',
      url: 'https://console.zenlayer.com/api/v2/zec',
    })
    expect(request?.type === 'request' && request.body).toEqual({
      instanceIds: ['a', 'b'],
      password: '***',
      userData: '***',
    })
    expect(request?.type === 'request' && request.headers.authorization).toBe('***')
    expect(logs.find((e) => e.type === 'response')).toMatchObject({
      status: 200,
      body: { response: { instanceIds: ['b'] } },
    })
    // The real request did carry them: masking is in the log only.
    expect(server.requests[0]?.body).toContain(SECRETS.password)
  })

  it('logs each retry with its reason and delay', async () => {
    const { logs } = await run([apiError(429, 'REQUEST_LIMIT_EXCEEDED'), envelope()], 'vm')
    expect(logs.filter((e) => e.type === 'retry')).toEqual([
      expect.objectContaining({
        type: 'retry',
        action: 'ResetInstance',
        attempt: 1,
        reason: 'rate-limited',
        code: 'REQUEST_LIMIT_EXCEEDED',
      }),
    ])
  })
})

describe('a real refused connection on loopback', () => {
  it('is a NetworkError that provably never sent, and is retried', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number }
        probe.close(() => resolve(port))
      })
    })
    const time = fakeTime()
    const zec = createZecClient({
      credentials: { token: SECRETS.token },
      baseUrl: `http://127.0.0.1:${port}`,
      sleep: time.sleep,
    })
    let error: unknown
    try {
      await zec.resetInstances({ instanceIds: ['a'], password: SECRETS.password })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ neverSent: true })
    expect(time.sleeps).toHaveLength(3)
    expectErrorClean(error)
  })
})
