import { describe, expect, it } from 'vitest'
import { fetchPages } from '../src/fetch-pages.js'
import { realOperations } from './helpers.js'

const ops = () => realOperations().filter((o) => o.service === 'vm')

describe('fetchPages', () => {
  it("asks for each operation's externalDocs URL with .md, once per URL", async () => {
    const asked: string[] = []
    const { pages, failures } = await fetchPages(ops(), {
      timeoutMs: 1000,
      fetch: async (url) => {
        asked.push(String(url))
        return new Response('# page', { status: 200 })
      },
    })
    expect(failures).toEqual([])
    expect(asked.sort()).toEqual([
      'https://docs.console.zenlayer.com/api-reference/compute/vm/virtual-machine-instance/describeinstancesstatus.md',
      'https://docs.console.zenlayer.com/api-reference/compute/vm/virtual-machine-instance/resetinstance.md',
    ])
    expect(pages.map((p) => p.url)).toEqual([
      'https://docs.console.zenlayer.com/api-reference/compute/vm/virtual-machine-instance/describeinstancesstatus',
      'https://docs.console.zenlayer.com/api-reference/compute/vm/virtual-machine-instance/resetinstance',
    ])
  })

  it('offline: a failure per page that says why and what to do', async () => {
    const { pages, failures } = await fetchPages(ops(), {
      timeoutMs: 1000,
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } })
      },
    })
    expect(pages).toEqual([])
    expect(failures).toHaveLength(2)
    expect(failures[0]?.problem).toMatch(
      /cannot fetch \(ENOTFOUND\); --fetch needs https access to docs\.console\.zenlayer\.com\. Offline, pass page files instead\./,
    )
  })

  it('a timeout and an HTTP error are failures too', async () => {
    const timedOut = await fetchPages(ops(), {
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    })
    expect(timedOut.failures[0]?.problem).toMatch(/cannot fetch \(timed out\)/)
    const missing = await fetchPages(ops(), {
      timeoutMs: 1000,
      fetch: async () => new Response('gone', { status: 404 }),
    })
    expect(missing.failures[0]?.problem).toMatch(/HTTP 404; the page may have moved/)
  })
})

describe('a body without Content-Length (issue 26, item 8)', () => {
  it('is counted while it is read, and reading stops at the limit', async () => {
    const CHUNK = 64 * 1024
    let pulled = 0
    const { pages, failures } = await fetchPages(ops(), {
      timeoutMs: 10_000,
      fetch: async () =>
        // 400 MB on offer, in chunks, with no Content-Length header.
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              if (pulled >= 400 * 1024 * 1024) return controller.close()
              pulled += CHUNK
              controller.enqueue(new Uint8Array(CHUNK).fill(0x61))
            },
          }),
        ),
    })
    expect(pages).toEqual([])
    expect(failures).toHaveLength(2)
    expect(failures[0]?.problem).toMatch(/: the page is larger than 2097152 bytes$/)
    // Two pages, each read to just past the limit: a few chunks beyond it at most, never the whole body.
    expect(pulled).toBeLessThanOrEqual(2 * (2 * 1024 * 1024 + 4 * CHUNK))
  }, 10_000)

  it('a page under the limit is read whole, in any number of chunks', async () => {
    const text = `# ResetInstance\n${'word '.repeat(100_000)}\n`
    const bytes = new TextEncoder().encode(text)
    const { pages } = await fetchPages(ops(), {
      timeoutMs: 10_000,
      fetch: async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000))
              controller.close()
            },
          }),
        ),
    })
    expect(pages.map((p) => p.markdown)).toEqual([text, text])
  })
})
