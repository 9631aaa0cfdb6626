// The scheduled loop with the second witness: a catalog file that drifts, two
// witnesses that disagree without a decision, and a spec description that
// contradicts its schema each open (or keep open) the one drift issue, quoted
// as code; a catalog file that changed and agrees is proposed for the record.
import { describe, expect, it } from 'vitest'
import { planLoop } from '../src/loop/plan.js'
import { textReport } from '../src/report/text.js'
import { checkPages } from '../src/run.js'
import { entry, renderCatalog, vmResetCatalog } from './catalog-builder.js'
import { ROOT, realOperations } from './helpers.js'
import { renderPage, vmParts } from './page-builder.js'

/** The JSON report of a run, as zr-docs --json writes it and zr-docs-loop reads it. */
async function reportOf(inputs: { name: string; markdown: string }[]) {
  const { jsonReport } = await import('../src/report/json.js')
  const run = checkPages(inputs, { operations: realOperations(), root: ROOT, record: { pages: {} }, full: false })
  return { run, report: JSON.parse(jsonReport(run, 1)) }
}

describe('the loop reads both witnesses', () => {
  it('witnesses that disagree without a decision: the issue names both, as code', async () => {
    const catalog = vmResetCatalog()
    const wan = entry(catalog, 'wanName')
    wan.description = wan.description?.replace('4 to 15', '4 to 12')
    const { run, report } = await reportOf([
      { name: 'pages/vm.md', markdown: renderPage(vmParts()) },
      { name: 'catalog/vm/reset-instance.yaml', markdown: renderCatalog(catalog) },
    ])
    expect(textReport(run, { verbose: false })).toMatch(
      /DRIFT {4}vm ResetInstance input wanName maxLength: the witnesses disagree/,
    )
    const [issue] = planLoop(report)
    expect(issue?.kind).toBe('upsert-issue')
    const body = issue?.kind === 'upsert-issue' ? issue.body : ''
    expect(body).toMatch(/### vm ResetInstance \(catalog\)\n\nCatalog file: `catalog\/vm\/reset-instance\.yaml`/)
    expect(body).toMatch(
      /### Vendor witnesses that disagree with each other[\s\S]*```text\nDRIFT {4}vm ResetInstance input wanName maxLength: the witnesses disagree: page 15 .* vs catalog 12/,
    )
  })

  it('a spec description that contradicts its schema keeps the issue open', () => {
    const finding = {
      service: 'zec',
      action: 'ResetInstances',
      subject: 'description',
      field: 'input instanceName',
      fact: 'maxLength',
      verdict: 'drift',
      page: 63,
      spec: 40,
      quote: 'New instance name, 2-63 letters.',
      where: 'specs/zec/openapi.yaml#/components/schemas/InstanceName',
      specPlace: 'specs/zec/openapi.yaml#/components/schemas/InstanceName',
      decision: undefined,
    } as const
    const actions = planLoop({ exitCode: 1, pages: [], failures: [], specProse: { read: 1, findings: [finding] } })
    expect(actions[0]?.kind).toBe('upsert-issue')
    expect(actions[0]?.kind === 'upsert-issue' && actions[0].body).toMatch(
      /### Spec descriptions that contradict their own schema\n\n```text\nDRIFT {4}zec ResetInstances description input instanceName maxLength: description 63, schema 40/,
    )
  })

  it('a catalog file never recorded that agrees: a record pull request names it as the catalog', async () => {
    const { report } = await reportOf([
      { name: 'catalog/vm/reset-instance.yaml', markdown: renderCatalog(vmResetCatalog()) },
    ])
    const actions = planLoop({ ...report, exitCode: 0 })
    expect(actions.map((a) => a.kind)).toEqual(['close-issue', 'record-pr'])
    const pr = actions[1]
    expect(pr?.kind === 'record-pr' && pr.title).toBe(
      'docs-sync: record the vendor pages of vm ResetInstance (catalog)',
    )
  })
})
