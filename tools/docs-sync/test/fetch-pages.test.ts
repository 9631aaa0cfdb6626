import { describe, expect, it } from 'vitest'
import { fetchPages } from '../src/fetch-pages.js'
import { realOperations } from './helpers.js'

const ops = () => realOperations().filter((o) => o.service === 'vm')

describe('fetchPages', () => {
  it("asks for each operation's externalDocs URL with .md, once per URL, and its catalog file", async () => {
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
      'https://raw.githubusercontent.com/zenlayer/zenlayercloud-cli/main/apis/en-US/vm/describe-instances-status.yaml',
      'https://raw.githubusercontent.com/zenlayer/zenlayercloud-cli/main/apis/en-US/vm/reset-instance.yaml',
    ])
    expect(pages.map((p) => [p.kind, p.url])).toEqual([
      [
        'page',
        'https://docs.console.zenlayer.com/api-reference/compute/vm/virtual-machine-instance/describeinstancesstatus',
      ],
      ['page', 'https://docs.console.zenlayer.com/api-reference/compute/vm/virtual-machine-instance/resetinstance'],
      [
        'catalog',
        'https://raw.githubusercontent.com/zenlayer/zenlayercloud-cli/main/apis/en-US/vm/describe-instances-status.yaml',
      ],
      [
        'catalog',
        'https://raw.githubusercontent.com/zenlayer/zenlayercloud-cli/main/apis/en-US/vm/reset-instance.yaml',
      ],
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
    expect(failures).toHaveLength(4)
    expect(failures.map((f) => f.problem).sort()[0]).toMatch(
      /cannot fetch \(ENOTFOUND\); --fetch needs https access to docs\.console\.zenlayer\.com\. Offline, pass page files instead\./,
    )
    expect(failures.map((f) => f.problem).sort()[3]).toMatch(
      /--fetch needs https access to raw\.githubusercontent\.com/,
    )
  })

  it('a timeout and an HTTP error are failures too', async () => {
    const timedOut = await fetchPages(ops(), {
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    })
    expect(timedOut.failures[0]?.problem).toMatch(/cannot fetch \(timed out\)/)
    const problems = (
      await fetchPages(ops(), { timeoutMs: 1000, fetch: async () => new Response('gone', { status: 404 }) })
    ).failures
      .map((f) => f.problem)
      .sort()
    expect(problems[0]).toMatch(/HTTP 404; the page may have moved/)
    expect(problems[3]).toMatch(/reset-instance\.yaml: HTTP 404; the catalog file may have moved/)
    const missing = await fetchPages(ops(), {
      timeoutMs: 1000,
      fetch: async () => new Response('gone', { status: 404 }),
    })
    expect(missing.failures).toHaveLength(4)
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
    expect(failures).toHaveLength(4)
    expect(failures.map((f) => f.problem).sort()[0]).toMatch(/: the page is larger than 2097152 bytes$/)
    // Two pages and two catalog files, each read to just past the limit: a few chunks beyond it at most.
    expect(pulled).toBeLessThanOrEqual(4 * (2 * 1024 * 1024 + 4 * CHUNK))
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
    expect(pages.map((p) => p.markdown)).toEqual([text, text, text, text])
  })
})

describe('--save keeps pages and catalog files side by side, each under a name --record reads back', () => {
  it('pages as <service>-...md, catalog files as catalog-<service>-<action>.yaml', async () => {
    const { mkdtempSync, readdirSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { savePages } = await import('../src/save-pages.js')
    const { witnessOf } = await import('../src/run.js')
    const { pages } = await fetchPages(ops(), {
      timeoutMs: 1000,
      fetch: async () => new Response('text', { status: 200 }),
    })
    const dir = mkdtempSync(join(tmpdir(), 'zr-docs-save-'))
    expect(savePages(dir, pages)).toEqual([])
    const files = readdirSync(dir).sort()
    expect(files).toEqual([
      'catalog-vm-describe-instances-status.yaml',
      'catalog-vm-reset-instance.yaml',
      'vm-virtual-machine-instance-describeinstancesstatus.md',
      'vm-virtual-machine-instance-resetinstance.md',
    ])
    expect(files.map((name) => witnessOf({ name }))).toEqual(['catalog', 'catalog', 'page', 'page'])
  })
})
