// Defaults a user expects: credentials from the environment variables the spec
// names when none are given, and a logger that may be a console-like object.
import { ConfigError, createZecClient, fromEnv, MissingCredentialsError } from '@zenlayer-reset/zec-client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { envelope, fakeServer } from './fake-server.js'

const ENV = { id: 'ZENLAYERCLOUD_SECRET_KEY_ID', secret: 'ZENLAYERCLOUD_SECRET_KEY_PASSWORD' }

describe('credentials default to the environment', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('a client given none signs with the access key in the environment, read at the call', async () => {
    const server = fakeServer([envelope()])
    const zec = createZecClient({ fetch: server.fetch, retry: false })
    vi.stubEnv(ENV.id, 'AKID-from-env')
    vi.stubEnv(ENV.secret, 'secret-from-env')
    await zec.describeInstancesStatus({})
    expect(server.requests[0]?.headers.authorization).toMatch(/^ZC2-HMAC-SHA256 Credential=AKID-from-env, /)
    expect(JSON.stringify(server.requests)).not.toContain('secret-from-env')
  })

  it('without them, the call fails naming the variables, and nothing is sent', async () => {
    vi.stubEnv(ENV.id, '')
    vi.stubEnv(ENV.secret, '')
    const server = fakeServer([envelope()])
    const zec = createZecClient({ fetch: server.fetch, retry: false })
    const error = await zec.describeInstancesStatus({}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MissingCredentialsError)
    expect((error as Error).message).toContain(`${ENV.id} and ${ENV.secret}`)
    expect(server.requests).toHaveLength(0)
  })

  it('fromEnv() reads the same variables from a given environment', () => {
    expect(fromEnv({ [ENV.id]: 'a', [ENV.secret]: 'b' })()).toEqual({ accessKeyId: 'a', accessKeySecret: 'b' })
    expect(() => fromEnv({})()).toThrow(MissingCredentialsError)
  })
})

describe('a console-like logger', () => {
  const calls = () => {
    const seen: { method: string; line: string; type: string }[] = []
    const record = (method: string) => (line: unknown, event: unknown) =>
      seen.push({ method, line: String(line), type: (event as { type: string }).type })
    return { seen, record }
  }

  it('gets requests and responses on debug and retries on warn, masked', async () => {
    const { seen, record } = calls()
    const server = fakeServer([new Response('', { status: 429 }), envelope()])
    const zec = createZecClient({
      credentials: { token: 'token-not-in-logs' },
      fetch: server.fetch,
      sleep: async () => {},
      logger: { debug: record('debug'), warn: record('warn') },
    })
    await zec.describeInstancesStatus({})
    expect(seen.map((s) => `${s.method} ${s.type}`)).toEqual([
      'debug request',
      'debug response',
      'warn retry',
      'debug request',
      'debug response',
    ])
    expect(seen[0]?.line).toBe(
      'zenlayer zec DescribeInstancesStatus: request to https://console.zenlayer.com/api/v2/zec',
    )
    expect(JSON.stringify(seen)).not.toContain('token-not-in-logs')
  })

  it('falls back to log, is called as a method, and refuses what is no logger', async () => {
    const server = fakeServer([envelope()])
    const target = {
      lines: [] as string[],
      log(line: string) {
        this.lines.push(line)
      },
    }
    const zec = createZecClient({ credentials: { token: 't' }, fetch: server.fetch, logger: target })
    await zec.describeInstancesStatus({})
    expect(target.lines).toHaveLength(2)
    expect(() => createZecClient({ logger: {} as never })).toThrow(ConfigError)
    expect(() => createZecClient({ logger: 'console' as never })).toThrow(/logger/)
  })
})
