// A witness (a vendor page, a catalog file) against the spec, fact by fact.
// Every difference is drift unless the spec records a decision naming that
// fact at that place; a fact only the spec states is "unstated" (the witness
// is silent, nothing to reconcile), and becomes drift when the last
// reconciled version of the witness did state it.
import { describeSet } from './charset.js'
import {
  canonical,
  type DecisionNote,
  type ErrorFact,
  type Fact,
  type FactKind,
  type FactValue,
  FIELD_LIMITS,
  type FieldFacts,
  type OperationFacts,
  type Source,
  type WitnessKind,
} from './facts.js'

export type Verdict = 'agree' | 'accepted' | 'drift' | 'unstated'

export interface Finding {
  readonly service: string
  readonly action: string
  /** `input`, `output`, `errors`, `rules`, `notes` or `example`. */
  readonly subject: string
  /** The parameter, the error code, the fields of a rule; undefined for operation facts. */
  readonly field: string | undefined
  readonly fact: FactKind
  readonly verdict: Verdict
  /** The value on the page; undefined when the page does not state it. */
  readonly page: FactValue | undefined
  /** The value in the spec; undefined when the spec does not have it. */
  readonly spec: FactValue | undefined
  /** The page's words, and where they are. */
  readonly quote: string | undefined
  readonly where: string | undefined
  /** The spec's place (file#pointer). */
  readonly specPlace: string | undefined
  /** The decision that accepts the difference (or explains an unstated fact). */
  readonly decision: DecisionNote | undefined
  /** Set when the page no longer states a fact its reconciled version stated. */
  readonly reconciled?: FactValue
  /** Which witness `page` is the value of (absent: a page). */
  readonly witness?: WitnessKind
  /** Set when two witnesses state different values for the fact: each one's value and words (witnesses.ts). */
  readonly disagreement?: readonly WitnessValue[]
}

/** One witness's value in a disagreement between witnesses. */
export interface WitnessValue {
  readonly witness: WitnessKind
  /** The file or URL. */
  readonly name: string
  readonly value: FactValue
  readonly quote: string | undefined
  readonly where: string | undefined
}

/** The key a fact has in a record of bare facts (facts.ts, bareFacts). */
export function factKey(f: Pick<Finding, 'subject' | 'field' | 'fact'>): string {
  if (f.subject === 'errors') return `errors.${f.field}.status`
  if (f.subject === 'rules') return `exclusive.${f.field}`
  if (f.subject === 'notes') return 'statuses'
  if (f.subject === 'example') return 'actionName'
  if (f.subject === 'sdk') return 'version'
  return f.fact === 'presence' ? `${f.subject}.${f.field}` : `${f.subject}.${f.field}.${f.fact}`
}

/**
 * The decision that explains a fact. When the page is silent, any decision
 * naming the fact does (the spec fills a gap). When the page states the fact
 * differently, or states one the spec does not have, only a departure does:
 * a gap the page has since filled is no longer a gap.
 */
function decisionFor(source: Source | undefined, fact: FactKind, pageStates: boolean): DecisionNote | undefined {
  if (source?.witness !== 'spec') return undefined
  return source.decisions.find(
    (d) => (d.facts as readonly string[]).includes(fact) && (!pageStates || d.kind === 'departs-from-page'),
  )
}

export function pageWords(source: Source | undefined): { quote: string | undefined; where: string | undefined } {
  if (source === undefined || source.witness === 'spec') return { quote: undefined, where: undefined }
  const row = source.row === undefined ? '' : `, row ${source.row}${source.cell ? ` (${source.cell})` : ''}`
  return { quote: source.quote, where: `${source.table}${row}, line ${source.line}` }
}

interface Subject {
  readonly service: string
  readonly action: string
  readonly subject: string
  readonly field: string | undefined
}

/**
 * One fact on both sides. `specHome` is where a decision about the fact would
 * be written when the spec does not state the fact itself (the field's node).
 */
