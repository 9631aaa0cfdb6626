import { readFileSync } from 'node:fs'
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml'
import { SpecError } from './spec-error.js'

/**
 * Reads one YAML or JSON file. YAML 1.2 core schema, so `2025-09-01` stays a
 * string; a duplicate key is an error rather than a silent overwrite.
 */
export function readDocument(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new SpecError({ file, pointer: '' }, `cannot read file (${reason})`)
  }
  try {
    return load(text, { schema: CORE_SCHEMA, filename: file })
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error
    const where = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : ''
    throw new SpecError({ file, pointer: '' }, `not valid YAML${where}: ${error.reason}`)
  }
}
