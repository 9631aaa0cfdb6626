// bin/zr-codegen.js starts the bundle only while it is fresh (bin/fresh-bundle.js):
// a stale bundle would run code older than the modules tsc last wrote.
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain-JS module of the bin folder, without declarations
import { freshBundle } from '../bin/fresh-bundle.js'

const fresh = freshBundle as (bundle: URL, inputs: URL) => string | undefined

/** A folder with a bundle, its list of inputs and the inputs, each input `ageMs` older than the bundle. */
function folder(ages: Record<string, number>, list: unknown = Object.keys(ages)) {
  const dir = mkdtempSync(join(tmpdir(), 'zr-fresh-'))
  const now = Date.now() / 1000
  writeFileSync(join(dir, 'bundle.js'), '')
  utimesSync(join(dir, 'bundle.js'), now, now)
  writeFileSync(join(dir, 'inputs.json'), JSON.stringify(list))
  for (const [name, age] of Object.entries(ages)) {
    writeFileSync(join(dir, name), '')
    utimesSync(join(dir, name), now - age / 1000, now - age / 1000)
  }
  const url = (name: string) => pathToFileURL(join(dir, name))
  return { bundle: url('bundle.js'), inputs: url('inputs.json') }
}

describe('freshBundle', () => {
  it('is the bundle when every input is older', () => {
    const { bundle, inputs } = folder({ 'a.js': 5000, 'b.js': 1000 })
    expect(fresh(bundle, inputs)).toBe(bundle.href)
  })

  it('is undefined when one input is newer than the bundle', () => {
    const { bundle, inputs } = folder({ 'a.js': 5000, 'b.js': -2000 })
    expect(fresh(bundle, inputs)).toBeUndefined()
  })

  it('is undefined without a bundle, or with a list that is missing, unreadable or empty', () => {
    const { bundle, inputs } = folder({ 'a.js': 5000 })
    expect(fresh(new URL('missing.js', bundle), inputs)).toBeUndefined()
    expect(fresh(bundle, new URL('missing.json', bundle))).toBeUndefined()
    expect(fresh(folder({}, 'not a list').bundle, folder({}, 'not a list').inputs)).toBeUndefined()
    const empty = folder({}, [])
    expect(fresh(empty.bundle, empty.inputs)).toBeUndefined()
  })

  it('the build leaves a fresh bundle of dist/cli.js, which the bin therefore starts', () => {
    const dist = new URL('../dist/', import.meta.url)
    expect(fresh(new URL('cli.bundle.js', dist), new URL('cli.bundle.inputs.json', dist))).toBe(
      new URL('cli.bundle.js', dist).href,
    )
  })
})