function judge(
  at: Subject,
  fact: FactKind,
  page: Fact | undefined,
  spec: Fact | undefined,
  specHome: Source | undefined,
): Finding | undefined {
  if (!page && !spec) return undefined
  const decision = decisionFor(spec?.source ?? specHome, fact, page !== undefined)
  let verdict: Verdict
  if (page && spec)
    verdict = canonical(page.value) === canonical(spec.value) ? 'agree' : decision ? 'accepted' : 'drift'
  else if (page) verdict = decision ? 'accepted' : 'drift'
  else verdict = 'unstated'
  const home = spec?.source ?? specHome
  return {
    ...at,
    fact,
    verdict,
    page: page?.value,
    spec: spec?.value,
    ...pageWords(page?.source),
    specPlace: home?.witness === 'spec' ? home.place : undefined,
    decision: verdict === 'agree' ? undefined : decision,
  }
}

/** `dataSet[].instanceStatus` -> `dataSet[]`, `nic.wanName` -> `nic`; undefined for a top-level field. */
function parentOf(name: string): string | undefined {
  const cut = name.lastIndexOf('.')
  return cut < 0 ? undefined : name.slice(0, cut)
}

/**
 * Whether a witness that does not list a spec field is silent about it rather
 * than without it: a fact it never states by its nature, or a nested field of
 * an item schema the witness does not describe at all (a page may list a
 * reply's items in a table of their own, or not).
 */
function silentAbout(name: string, subject: string, page: readonly FieldFacts[], silentOn: readonly string[]): boolean {
  if (silentOn.includes(`${subject}.${name}`)) return true
  const parent = parentOf(name)
  return parent !== undefined && !page.some((f) => parentOf(f.name) === parent)
}

function compareFields(
  base: Omit<Subject, 'subject' | 'field'>,
  subject: string,
  page: readonly FieldFacts[],
  spec: readonly FieldFacts[],
  silentOn: readonly string[] = [],
): Finding[] {
  const out: Finding[] = []
  const specByName = new Map(spec.map((f) => [f.name, f]))
  const pageByName = new Map(page.map((f) => [f.name, f]))
  for (const p of page) {
    const at = { ...base, subject, field: p.name }
    const s = specByName.get(p.name)
    if (!s) {
      out.push({
        ...at,
        fact: 'presence',
        verdict: 'drift',
        page: true,
        spec: undefined,
        ...pageWords(p.source),
        specPlace: undefined,
        decision: undefined,
      })
      continue
    }
    const facts: [FactKind, Fact | undefined, Fact | undefined][] = [
      ['required', p.required, s.required],
      ['type', p.type, s.type],
      ...FIELD_LIMITS.map((l): [FactKind, Fact | undefined, Fact | undefined] => [l, p.limits[l], s.limits[l]]),
    ]
    for (const [fact, pf, sf] of facts) {
      const finding = judge(at, fact, pf, sf, s.source)
      if (finding) out.push(finding)
    }
  }
  for (const s of spec) {
    if (pageByName.has(s.name)) continue
    const decision = decisionFor(s.source, 'presence', false)
    const silent = silentAbout(s.name, subject, page, silentOn)
    out.push({
      ...base,
      subject,
      field: s.name,
      fact: 'presence',
      verdict: silent ? 'unstated' : decision ? 'accepted' : 'drift',
      page: undefined,
      spec: true,
      quote: undefined,
      where: undefined,
      specPlace: s.source.witness === 'spec' ? s.source.place : undefined,
      decision,
    })
  }
  return out
}

function compareErrors(
  base: Omit<Subject, 'subject' | 'field'>,
  page: readonly ErrorFact[],
  spec: readonly ErrorFact[],
  silent: boolean,
): Finding[] {
  const out: Finding[] = []
  const specByCode = new Map(spec.map((e) => [e.code, e]))
  const onPage = new Set(page.map((e) => e.code))
  for (const p of page) {
    const s = specByCode.get(p.code)
    const at = { ...base, subject: 'errors', field: p.code }
    if (!s) {
      out.push({
        ...at,
        fact: 'errorCode',
        verdict: 'drift',
        page: p.status.value,
        spec: undefined,
        ...pageWords(p.source),
        specPlace: undefined,
        decision: undefined,
      })
      continue
    }
    const finding = judge(at, 'errorStatus', p.status, s.status, s.source)
    if (finding) out.push(finding)
  }
  for (const s of spec) {
    // A code every service shares is on the vendor's common error codes page, which each page defers to.
    if (onPage.has(s.code) || s.common) continue
    // The code's own decision is the reason the spec has it: a code's decision covers its presence.
    const decision = s.source.witness === 'spec' ? s.source.decisions[0] : undefined
    out.push({
      ...base,
      subject: 'errors',
      field: s.code,
      fact: 'errorCode',
      // A witness without error codes (a catalog file) is silent on every one.
      verdict: silent ? 'unstated' : decision ? 'accepted' : 'drift',
      page: undefined,
      spec: s.status.value,
      quote: undefined,
      where: undefined,
      specPlace: s.source.witness === 'spec' ? s.source.place : undefined,
      decision,
    })
  }
  return out
}

