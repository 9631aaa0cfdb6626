// The text TypeScript's printer (ts.createPrinter, as astToString calls it)
// writes for the nodes of nodes.ts: four spaces per level, a type literal's
// members one per line ending in `;`, unions and intersections on one line,
// and a synthetic leading comment re-indented line by line as the emitter's
// writeCommentRange does it.
import type { Member, TypeNode } from './nodes.js'

const INDENT = '    '

export function printType(type: TypeNode, depth: number): string {
  switch (type.kind) {
    case 'text':
      return type.text
    case 'array':
      return `${printType(type.element, depth)}[]`
    case 'union':
      return type.types.map((t) => printType(t, depth)).join(' | ')
    case 'intersection':
      return type.types.map((t) => printType(t, depth)).join(' & ')
    case 'parenthesized':
      return `(${printType(type.type, depth)})`
    case 'literal':
      return type.members.length === 0 ? '{}' : `{\n${printMembers(type.members, depth + 1)}${INDENT.repeat(depth)}}`
  }
}

/** Members at `depth`, each on its own line(s), each line ending in a line feed. */
export function printMembers(members: readonly Member[], depth: number): string {
  const indent = INDENT.repeat(depth)
  let out = ''
  for (const m of members) {
    if (m.kind === 'index') {
      out += `${indent}[${m.param}: string]: ${printType(m.type, depth)};\n`
      continue
    }
    if (m.comment !== undefined) out += printComment(m.comment, depth)
    out += `${indent}${m.readonly ? 'readonly ' : ''}${m.name}${m.optional ? '?' : ''}: ${printType(m.type, depth)};\n`
  }
  return out
}

// TypeScript's isWhiteSpaceSingleLine.
const WHITESPACE = /[ \t\v\f\u00a0\u0085\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/

/** calculateIndent: a line's leading whitespace in columns, a tab reaching the next multiple of four. */
function leadingColumns(line: string): number {
  let columns = 0
  for (const c of line) {
    if (!WHITESPACE.test(c)) break
    columns = c === '\t' ? columns + 4 - (columns % 4) : columns + 1
  }
  return columns
}

/**
 * `/*<text>*\/` and a line feed, at `depth`: the first line at the writer's
 * indent, each further one at that indent plus its own leading whitespace,
 * every line trimmed (writeCommentRange, writeTrimmedCurrentLine).
 */
function printComment(inner: string, depth: number): string {
  const lines = `/*${inner}*/`.split('\n')
  let out = ''
  lines.forEach((line, i) => {
    if (i > 0) out += ' '.repeat(depth * INDENT.length + leadingColumns(line))
    else out += INDENT.repeat(depth)
    const trimmed = line.trim()
    out += trimmed === '' ? '\n' : `${trimmed}${i < lines.length - 1 ? '\n' : ''}`
  })
  return `${out}\n`
}
