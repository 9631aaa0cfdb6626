// The vendor's YAML catalog as a second witness, on catalog files written for
// these tests (catalog-builder.ts): every kind of change is caught and named,
// a broken file is exit 2, the two witnesses are held against each other, and
// an action the specs knowingly do not cover yet is one note line.
import { describe, expect, it } from 'vitest'
import { bareFacts } from '../src/facts.js'
import type { Record_ } from '../src/record.js'
import { textReport } from '../src/report/text.js'
import { type CheckRun, checkPages, exitCode, type PageInput } from '../src/run.js'
import { type CatalogFile, entry, renderCatalog, vmResetCatalog, vmStatusCatalog } from './catalog-builder.js'
import { brief, findings, ROOT, realOperations } from './helpers.js'
import { renderPage, vmParts } from './page-builder.js'

const file = (catalog: CatalogFile, name = `catalog/${catalog.product}/${catalog.name}.yaml`): PageInput => ({
  name,
  markdown: renderCatalog(catalog),
})

function check(inputs: PageInput[], record: Record_ = { pages: {} }): CheckRun {
  return checkPages(inputs, { operations: realOperations(), root: ROOT, record, full: false })
}

const changed = (make: () => CatalogFile, change: (c: CatalogFile) => void): PageInput => {
  const c = make()
  change(c)
  return file(c)
}

/** The record --record would write after checking these catalog files. */
function reconciled(inputs: PageInput[]): Record_ {
  const run = checkPages(inputs, { operations: realOperations(), root: ROOT, record: { pages: {} }, full: true })
  const catalog: Record<string, Record_['pages'][string]> = {}
  for (const r of run.results)
    catalog[`${r.service} ${r.action}`] = {
      url: r.docsUrl,
      pageSha256: r.pageSha256,
      specSha256: r.specSha256,
      facts: bareFacts(r.pageFacts),
    }
  return { pages: {}, catalog }
}

describe('catalog files that agree with the spec', () => {
  it('vm ResetInstance and DescribeInstancesStatus, read by wire name, are in sync', () => {
    const run = check([file(vmResetCatalog()), file(vmStatusCatalog())])
    expect(run.failures).toEqual([])
    expect(findings(run, 'drift')).toEqual([])
    expect(exitCode(run)).toBe(0)
    expect(run.results.map((r) => [r.witness, r.service, r.action])).toEqual([
      ['catalog', 'vm', 'ResetInstance'],
      ['catalog', 'vm', 'DescribeInstancesStatus'],
    ])
    const agree = brief(findings(run, 'agree'))
    expect(agree).toEqual(
      expect.arrayContaining([
        { subject: 'input', field: 'wanName', fact: 'maxLength', page: 15, spec: 15 },
        { subject: 'input', field: 'wanName', fact: 'default', page: 'eth0', spec: 'eth0' },
        { subject: 'input', field: 'instanceIds', fact: 'maxItems', page: 100, spec: 100 },
        { subject: 'output', field: 'dataSet[].instanceStatus', fact: 'type', page: 'string', spec: 'string' },
        { subject: 'sdk', field: 'X-ZC-Version', fact: 'version', page: '2026-04-01', spec: '2026-04-01' },
        { subject: 'example', field: 'X-ZC-Action', fact: 'actionName', page: 'ResetInstance', spec: 'ResetInstance' },
      ]),
    )
    expect(agree.find((f) => f.fact === 'enum')).toMatchObject({ field: 'dataSet[].instanceStatus' })
    expect(agree.find((f) => f.fact === 'statuses' && f.field === 'REBUILDING')).toBeDefined()
  })
})

