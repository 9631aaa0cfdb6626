// The client reads the validator package's one table (validators, keyed by
// action); a package for another service, or anything else, is refused when
// the client is created, not at the first call.
import { ConfigError } from '@zenlayer-reset/client-runtime'
import * as vmValidator from '@zenlayer-reset/vm-validator'
import { createZecClient } from '@zenlayer-reset/zec-client'
import * as zecValidator from '@zenlayer-reset/zec-validator'
import { describe, expect, it } from 'vitest'

const credentials = { token: 't' }

describe('the validator option', () => {
  it("takes the service's own validator package", () => {
    expect(() => createZecClient({ credentials, validator: zecValidator })).not.toThrow()
    expect(zecValidator.validators.service).toBe('zec')
    expect(Object.keys(zecValidator.validators.actions).sort()).toEqual([
      'DescribeInstancesStatus',
      'ResetInstance',
      'ResetInstances',
    ])
  })

  it("refuses another service's package when the client is created", () => {
    const create = () => createZecClient({ credentials, validator: vmValidator as unknown as typeof zecValidator })
    expect(create).toThrow(ConfigError)
    expect(create).toThrow(/validator.*checks vm requests; this client calls zec/)
  })

  it.each([[{ foo: 1 }], [null], [{ validators: { service: 'zec' } }], ['zec']])('refuses %j', (validator) => {
    expect(() => createZecClient({ credentials, validator: validator as unknown as typeof zecValidator })).toThrow(
      ConfigError,
    )
  })

  it('an invalid input never reaches the network', async () => {
    let sent = 0
    const zec = createZecClient({
      credentials,
      validator: zecValidator,
      retry: false,
      fetch: async () => {
        sent += 1
        return new Response('{}')
      },
    })
    await expect(zec.resetInstances({ instanceIds: [] })).rejects.toMatchObject({
      code: 'INVALID_PARAMETER_VALUE_INSTANCE_IDS_MALFORMED',
    })
    expect(sent).toBe(0)
  })
})
