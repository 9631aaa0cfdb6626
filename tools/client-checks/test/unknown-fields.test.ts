// Issue 26, item 18: a field the action's spec does not know is never shown
// in clear, whatever its name: `userData` sent to vm's ResetInstance (which
// has no such field; zec's reset does, and masks it) with no validator to
// refuse it, or a typo of a secret's name.
import { inspect } from 'node:util'
import type { ClientLogEvent } from '@zenlayer-reset/client-runtime'
import { createVmClient } from '@zenlayer-reset/vm-client'
import { describe, expect, it } from 'vitest'
import { apiError, envelope, failure, fakeServer } from './fake-server.js'

const USER_DATA = 'VM-USERDATA-CANARY-3c1f'
const TYPO = 'PASSWRD-CANARY-77ad'

/** vm's reset input with two fields its spec does not know. */
const input = { instanceId: 'inst-1', imageId: 'img-1', userData: USER_DATA, passwrd: TYPO } as never

describe('fields the spec does not know, without a validator', () => {
  it('are masked in the log events of the request and of a reply that echoes them', async () => {
    const events: ClientLogEvent[] = []
    const server = fakeServer(
      (request) => async () => envelope({ echo: await request.text(), userData: USER_DATA, passwrd: TYPO }),
    )
    const vm = createVmClient({
      credentials: { token: 'mock-token' },
      fetch: server.fetch,
      logger: (e) => events.push(e),
    })
    const result = await vm.resetInstance(input)
    // They were sent as given: the client masks what it shows, not what it sends.
    expect(server.requests[0]?.body).toContain(USER_DATA)
    const shown = JSON.stringify(events) + inspect(result, { depth: 10 })
    expect(shown).not.toContain(USER_DATA)
    expect(shown).not.toContain(TYPO)
    // Known fields stay readable.
    expect(JSON.stringify(events)).toContain('img-1')
  })

  it('are masked in an error that echoes them', async () => {
    const server = fakeServer((request) => async () => {
      const response = apiError(400, 'INVALID_PARAMETER')
      const body = JSON.parse(await response.text()) as Record<string, unknown>
      return new Response(JSON.stringify({ ...body, message: `bad request: ${await request.text()}` }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      })
    })
    const vm = createVmClient({ credentials: { token: 'mock-token' }, fetch: server.fetch, retry: false })
    const error = await failure(vm.resetInstance(input))
    const shown = `${String(error)} ${inspect(error, { depth: 10, showHidden: true })} ${JSON.stringify(error)}`
    expect(shown).not.toContain(USER_DATA)
    expect(shown).not.toContain(TYPO)
  })
})
