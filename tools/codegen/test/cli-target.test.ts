// The CLI target reads every command from the model: each operation is a
// command, each request field a flag, named in kebab-case.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandTable, kebab } from '../src/emit/cli/commands.js'
import { loadService } from '../src/load-service.js'
import { DEMO_SPEC, fixtureRepo } from './fixture-repo.js'

describe('the CLI command table', () => {
  it('names commands and flags in kebab-case', () => {
    expect(['ResetInstances', 'instanceIds', 'enableQGA', 'userData', 'DescribeInstancesStatus'].map(kebab)).toEqual([
      'reset-instances',
      'instance-ids',
      'enable-qga',
      'user-data',
      'describe-instances-status',
    ])
  })

  it('has one command per operation of the spec and one flag per request field', () => {
    const root = fixtureRepo()
    const { model } = loadService(join(root, DEMO_SPEC), root)
    const table = commandTable(model)
    expect(table.actions.map((a) => a.action)).toEqual(model.operations.map((o) => o.action))
    for (const [i, op] of model.operations.entries())
      expect(table.actions[i]?.fields.map((f) => f.name)).toEqual(op.request.properties.map((p) => p.name))
    const secret = table.actions.flatMap((a) => a.fields).find((f) => f.sensitive)
    expect(secret?.help.join(' ')).not.toMatch(/Example/)
  })
})
