// Generated text is read by npm users, who have only the package: it must not
// send them to anything outside the repository (the maintainers' ../shared
// folder) or to a bare "Decision N" they cannot look up.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const OUTSIDE = /\.\.\/shared\/(?:reference|seeds)|zenlayer-api\.md|\bDecision \d+\b/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'dist' || name === 'test-results') return []
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

describe('generated packages point only inside the repository', () => {
  const generated = readdirSync(join(ROOT, 'packages'))
    .filter((p) => /-(client|validator|mock)$/.test(p))
    .flatMap((p) => files(join(ROOT, 'packages', p)))
  it('covers every generated package', () => {
    expect(generated.length).toBeGreaterThan(30)
  })
  it.each(['specs/zec/openapi.yaml', 'specs/vm/openapi.yaml', 'specs/shared/common.yaml'])(
    '%s: descriptions, which become JSDoc, name no outside reference',
    (spec) => {
      const descriptions = [
        ...readFileSync(join(ROOT, spec), 'utf8').matchAll(/description:([^\n]*(?:\n\s{6,}[^\n:]*)*)/g),
      ]
      expect(descriptions.filter((d) => OUTSIDE.test(d[1] ?? '')).map((d) => d[1])).toEqual([])
    },
  )
  it('no generated file names one', () => {
    expect(generated.filter((f) => OUTSIDE.test(readFileSync(f, 'utf8')))).toEqual([])
  })
})
