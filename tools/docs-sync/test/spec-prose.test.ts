// The spec against its own prose: each schema description is read by the
// page's prose reader and held to the schema's own rules. The real specs must
// be clean (this test is how CI fails on a description that drifted from its
// schema); a description made to contradict its schema is caught and named.
import type { OperationModel, SchemaNode } from '@zenlayer-reset/codegen'
import { describe, expect, it } from 'vitest'
import { specProse } from '../src/spec/spec-prose.js'
import { ROOT, realOperations } from './helpers.js'

function operation(service: string, action: string): OperationModel {
  const op = realOperations().find((o) => o.service === service && o.action === action)
  if (!op) throw new Error(`no ${service} ${action}`)
  return structuredClone(op)
}

/** A request field's schema node, writable for the test. */
function field(op: OperationModel, name: string): Record<string, unknown> {
  const node = op.request.properties.find((p) => p.name === name)?.schema as SchemaNode | undefined
  if (!node) throw new Error(`no field ${name}`)
  return node as unknown as Record<string, unknown>
}

describe('the spec against its own prose', () => {
  it('the real specs: every description agrees with its schema', () => {
    const { read, findings } = specProse(realOperations(), ROOT)
    expect(read).toBeGreaterThan(20)
    expect(findings).toEqual([])
  })

  it("a limit changed in the schema and not in its description (instanceName's 2-63 over maxLength 40)", () => {
    const op = operation('zec', 'ResetInstances')
    field(op, 'instanceName').maxLength = 40
    const { findings } = specProse([op], ROOT)
    expect(findings.map((f) => [f.field, f.fact, f.page, f.spec, f.verdict])).toEqual([
      ['input instanceName', 'maxLength', 63, 40, 'drift'],
    ])
    expect(findings[0]?.quote).toMatch(/2-63/)
    expect(findings[0]?.specPlace).toMatch(/^specs\/zec\/openapi\.yaml#\/components\/schemas\/InstanceName/)
  })

  it('a description stating a default, or a character set, the schema does not have', () => {
    const op = operation('vm', 'ResetInstance')
    field(op, 'wanName').description = 'Public NIC name. Default value: eth9.'
    field(op, 'instanceName').description = 'Display name. Only lowercase letters are allowed.'
    const { findings } = specProse([op], ROOT)
    expect(findings.map((f) => [f.field, f.fact, f.page, f.spec])).toEqual([
      ['input instanceName', 'charset', 'abcdefghijklmnopqrstuvwxyz', undefined],
      ['input wanName', 'default', 'eth9', 'eth0'],
    ])
  })
})
