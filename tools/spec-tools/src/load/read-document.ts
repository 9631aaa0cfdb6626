import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { SpecError } from './spec-error.js'

/**
 * Reads one YAML or JSON file. YAML 1.2 core schema, so `2025-09-01` stays a
 * string; duplicate keys are an error rather than a silent overwrite.
 */
export function readDocument(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new SpecError({ file, pointer: '' }, `cannot read file (${reason})`)
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, version: '1.2' })
  const first = doc.errors[0]
  if (first) {
    const line = first.linePos?.[0]
    const where = line ? ` at line ${line.line}, column ${line.col}` : ''
    throw new SpecError({ file, pointer: '' }, `not valid YAML${where}: ${first.code}`)
  }
  return doc.toJS({ maxAliasCount: 10_000 })
}
