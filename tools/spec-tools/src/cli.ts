import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CheckResult } from './check/result.js'
import { runChecks } from './check/run-checks.js'
import { bundleSpec } from './load/bundle.js'
import { loadSpec } from './load/resolve.js'
import { formatLocation, SpecError } from './load/spec-error.js'

const USAGE = `usage:
  zr-spec check <spec.yaml> [--report <file.json>]   validate examples, extensions and action rules
  zr-spec bundle <spec.yaml> <out.json>              write one self-contained document`

function writeFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
}

async function check(file: string, report: string | undefined): Promise<number> {
  let results: CheckResult[]
  try {
    results = await runChecks(loadSpec(file))
  } catch (error) {
    if (!(error instanceof SpecError)) throw error
    results = [{ check: 'spec loads', subject: file, location: error.location, problems: [error.problem] }]
  }
  const failed = results.filter((r) => r.problems.length > 0)
  for (const r of failed) {
    console.error(`FAIL ${r.check}: ${r.subject} (${formatLocation(r.location)})`)
    for (const p of r.problems) console.error(`     ${p}`)
  }
  const byCheck = new Map<string, number>()
  for (const r of results) byCheck.set(r.check, (byCheck.get(r.check) ?? 0) + 1)
  for (const [name, count] of byCheck) console.log(`  ${name}: ${count}`)
  const passed = results.length - failed.length
  console.log(`${passed} passed, ${failed.length} failed`)
  if (report) {
    const body = { numPassedTests: passed, numFailedTests: failed.length, results }
    writeFile(report, `${JSON.stringify(body, null, 2)}\n`)
  }
  return failed.length === 0 ? 0 : 1
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === 'check' && rest[0] !== undefined) {
      const reportAt = rest.indexOf('--report')
      return await check(rest[0], reportAt === -1 ? undefined : rest[reportAt + 1])
    }
    if (command === 'bundle' && rest[0] !== undefined && rest[1] !== undefined) {
      writeFile(rest[1], `${JSON.stringify(bundleSpec(rest[0]), null, 2)}\n`)
      return 0
    }
  } catch (error) {
    if (error instanceof SpecError) {
      console.error(`zr-spec: ${error.message}`)
      return 1
    }
    throw error
  }
  console.error(USAGE)
  return 2
}
