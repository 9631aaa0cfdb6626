// The live pages: each operation's externalDocs URL with `.md` appended, the
// form GitBook serves as markdown. Bounded in time and size; an unreachable
// site is a failure that says so, never a silent pass.
import type { OperationModel } from '@zenlayer-reset/codegen'
import type { PageFailure, PageInput } from './run.js'

const MAX_PAGE_BYTES = 2 * 1024 * 1024

export interface Fetched {
  readonly pages: PageInput[]
  readonly failures: PageFailure[]
}

function causeOf(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === 'TimeoutError') return 'timed out'
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)
}

export async function fetchPages(
  operations: readonly OperationModel[],
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<Fetched> {
  const doFetch = options.fetch ?? fetch
  const pages: PageInput[] = []
  const failures: PageFailure[] = []
  const urls = [...new Set(operations.map((op) => op.docsUrl).filter(Boolean))]
  await Promise.all(
    urls.map(async (docsUrl) => {
      const url = docsUrl.endsWith('.md') ? docsUrl : `${docsUrl}.md`
      try {
        const response = await doFetch(url, {
          signal: AbortSignal.timeout(options.timeoutMs),
          headers: { accept: 'text/markdown, text/plain' },
        })
        if (!response.ok) {
          failures.push({
            page: url,
            problem: `${url}: HTTP ${response.status}; the page may have moved (update externalDocs in the spec)`,
          })
          return
        }
        const length = Number(response.headers.get('content-length') ?? 0)
        const text = length > MAX_PAGE_BYTES ? '' : await response.text()
        if (text.length === 0 || text.length > MAX_PAGE_BYTES) {
          failures.push({ page: url, problem: `${url}: the page is empty or larger than ${MAX_PAGE_BYTES} bytes` })
          return
        }
        pages.push({ name: url, markdown: text, url: docsUrl })
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
