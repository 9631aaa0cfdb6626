// Two vendor witnesses of one operation (its page and its catalog file)
// against each other. Where both state a fact and state it differently, the
// vendor contradicts itself: that is a finding of its own, naming both
// sources, both values and the spec's, and it is accepted only by a numbered
// decision (specs/DECISIONS.md, which names the fact and every source) marked
// at the spec's place as departing from a vendor text and naming the fact. The
// spec cannot side with one witness silently.
import { type Finding, pageWords, type WitnessValue } from './compare.js'
import {
  canonical,
  type DecisionNote,
  type Fact,
  type FactKind,
  FIELD_LIMITS,
  type FieldFacts,
  type OperationFacts,
  type WitnessKind,
} from './facts.js'

export interface Witness {
  readonly witness: WitnessKind
  /** The file or URL. */
  readonly name: string
  readonly facts: OperationFacts
}

/** One fact as each witness and the spec state it, and where a decision about it would stand. */
interface Stated {
  readonly subject: string
  readonly field: string | undefined
  readonly fact: FactKind
  readonly values: readonly (Fact | undefined)[]
  readonly spec: Fact | undefined
  readonly specHome: Fact['source'] | undefined
}

function fieldFacts(f: FieldFacts | undefined, fact: FactKind): Fact | undefined {
  if (!f) return undefined
  if (fact === 'required') return f.required
  if (fact === 'type') return f.type
  return f.limits[fact as (typeof FIELD_LIMITS)[number]]
}

function statedFacts(witnesses: readonly Witness[], spec: OperationFacts): Stated[] {
  const out: Stated[] = []
  for (const subject of ['input', 'output'] as const) {
    const names = [...new Set(witnesses.flatMap((w) => w.facts[subject].map((f) => f.name)))]
    for (const name of names) {
      const fields = witnesses.map((w) => w.facts[subject].find((f) => f.name === name))
      const specField = spec[subject].find((f) => f.name === name)
      for (const fact of ['required', 'type', ...FIELD_LIMITS] as const) {
        out.push({
          subject,
          field: name,
          fact,
          values: fields.map((f) => fieldFacts(f, fact)),
          spec: fieldFacts(specField, fact),
          specHome: specField?.source,
        })
      }
    }
  }
  const rules = [...new Set(witnesses.flatMap((w) => w.facts.exclusive.map((x) => x.fields.join('+'))))]
  for (const key of rules) {
    const specRule = spec.exclusive.find((x) => x.fields.join('+') === key)?.rule
    out.push({
      subject: 'rules',
      field: key,
      fact: 'exclusive',
      values: witnesses.map((w) => w.facts.exclusive.find((x) => x.fields.join('+') === key)?.rule),
      spec: specRule,
      specHome: specRule?.source,
    })
  }
  const op = (
    subject: string,
    field: string | undefined,
    fact: FactKind,
    pick: (o: OperationFacts) => Fact | undefined,
  ) =>
    out.push({
      subject,
      field,
      fact,
      values: witnesses.map((w) => pick(w.facts)),
      spec: pick(spec),
      specHome: pick(spec)?.source,
    })
  op('notes', undefined, 'statuses', (o) => o.statuses)
  op('example', 'X-ZC-Action', 'actionName', (o) => o.actionName)
  op('sdk', 'X-ZC-Version', 'version', (o) => o.version)
  return out
}

/** A numbered decision at the spec's place that departs from a vendor text and names the fact. */
function decisionFor(home: Fact['source'] | undefined, fact: FactKind): DecisionNote | undefined {
  if (home?.witness !== 'spec') return undefined
  return home.decisions.find(
    (d) => d.ref !== undefined && d.kind === 'departs-from-page' && (d.facts as readonly string[]).includes(fact),
  )
}

/** Every fact two or more witnesses state differently, as one finding each. */
export function disagreements(witnesses: readonly Witness[], spec: OperationFacts): Finding[] {
  if (witnesses.length < 2) return []
  const out: Finding[] = []
  for (const s of statedFacts(witnesses, spec)) {
    const stating = witnesses
      .map((w, i) => ({ w, fact: s.values[i] }))
      .filter((x): x is { w: Witness; fact: Fact } => x.fact !== undefined)
    if (stating.length < 2 || new Set(stating.map((x) => canonical(x.fact.value))).size < 2) continue
    const decision = decisionFor(s.specHome, s.fact)
    const values: WitnessValue[] = stating.map(({ w, fact }) => ({
      witness: w.witness,
      name: w.name,
      value: fact.value,
      ...pageWords(fact.source),
    }))
    const first = values[0] as WitnessValue
    out.push({
      service: spec.service,
      action: spec.action,
      subject: s.subject,
      field: s.field,
      fact: s.fact,
      verdict: decision ? 'accepted' : 'drift',
      page: first.value,
      spec: s.spec?.value,
      quote: first.quote,
      where: first.where,
      specPlace: s.specHome?.witness === 'spec' ? s.specHome.place : undefined,
      decision,
      witness: first.witness,
      disagreement: values,
    })
  }
  return out
}
