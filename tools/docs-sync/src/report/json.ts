import type { CheckRun } from '../run.js'

// JSON.stringify escapes C0 controls but leaves DEL, C1 controls (U+009B is a
// CSI to some terminals) and bidirectional overrides raw; written as \u
// escapes they are the same string to a parser and inert on a terminal.
const RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** The same findings for machines: everything the text report says, and the facts it did not print. */
export function jsonReport(run: CheckRun, exitCode: number): string {
  return reportObject(run, exitCode).replace(RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function reportObject(run: CheckRun, exitCode: number): string {
  return JSON.stringify(
    {
      exitCode,
      pages: run.results.map((r) => ({
        witness: r.witness,
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
      disagreements: run.disagreements ?? [],
      uncovered: run.uncovered ?? [],
      specProse: run.specProse ?? { read: 0, findings: [] },
    },
    null,
    2,
  )
}
