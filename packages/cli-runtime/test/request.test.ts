import { describe, expect, it } from 'vitest'
import { confirm } from '../src/confirm.js'
import { CliError } from '../src/exit-codes.js'
import { buildRequest, idsOf, parseAction, Sources } from '../src/flags.js'
import { RESET, scriptedIo } from './fixtures.js'

async function request(args: string[], io = scriptedIo()) {
  return buildRequest(RESET, parseAction(RESET, args), io, new Sources(io))
}

async function refusal(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(CliError)
    return error as CliError
  }
  throw new Error('resolved')
}

describe('the request body from the flags', () => {
  it('types every value: lists split on commas and repeated, whole numbers, JSON, switches', async () => {
    const { body, ids } = await request([
      '--thing-ids',
      'a, b',
      '--thing-ids',
      'c',
      '--ports',
      '22,80',
      '--disk-gb',
      '40',
      '--tags',
      '{"k":"v"}',
      '--enable-agent',
    ])
    expect(ids).toEqual(['a', 'b', 'c'])
    expect(body).toEqual({ ports: [22, 80], diskGb: 40, tags: { k: 'v' }, enableAgent: true })
  })

  it('refuses what is not a whole number, an empty list item, bad JSON', async () => {
    for (const [args, message] of [
      [['--disk-gb', '1e3'], '--disk-gb must be a whole number (got "1e3")'],
      [['--disk-gb', '08'], '--disk-gb must be a whole number (got "08")'],
      [['--ports', '22,,80'], '--ports: an empty item (two commas, or a comma at an end)'],
      [['--tags', '{oops'], '--tags: not valid JSON'],
    ] as const) {
      const error = await refusal(request([...args]))
      expect([error.exitCode, error.message]).toEqual([2, message])
    }
  })

  it('reads ids from a file: one a line, # comments and blank lines ignored, after the flag ids', async () => {
    expect(idsOf('a\n  b  # the second\n\n# all comment\r\nc\r\n')).toEqual(['a', 'b', 'c'])
    const io = scriptedIo({ files: { 'ids.txt': 'x\ny\n' } })
    expect((await request(['--thing-ids', 'w', '--instance-ids-file', 'ids.txt'], io)).ids).toEqual(['w', 'x', 'y'])
  })

  it('reads a secret from a file or stdin without warning, and warns (without the value) when it is on the command line', async () => {
    const io = scriptedIo({ files: { pw: 'S3cret!pass\n' } })
    expect((await request(['--password-file', 'pw'], io)).body.password).toBe('S3cret!pass')
    expect(io.err).toEqual([])
    const piped = scriptedIo({ stdin: 'Fr0m!stdin\n' })
    expect((await request(['--password-file', '-'], piped)).body.password).toBe('Fr0m!stdin')
    const typed = scriptedIo()
    await request(['--password', 'On!cmdline1'], typed)
    expect(typed.err.join('')).toMatch(/^warning: --password on the command line is visible to other users/)
    expect(typed.err.join('')).not.toContain('On!cmdline1')
  })

  it('lets one flag only read stdin, and refuses a secret given both ways', async () => {
    const error = await refusal(
      request(['--password-file', '-', '--instance-ids-file', '-'], scriptedIo({ stdin: 'x' })),
    )
    expect(error.message).toMatch(/both read stdin/)
    expect((await refusal(request(['--password', 'a', '--password-file', 'pw']))).message).toBe(
      '--password and --password-file given together',
    )
  })

  it('takes a whole body from --input-json, flags overriding its fields, and its ids', async () => {
    const io = scriptedIo({ files: { 'req.json': '{"thingIds":["j1","j2"],"diskGb":10,"enableAgent":true}' } })
    const { body, ids } = await request(['--input-json', 'req.json', '--disk-gb', '30'], io)
    expect(ids).toEqual(['j1', 'j2'])
    expect(body).toEqual({ diskGb: 30, enableAgent: true })
    const bad = scriptedIo({ files: { 'req.json': '[1]' } })
    expect((await refusal(request(['--input-json', 'req.json'], bad))).message).toBe(
      '--input-json: must be a JSON object (the request body)',
    )
  })
})

describe('the confirmation', () => {
  const ask = (io: ReturnType<typeof scriptedIo>, sources = new Sources(io)) =>
    confirm(io, sources, 'WipeThings (demo)', 3, 'access key AK1', 'READY')
  const idsOnStdin = async (io: ReturnType<typeof scriptedIo>) => {
    const sources = new Sources(io)
    await sources.read('instance-ids-file', '-', 100)
    return sources
  }

  it('refuses with exit 2 when there is no terminal to ask on', async () => {
    const io = scriptedIo({ tty: false })
    const error = await refusal(ask(io))
    expect(error.exitCode).toBe(2)
    expect(error.message).toMatch(/without confirmation: no terminal to ask on; pass --yes/)
    expect(io.prompts).toEqual([])
  })

  it('asks on the controlling terminal when the ids came on stdin, even with stdin a terminal', async () => {
    const io = scriptedIo({ tty: true, controllingTerminal: true, answer: '3', stdin: 'a\nb\nc\n' })
    await expect(ask(io, await idsOnStdin(io))).resolves.toBeUndefined()
    expect(io.askedOn).toEqual(['tty'])
    const wrong = scriptedIo({ controllingTerminal: true, answer: '4', stdin: 'a\nb\nc\n' })
    expect((await refusal(ask(wrong, await idsOnStdin(wrong)))).message).toBe(
      'not confirmed (the answer was not 3); nothing was sent',
    )
  })

  it('refuses, naming --yes, when the ids came on stdin and there is no controlling terminal', async () => {
    const io = scriptedIo({ tty: true, answer: '3', stdin: 'a\nb\nc\n' })
    const error = await refusal(ask(io, await idsOnStdin(io)))
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe(
      'refusing to run WipeThings (demo) on 3 instances without confirmation: no terminal to ask on (stdin is the input, and there is no controlling terminal); pass --yes to confirm. Nothing was sent.',
    )
    expect(io.prompts).toEqual([])
  })

  it('names the service, the count and the account, and needs the count typed back', async () => {
    const no = scriptedIo({ tty: true, answer: 'y' })
    expect((await refusal(ask(no))).exitCode).toBe(2)
    expect(no.prompts[0]).toBe(
      'WipeThings (demo) reinstalls the OS of 3 instances (wiping their disks, until READY) as access key AK1.\nType 3 to go on: ',
    )
    expect(no.askedOn).toEqual(['stdin'])
    const yes = scriptedIo({ tty: true, answer: ' 3 ' })
    await expect(ask(yes)).resolves.toBeUndefined()
  })

  it('is 130 on Ctrl-C at the question and 2 on Ctrl-D, nothing sent either way', async () => {
    const interrupted = await refusal(ask(scriptedIo({ tty: true, answer: { none: 'interrupted' } })))
    expect([interrupted.exitCode, interrupted.message]).toEqual([
      130,
      'interrupted at the confirmation; nothing was sent',
    ])
    const closed = await refusal(ask(scriptedIo({ tty: true, answer: { none: 'closed' } })))
    expect([closed.exitCode, closed.message]).toEqual([2, 'not confirmed (no answer); nothing was sent'])
  })
})
