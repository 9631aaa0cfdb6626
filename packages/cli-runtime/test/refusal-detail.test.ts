// How a refused id's reason (resetFleet's: the server's sentence) shows in the table and the JSON.
import { type FleetResult, oneLine } from '@zenlayer-reset/client-runtime'
import { describe, expect, it } from 'vitest'
import { MAX_WHY, renderFleet } from '../src/output.js'

const SENTENCE = 'WipeThings refused for t-2: the thing is BUSY. (Rule R7: a wipe needs IDLE)'

function fleet(outcomes: FleetResult['outcomes']): FleetResult {
  return {
    outcomes,
    totals: { invalid: 0, refused: 0, unknown: 0, reset: 0, failed: 0, pending: 0, accepted: 0, 'not-sent': 0 },
    requests: { resets: 1, polls: 0 },
    elapsedMs: 5,
  }
}

describe('the DETAIL of a refused id', () => {
  const requestId = 'T5BC7F84F-5692-4F25-A077-F97A96938D83'
  const report = (reason: string) => ({
    service: 'demo',
    action: 'WipeThings',
    interrupted: false,
    waited: true,
    result: fleet({ 't-1': { outcome: 'refused', code: 'THING_BUSY', requestId, reason } }),
  })
  const detailOf = (text: string) => (text.split('\n')[1] as string).replace(/^t-1 +refused +/, '')

  it("is the code, the server's sentence and the request id; the JSON has the sentence too", () => {
    expect(detailOf(renderFleet(report(SENTENCE), 'table'))).toBe(`THING_BUSY; ${SENTENCE}; ${requestId}`)
    expect(JSON.parse(renderFleet(report(SENTENCE), 'json')).outcomes['t-1']).toEqual({
      outcome: 'refused',
      code: 'THING_BUSY',
      requestId,
      reason: SENTENCE,
    })
  })

  it('clips the sentence, never the code or the request id: to the terminal line, or to a sane width', () => {
    const long = `${SENTENCE} ${'and more '.repeat(30)}`
    const narrow = renderFleet(report(long), 'table', 110)
    const line = narrow.split('\n')[1] as string
    expect(line).toHaveLength(110)
    expect(detailOf(narrow)).toMatch(new RegExp(`^THING_BUSY; WipeThings refused for t-2: .*\\.\\.\\.; ${requestId}$`))
    // No terminal width (a table piped to a file): the sentence at most MAX_WHY characters.
    expect(detailOf(renderFleet(report(long), 'table'))).toBe(
      `THING_BUSY; ${long.slice(0, MAX_WHY - 3)}...; ${requestId}`,
    )
    // Too narrow for a sentence beside the code and the request id: the line wraps anyway, so no starving it.
    expect(detailOf(renderFleet(report(long), 'table', 100))).toBe(
      `THING_BUSY; ${long.slice(0, MAX_WHY - 3)}...; ${requestId}`,
    )
    // Just wide enough: at least 32 characters of it, the line fitting.
    const tight = renderFleet(report(long), 'table', 27 + 51 + 32)
    expect(detailOf(tight)).toBe(`THING_BUSY; ${long.slice(0, 29)}...; ${requestId}`)
    expect(tight.split('\n')[1]).toHaveLength(27 + 51 + 32)
    // The JSON has it whole.
    expect(JSON.parse(renderFleet(report(long), 'json')).outcomes['t-1'].reason).toBe(long)
  })

  it('prints no control character the server sent (an escape sequence would act on the terminal)', () => {
    const table = renderFleet(report('busy\u001b]0;owned\u0007 \u202eevil\r\nnext'), 'table')
    expect(detailOf(table)).toBe(`THING_BUSY; busy ]0;owned evil next; ${requestId}`)
    expect(oneLine('\u0000a\u009b\tb ')).toBe('a b')
  })
})
