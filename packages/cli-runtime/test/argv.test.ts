import { describe, expect, it } from 'vitest'
import { parseArgv } from '../src/argv.js'
import { CliError } from '../src/exit-codes.js'
import { flagTable, parseAction } from '../src/flags.js'
import { RESET } from './fixtures.js'

const fails = (args: string[]) => {
  try {
    parseAction(RESET, args)
  } catch (error) {
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).exitCode).toBe(2)
    return (error as CliError).message
  }
  throw new Error(`parsed: ${args.join(' ')}`)
}

describe('the command line', () => {
  it('reads values, lists, switches and their negation', () => {
    const parsed = parseAction(RESET, [
      '--thing-ids',
      'a,b',
      '--thing-ids=c',
      '--no-enable-agent',
      '--disk-gb',
      '20',
      '-y',
    ])
    expect(parsed.get('thing-ids')).toEqual(['a,b', 'c'])
    expect(parsed.get('enable-agent')).toBe(false)
    expect(parsed.get('disk-gb')).toBe('20')
    expect(parsed.get('yes')).toBe(true)
  })

  it('refuses a word after a switch instead of taking it as an id (the vendor CLI does)', () => {
    expect(fails(['--thing-ids', 'a', '--enable-agent', 'true'])).toBe(
      'unexpected "true" after --enable-agent: --enable-agent is a switch and takes no value (use --enable-agent or --no-enable-agent)',
    )
    expect(fails(['--enable-agent=true'])).toMatch(/--enable-agent is a switch and takes no value/)
  })

  it('refuses a stray word anywhere', () => {
    expect(fails(['a-stray-id'])).toMatch(/^unexpected argument "a-stray-id"/)
  })

  it('names a mistyped flag without its value, with the nearest one', () => {
    const message = fails(['--pasword=Secret123!'])
    expect(message).toBe('unknown flag --pasword (did you mean --password?)')
    expect(message).not.toContain('Secret123')
  })

  it('refuses a value flag given twice, a switch and its negation, a missing value, a flag for a value', () => {
    expect(fails(['--disk-gb', '1', '--disk-gb', '2'])).toBe('--disk-gb given twice')
    expect(fails(['--enable-agent', '--no-enable-agent'])).toBe('--enable-agent and --no-enable-agent given together')
    expect(fails(['--disk-gb'])).toBe('--disk-gb needs a value')
    expect(fails(['--password', '--yes'])).toMatch(/^--password needs a value/)
    expect(parseAction(RESET, ['--password=--yes']).get('password')).toBe('--yes')
  })

  it('gives every secret field a --<flag>-file, and refuses a spec field that would shadow a common flag', () => {
    expect(flagTable(RESET).map((f) => f.name)).toContain('password-file')
    const clash = { ...RESET, fields: [...RESET.fields, { ...RESET.fields[2], name: 'yes', flag: 'yes' }] }
    expect(() => flagTable(clash as typeof RESET)).toThrow(/field yes would be --yes/)
  })

  it('reads short flags', () => {
    expect(parseArgv(['-h'], [{ name: 'help', type: 'switch', short: 'h' }]).get('help')).toBe(true)
  })
})
