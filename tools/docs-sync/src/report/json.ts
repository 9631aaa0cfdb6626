import type { CheckRun } from '../run.js'

/** The same findings for machines: everything the text report says, and the facts it did not print. */
export function jsonReport(run: CheckRun, exitCode: number): string {
  return JSON.stringify(
    {
      exitCode,
      pages: run.results.map((r) => ({
        page: r.page,
        service: r.service,
        action: r.action,
        docsUrl: r.docsUrl,
        verdict: r.verdict,
        compared: r.compared,
        recorded: r.recorded,
        pageChanged: r.pageChanged,
        specChanged: r.specChanged,
        pageSha256: r.pageSha256,
        changes: r.changes,
        findings: r.findings,
      })),
      failures: run.failures,
    },
    null,
    2,
  )
}
