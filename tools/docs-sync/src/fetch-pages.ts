// The live witnesses: each operation's page (its externalDocs URL with `.md`
// appended, the form GitBook serves as markdown) and its catalog file (the raw
// YAML in the vendor's CLI repository, catalog/catalog-url.ts). Bounded in
// time and size; an unreachable site is a failure that says so, never a
// silent pass.
import type { OperationModel } from '@zenlayer-reset/codegen'
import { MAX_PAGE_BYTES } from './bounded-file.js'
import { catalogUrl } from './catalog/catalog-url.js'
import type { WitnessKind } from './facts.js'
import type { PageFailure, PageInput } from './run.js'

export interface Fetched {
  readonly pages: PageInput[]
  readonly failures: PageFailure[]
}

function causeOf(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === 'TimeoutError') return 'timed out'
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)
}

/**
 * The body as UTF-8 text (as `response.text()` decodes it), or undefined once
 * it passes `max` bytes. Counted while it is read, and the rest is never
 * fetched: a body without Content-Length was read whole before it was
 * measured, 400 MB of it to 3.2 GB of memory (issue 26, item 8).
 */
async function boundedText(response: Response, max: number): Promise<string | undefined> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > max) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks, total))
}

export async function fetchPages(
  operations: readonly OperationModel[],
  options: { timeoutMs: number; fetch?: typeof fetch; catalog?: boolean },
): Promise<Fetched> {
  const doFetch = options.fetch ?? fetch
  const pages: PageInput[] = []
  const failures: PageFailure[] = []
  const targets: { url: string; docsUrl: string; kind: WitnessKind }[] = [
    ...new Set(operations.map((op) => op.docsUrl).filter(Boolean)),
  ].map((docsUrl) => ({ url: docsUrl.endsWith('.md') ? docsUrl : `${docsUrl}.md`, docsUrl, kind: 'page' }))
  if (options.catalog !== false)
    for (const op of operations) {
      const url = catalogUrl(op.service, op.action)
      targets.push({ url, docsUrl: url, kind: 'catalog' })
    }
  await Promise.all(
    targets.map(async ({ url, docsUrl, kind }) => {
      try {
        const response = await doFetch(url, {
          signal: AbortSignal.timeout(options.timeoutMs),
          headers: { accept: kind === 'page' ? 'text/markdown, text/plain' : 'text/yaml, text/plain' },
        })
        if (!response.ok) {
          const fix =
            kind === 'page'
              ? 'the page may have moved (update externalDocs in the spec)'
              : 'the catalog file may have moved or been renamed in the vendor repository'
          failures.push({ page: url, problem: `${url}: HTTP ${response.status}; ${fix}` })
          return
        }
        const length = Number(response.headers.get('content-length') ?? 0)
        if (length > MAX_PAGE_BYTES) await response.body?.cancel().catch(() => {})
        const text = length > MAX_PAGE_BYTES ? undefined : await boundedText(response, MAX_PAGE_BYTES)
        if (text === undefined || text.length === 0) {
          const problem = text === undefined ? `larger than ${MAX_PAGE_BYTES} bytes` : 'empty'
          failures.push({
            page: url,
            problem: `${url}: the ${kind === 'page' ? 'page' : 'catalog file'} is ${problem}`,
          })
          return
        }
        pages.push({ name: url, markdown: text, url: docsUrl, kind })
      } catch (error) {
        failures.push({
          page: url,
          problem: `${url}: cannot fetch (${causeOf(error)}); --fetch needs https access to ${new URL(url).host}. Offline, pass page files instead.`,
        })
      }
    }),
  )
  pages.sort((a, b) => (a.name < b.name ? -1 : 1))
  return { pages, failures }
}
