import type { OperationModel } from '@zenlayer-reset/codegen'
import { echo } from './echo.js'
import { PageError } from './page/page-error.js'
import type { PageFacts } from './page/read-page.js'

/**
 * The operation a page documents: its title is the action, and its example's
 * request line or Host, or its own address, names the service. A page that
 * names no service, two services, or an operation no spec has, is an error.
 */
export function matchPage(page: PageFacts, operations: readonly OperationModel[], url?: string): OperationModel {
  const services = [...page.services]
  const byUrl = url ? operations.find((op) => op.docsUrl && stripMd(url) === stripMd(op.docsUrl)) : undefined
  if (byUrl) services.push({ service: byUrl.service, from: `its address ${url}` })
  const named = [...new Set(services.map((s) => s.service))]
  if (named.length === 0) {
    throw new PageError(
      page.page,
      'matching',
      `names no service: neither its example (POST /api/v2/<service> or Host) nor its address says which`,
    )
  }
  if (named.length > 1) {
    throw new PageError(
      page.page,
      'matching',
      `names several services: ${services.map((s) => `${echo(s.service, 40)} in ${s.from}`).join('; ')}`,
    )
  }
  const service = named[0] as string
  const exact = operations.find((op) => op.service === service && op.action === page.action)
  if (exact) return exact
  const known = operations.filter((op) => op.service === service).map((op) => op.action)
  throw new PageError(
    page.page,
    'matching',
    (known.length === 0
      ? `names the service ${echo(service, 40)}, which no spec describes`
      : `documents ${service} ${echo(page.action)}, which the ${service} spec does not define (it has ${known.join(', ')})`) +
      `; if the specs knowingly do not cover it yet, list "${service} ${echo(page.action)}" under "uncovered" in specs/vendor-pages.json`,
  )
}

function stripMd(u: string): string {
  return u.replace(/\.md$/, '').replace(/\/$/, '')
}