describe('every change in a catalog file is caught and named', () => {
  const cases: { name: string; input: PageInput; drift: ReturnType<typeof brief> }[] = [
    {
      name: 'a parameter added',
      input: changed(vmResetCatalog, (c) => {
        c.parameters.push({ name: 'host-name', 'sdk-field': 'hostName', type: 'string', required: false })
      }),
      drift: [{ subject: 'input', field: 'hostName', fact: 'presence', page: true, spec: undefined }],
    },
    {
      name: 'a parameter renamed (its wire name, sdk-field)',
      input: changed(vmResetCatalog, (c) => {
        entry(c, 'initScript')['sdk-field'] = 'userScript'
      }),
      drift: [
        { subject: 'input', field: 'userScript', fact: 'presence', page: true, spec: undefined },
        { subject: 'input', field: 'initScript', fact: 'presence', page: undefined, spec: true },
      ],
    },
    {
      name: 'required flipped',
      input: changed(vmResetCatalog, (c) => {
        entry(c, 'imageId').required = true
      }),
      drift: [{ subject: 'input', field: 'imageId', fact: 'required', page: true, spec: false }],
    },
    {
      name: 'a limit changed in a description',
      input: changed(vmResetCatalog, (c) => {
        const wan = entry(c, 'wanName')
        wan.description = wan.description?.replace('4 to 15', '4 to 20')
      }),
      drift: [{ subject: 'input', field: 'wanName', fact: 'maxLength', page: 20, spec: 15 }],
    },
    {
      name: "an enum value added to a reply's item schema",
      input: changed(vmStatusCatalog, (c) => {
        c.response?.[1]?.['item-schema']?.[1]?.['enum-values']?.push({ value: 'MIGRATING', desc: 'moving' })
      }),
      drift: [
        expect.objectContaining({
          subject: 'output',
          field: 'dataSet[].instanceStatus',
          fact: 'enum',
          page: expect.arrayContaining(['MIGRATING']),
        }),
      ],
    },
    {
      name: "an enum value removed from a reply's item schema",
      input: changed(vmStatusCatalog, (c) => {
        const status = c.response?.[1]?.['item-schema']?.[1]
        if (status) status['enum-values'] = status['enum-values']?.filter((v) => v.value !== 'IMAGING')
      }),
      drift: [
        expect.objectContaining({
          subject: 'output',
          field: 'dataSet[].instanceStatus',
          fact: 'enum',
          page: expect.not.arrayContaining(['IMAGING']),
          spec: expect.arrayContaining(['IMAGING']),
        }),
      ],
    },
    {
      name: 'a field of an item schema added',
      input: changed(vmStatusCatalog, (c) => {
        c.response?.[1]?.['item-schema']?.push({ name: 'zoneId', type: 'string', description: 'Where it runs.' })
      }),
      drift: [{ subject: 'output', field: 'dataSet[].zoneId', fact: 'presence', page: true, spec: undefined }],
    },
    {
      name: 'the version string changed',
      input: changed(vmResetCatalog, (c) => {
        c.sdk.version = '2026-09-01'
      }),
      drift: [{ subject: 'sdk', field: 'X-ZC-Version', fact: 'version', page: '2026-09-01', spec: '2026-04-01' }],
    },
    {
      name: 'a status named in the notes',
      input: changed(vmResetCatalog, (c) => {
        c.long = `${c.long}\n* A reset that fails leaves the machine in \`RESET_FAILED\`.`
      }),
      drift: [{ subject: 'notes', field: 'RESET_FAILED', fact: 'statuses', page: 'RESET_FAILED', spec: undefined }],
    },
  ]
  it.each(cases)('$name', ({ input, drift }) => {
    const run = check([input])
    expect(run.failures).toEqual([])
    expect(brief(findings(run, 'drift'))).toEqual(drift)
    expect(exitCode(run)).toBe(1)
  })

  it('a parameter removed since the recorded version: drift, and the record says what changed', () => {
    const before = file(vmResetCatalog())
    const record = reconciled([before])
    const after = changed(vmResetCatalog, (c) => {
      c.parameters = c.parameters.filter((p) => p['sdk-field'] !== 'lanName')
    })
    const run = check([after], record)
    expect(brief(findings(run, 'drift'))).toEqual([
      { subject: 'input', field: 'lanName', fact: 'presence', page: undefined, spec: true },
    ])
    expect(run.results[0]?.changes.map((c) => c.key)).toEqual(
      expect.arrayContaining(['input.lanName', 'input.lanName.maxLength', 'input.lanName.default']),
    )
    expect(textReport(run, { verbose: false })).toMatch(
      /^vm ResetInstance \[catalog\] \(catalog\/vm\/ResetInstance\.yaml\): DRIFT \(the catalog file changed\)/m,
    )
    // The same file again is unchanged and not compared.
    expect(check([before], record).results[0]).toMatchObject({ verdict: 'unchanged', compared: false })
  })
})

