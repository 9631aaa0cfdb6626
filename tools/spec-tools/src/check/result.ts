import type { Location } from '../load/spec-error.js'

/** One thing checked about a spec, passed or failed; a report is a list of these. */
export interface CheckResult {
  readonly check: string
  readonly subject: string
  readonly location: Location
  readonly problems: readonly string[]
}

export function result(check: string, subject: string, location: Location, problems: readonly string[]): CheckResult {
  return { check, subject, location, problems }
}
