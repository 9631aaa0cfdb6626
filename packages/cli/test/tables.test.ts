// Every generated command of every spec is usable as is: its flags build
// (no field shadows a common flag), its help renders from the spec, and a
// reset action has its fleet flags. A new action or service needs no edit here.
import { actionHelp, flagTable, type ServiceCommands } from '@zenlayer-reset/cli-runtime'
import { describe, expect, it } from 'vitest'
import { services } from '../src/services/index.js'

const tables: ServiceCommands[] = await Promise.all(Object.values(services).map((load) => load()))

describe.each(tables.map((t) => [t.service, t] as const))('%s', (_, table) => {
  it.each(table.actions.map((a) => [a.command, a] as const))('%s has its flags and help from the spec', (_, cmd) => {
    const flags = flagTable(cmd).map((f) => f.name)
    for (const field of cmd.fields) expect(flags).toContain(field.flag)
    for (const field of cmd.fields.filter((f) => f.sensitive)) expect(flags).toContain(`${field.flag}-file`)
    if (cmd.fleet) expect(flags).toEqual(expect.arrayContaining(['instance-ids-file', 'max-wait', 'wait', 'journal']))
    if (cmd.destructive) expect(flags).toContain('yes')
    const help = actionHelp(table, cmd)
    expect(help).toContain(`usage: zenlayer-reset ${table.service} ${cmd.command} [flags]`)
    for (const line of cmd.fields.flatMap((f) => f.help)) expect(help).toContain(line)
  })

  it('loads the service`s client and validator for every action', async () => {
    const loaded = await table.load()
    for (const cmd of table.actions) {
      expect(loaded.service.operations[cmd.action], cmd.action).toBeDefined()
      expect(typeof loaded.validators.actions[cmd.action]?.request, cmd.action).toBe('function')
    }
  })
})
