// A bundle stays fresh across a rebuild that rewrote its inputs unchanged
// (bin/fresh-bundle.js): tsc rewrites every output of a build, so comparing
// times alone left the bin on the ninety modules after any rebuild of codegen
// or of a workspace package it bundles, though the bundle was still theirs.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain-JS module of the bin folder, without declarations
import { freshBundle } from '../bin/fresh-bundle.js'

const fresh = freshBundle as (bundle: URL, inputs: URL) => string | undefined
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

interface Input {
  /** Its text when bundled. */
  readonly bundled: string
  /** Its text now. */
  readonly now: string
  /** Milliseconds it is older than the bundle (negative: newer). */
  readonly age: number
  /** How the list names it: with the hash of `bundled` (default), by path only, or with no usable hash. */
  readonly listed?: 'hash' | 'path' | 'no-hash'
}

function folder(inputs: Record<string, Input>) {
  const dir = mkdtempSync(join(tmpdir(), 'zr-fresh-content-'))
  const now = Date.now() / 1000
  writeFileSync(join(dir, 'bundle.js'), '')
  utimesSync(join(dir, 'bundle.js'), now, now)
  const list = Object.entries(inputs).map(([path, input]) =>
    input.listed === 'path' ? path : input.listed === 'no-hash' ? { path } : { path, sha256: sha256(input.bundled) },
  )
  writeFileSync(join(dir, 'inputs.json'), JSON.stringify(list))
  for (const [name, input] of Object.entries(inputs)) {
    writeFileSync(join(dir, name), input.now)
    utimesSync(join(dir, name), now - input.age / 1000, now - input.age / 1000)
  }
  return { bundle: pathToFileURL(join(dir, 'bundle.js')), inputs: pathToFileURL(join(dir, 'inputs.json')) }
}

describe('freshBundle, inputs listed with their hashes', () => {
  it('is the bundle when every input is older, whatever its text', () => {
    const { bundle, inputs } = folder({ 'a.js': { bundled: 'a', now: 'edited', age: 5000 } })
    expect(fresh(bundle, inputs)).toBe(bundle.href)
  })

  it('is the bundle when a newer input has the very bytes bundled (a rebuild that changed nothing)', () => {
    const { bundle, inputs } = folder({
      'a.js': { bundled: 'export const a = 1\n', now: 'export const a = 1\n', age: -2000 },
      'b.js': { bundled: 'b', now: 'b', age: 1000 },
    })
    expect(fresh(bundle, inputs)).toBe(bundle.href)
  })

  it('is undefined when a newer input changed', () => {
    const { bundle, inputs } = folder({
      'a.js': { bundled: 'export const a = 1\n', now: 'export const a = 2\n', age: -2000 },
      'b.js': { bundled: 'b', now: 'b', age: -1000 },
    })
    expect(fresh(bundle, inputs)).toBeUndefined()
  })

  it('is undefined when a newer input is listed without a hash (by path, or an entry lacking one)', () => {
    for (const listed of ['path', 'no-hash'] as const) {
      const { bundle, inputs } = folder({ 'a.js': { bundled: 'a', now: 'a', age: -2000, listed } })
      expect(fresh(bundle, inputs), listed).toBeUndefined()
    }
  })

  it('is undefined for a list entry that names no path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zr-fresh-content-'))
    writeFileSync(join(dir, 'bundle.js'), '')
    writeFileSync(join(dir, 'inputs.json'), JSON.stringify([{ sha256: sha256('') }]))
    expect(fresh(pathToFileURL(join(dir, 'bundle.js')), pathToFileURL(join(dir, 'inputs.json')))).toBeUndefined()
  })

  it('the build lists every input of the bundle with a SHA-256', () => {
    const list = JSON.parse(readFileSync(new URL('../dist/cli.bundle.inputs.json', import.meta.url), 'utf8')) as {
      path: string
      sha256: string
    }[]
    expect(list.length).toBeGreaterThan(10)
    for (const input of list) expect(input.sha256, input.path).toMatch(/^[0-9a-f]{64}$/)
    expect(list.map((i) => i.path)).toContain('cli.js')
  })
})
