import { manualClock } from '@zenlayer-reset/mock-engine'
import { createZecClient } from '@zenlayer-reset/zec-client'
import { expect, it } from 'vitest'
import { createHub } from '../src/start.js'
import { KEY, WORLD } from './transports.js'

it('adds injected latency through the injectable sleep (no test sleeps)', async () => {
  const waits: number[] = []
  const clock = manualClock()
  const hub = createHub({ clock, state: WORLD, sleep: async (ms) => void waits.push(ms) })
  const zec = createZecClient({
    credentials: KEY,
    fetch: hub.fetch as typeof fetch,
    now: () => Math.floor(clock.now() / 1000),
  })
  hub.mocks.zec?.faults.latency(750)
  await zec.describeInstancesStatus({})
  await zec.describeInstancesStatus({})
  expect(waits).toEqual([750, 750])
  hub.mocks.zec?.faults.clear()
  await zec.describeInstancesStatus({})
  expect(waits).toHaveLength(2)
})

it('keeps the two services apart: zec state is not vm state', async () => {
  const hub = createHub({ state: WORLD })
  expect(hub.mocks.zec?.instance('v-1')).toBeUndefined()
  expect(hub.mocks.vm?.instance('v-1')?.status).toBe('STOPPED')
})