describe('a catalog file that cannot be read or matched is exit 2, one line naming it', () => {
  const broken: [string, string, RegExp][] = [
    ['not YAML', 'name: [unclosed\n', /broken\.yaml \(line \d+\): not valid YAML/],
    ['not a mapping', '- just\n- a list\n', /broken\.yaml \(top level\): not a catalog file/],
    ['no sdk', 'name: ResetInstance\nproduct: vm\n', /broken\.yaml \(sdk\): no sdk mapping/],
    [
      'a type the check does not know',
      renderCatalog({
        ...vmResetCatalog(),
        parameters: [{ name: 'x', 'sdk-field': 'x', type: 'tuple', required: true }],
      }),
      /type "tuple" of x is not one this check knows/,
    ],
    [
      'required neither true nor false',
      renderCatalog({ ...vmResetCatalog(), parameters: [{ name: 'x', 'sdk-field': 'x', type: 'string' }] }),
      /required of x is not true or false/,
    ],
    [
      'an action the specs do not have',
      renderCatalog({
        ...vmResetCatalog(),
        name: 'RebootInstance',
        sdk: { ...vmResetCatalog().sdk, action: 'RebootInstance' },
      }),
      /documents vm RebootInstance, which the vm spec does not define .*list "vm RebootInstance" under "uncovered"/,
    ],
    [
      'product and sdk.service disagree',
      renderCatalog({ ...vmResetCatalog(), product: 'zec' }),
      /names several services: zec in its product; vm in its sdk\.service/,
    ],
  ]
  it.each(broken)('%s', (_name, text, message) => {
    const run = check([{ name: 'catalog/broken.yaml', markdown: text }, file(vmStatusCatalog())])
    expect(run.failures).toHaveLength(1)
    expect(run.failures[0]?.problem).toMatch(message)
    expect(run.failures[0]?.problem).not.toMatch(/\n|\s{2}at /)
    expect(run.results).toHaveLength(1)
    expect(exitCode(run)).toBe(2)
  })

  it('an action the record lists as known and not yet covered is one note line, exit 0', () => {
    const reboot = renderCatalog({
      ...vmResetCatalog(),
      name: 'RebootInstance',
      sdk: { ...vmResetCatalog().sdk, action: 'RebootInstance' },
    })
    const record: Record_ = { pages: {}, uncovered: { 'vm RebootInstance': 'a later issue adds it' } }
    const run = check([{ name: 'catalog/reboot.yaml', markdown: reboot }], record)
    expect(run.failures).toEqual([])
    expect(run.uncovered).toEqual([
      expect.objectContaining({ service: 'vm', action: 'RebootInstance', reason: 'a later issue adds it' }),
    ])
    expect(exitCode(run)).toBe(0)
    const lines = textReport(run, { verbose: false }).split('\n')
    expect(lines.filter((l) => l.includes('RebootInstance'))).toEqual([
      'NOTE vm RebootInstance [catalog] (catalog/reboot.yaml): not compared, known and not yet covered by the specs (specs/vendor-pages.json "uncovered": a later issue adds it)',
    ])
  })
})