/** Every finding for one page against the operation it documents. */
export function compareFacts(page: OperationFacts, spec: OperationFacts): Finding[] {
  const base = { service: spec.service, action: spec.action }
  const out: Finding[] = [
    ...compareFields(base, 'input', page.input, spec.input, page.silentOn),
    ...compareFields(base, 'output', page.output, spec.output, page.silentOn),
    ...compareErrors(base, page.errors, spec.errors, page.silentOn?.includes('errors') ?? false),
  ]
  const specRules = new Map(spec.exclusive.map((x) => [x.fields.join('+'), x]))
  const pageRules = new Map(page.exclusive.map((x) => [x.fields.join('+'), x]))
  for (const key of new Set([...pageRules.keys(), ...specRules.keys()])) {
    const finding = judge(
      { ...base, subject: 'rules', field: key },
      'exclusive',
      pageRules.get(key)?.rule,
      specRules.get(key)?.rule,
      undefined,
    )
    if (finding) out.push(finding)
  }
  // Statuses: each one the page names must be on the spec's path; those only the spec names are unstated.
  const specStatuses = new Set(spec.statuses?.value ?? [])
  const pageStatuses = page.statuses?.value ?? []
  for (const status of pageStatuses) {
    const known = specStatuses.has(status)
    const decision = known ? undefined : decisionFor(spec.statuses?.source, 'statuses', true)
    out.push({
      ...base,
      subject: 'notes',
      field: status,
      fact: 'statuses',
      verdict: known ? 'agree' : decision ? 'accepted' : 'drift',
      page: status,
      spec: known ? status : undefined,
      ...pageWords(page.statuses?.source),
      specPlace: spec.statuses?.source.witness === 'spec' ? spec.statuses.source.place : undefined,
      decision,
    })
  }
  for (const status of specStatuses) {
    if (pageStatuses.includes(status)) continue
    out.push({
      ...base,
      subject: 'notes',
      field: status,
      fact: 'statuses',
      verdict: 'unstated',
      page: undefined,
      spec: status,
      quote: undefined,
      where: undefined,
      specPlace: spec.statuses?.source.witness === 'spec' ? spec.statuses.source.place : undefined,
      decision: decisionFor(spec.statuses?.source, 'statuses', false),
    })
  }
  const action = judge(
    { ...base, subject: 'example', field: 'X-ZC-Action' },
    'actionName',
    page.actionName,
    spec.actionName,
    undefined,
  )
  if (action) out.push(action)
  const version = judge(
    { ...base, subject: 'sdk', field: 'X-ZC-Version' },
    'version',
    page.version,
    spec.version,
    undefined,
  )
  if (version) out.push(version)
  return out
}

/** A value as a report shows it. */
export function showValue(fact: FactKind, value: FactValue | undefined): string {
  if (fact === 'errorCode') return value === undefined ? '(not listed)' : `listed with HTTP ${value}`
  if (value === undefined) return '(not stated)'
  if (fact === 'required') return value ? 'required' : 'optional'
  if (fact === 'presence') return value ? 'present' : 'absent'
  if (fact === 'charset' || fact === 'firstChar') return `[${describeSet(String(value))}]`
  if (fact === 'mustContain' && Array.isArray(value)) return value.map((v) => `[${describeSet(v)}]`).join(' and ')
  if (Array.isArray(value)) return value.join(', ')
  return typeof value === 'string' ? value : JSON.stringify(value)
}