describe('two witnesses of one operation that disagree', () => {
  it('with a decision naming the fact: accepted, naming both sources, both values and the spec (decision 12)', () => {
    const catalog = changed(vmResetCatalog, (c) => {
      const password = entry(c, 'password')
      password.description = password.description?.replace('*`~', '*~')
    })
    const run = check([{ name: 'pages/vm.md', markdown: renderPage(vmParts()) }, catalog])
    expect(run.disagreements?.map((f) => [f.field, f.fact, f.verdict, f.decision?.ref])).toEqual([
      ['password', 'charset', 'accepted', 12],
    ])
    const line = textReport(run, { verbose: false })
      .split('\n')
      .find((l) => l.includes('the witnesses disagree'))
    expect(line).toMatch(
      /ACCEPTED vm ResetInstance input password charset: the witnesses disagree: page \[0-9 A-Z a-z .*`~\] \(".*", pages\/vm\.md, input, row 2 \(Description\), line \d+\) vs catalog \[0-9 A-Z a-z !#\$%&\(\)\*\+-=@\^~\] \(".*", catalog\/vm\/ResetInstance\.yaml, parameters, row 2 \(description\), line \d+\); spec \[.*`~\] \| decision 12/,
    )
    expect(exitCode(run)).toBe(0)
  })

  it('without one: drift, even though one witness agrees with the spec', () => {
    const catalog = changed(vmResetCatalog, (c) => {
      const wan = entry(c, 'wanName')
      wan.description = wan.description?.replace('4 to 15', '4 to 12')
    })
    const run = check([{ name: 'pages/vm.md', markdown: renderPage(vmParts()) }, catalog])
    expect(brief(run.disagreements ?? [])).toEqual([
      { subject: 'input', field: 'wanName', fact: 'maxLength', page: 15, spec: 15 },
    ])
    const [finding] = run.disagreements ?? []
    expect(finding?.verdict).toBe('drift')
    expect(finding?.disagreement?.map((w) => [w.witness, w.value])).toEqual([
      ['page', 15],
      ['catalog', 12],
    ])
    expect(exitCode(run)).toBe(1)
  })

  it('witnesses that agree with each other raise no such finding', () => {
    const run = check([{ name: 'pages/vm.md', markdown: renderPage(vmParts()) }, file(vmResetCatalog())])
    expect(run.disagreements).toEqual([])
  })
})

// Bounded: each ends (the test's own timeout would fail it otherwise); no speed is asserted here.
describe('hostile catalog files end, one line, exit 2', () => {
  const lol = (depth: number): string => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i <= depth; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    return lines.join('\n')
  }
  it.each([
    [
      'aliases that would expand to 10^9 entries in the parameters',
      `${lol(8)}\nname: ResetInstance\nproduct: vm\nsdk: {service: vm, version: '2026-04-01', action: ResetInstance}\nparameters: [{name: x, sdk-field: x, type: object, required: true, object-schema: [*a8]}]\n`,
      /entr|not a mapping/,
    ],
    [
      'brackets nested 100,000 deep',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      /nested too deeply|not valid YAML|not a catalog file/,
    ],
    [
      'item schemas nested past the limit',
      (() => {
        let inner = 'item-schema: []'
        for (let i = 0; i < 10; i++) inner = `item-schema: [{name: f${i}, type: object-array, ${inner}}]`
        return `name: ResetInstance\nproduct: vm\nsdk: {service: vm, version: '2026-04-01', action: ResetInstance}\nparameters: [{name: x, sdk-field: x, type: object-array, required: true, ${inner}}]\n`
      })(),
      /nested more than 6 deep/,
    ],
  ])('%s', (_name, text, message) => {
    const run = check([{ name: 'catalog/hostile.yaml', markdown: text }])
    expect(run.failures).toHaveLength(1)
    expect(run.failures[0]?.problem).toMatch(message)
    expect(exitCode(run)).toBe(2)
  })
})

describe('an "uncovered" listing the specs have caught up with', () => {
  it('is still a note, which says to remove the listing to compare', () => {
    const record: Record_ = { pages: {}, uncovered: { 'vm ResetInstance': 'waiting' } }
    const run = check([file(vmResetCatalog())], record)
    expect(run.results).toEqual([])
    expect(run.uncovered?.[0]?.reason).toBe(
      'waiting; the specs now define it: remove it from "uncovered" to compare it',
    )
    expect(exitCode(run)).toBe(0)
  })
})
