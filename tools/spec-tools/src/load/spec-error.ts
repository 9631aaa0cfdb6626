import { relative } from 'node:path'

/** Where something sits in the specs: a file and a JSON pointer inside it. */
export interface Location {
  readonly file: string
  readonly pointer: string
}

/** Formats a location relative to the working directory, as editors link it. */
export function formatLocation(loc: Location): string {
  return `${relative(process.cwd(), loc.file) || loc.file}#${loc.pointer}`
}

/**
 * A spec that cannot be loaded or does not follow the project's rules. Always
 * names the file, the JSON pointer and what is wrong, so that nothing
 * downstream (bundler, checks, generator) has to guess.
 */
export class SpecError extends Error {
  override readonly name = 'SpecError'
  constructor(
    readonly location: Location,
    readonly problem: string,
  ) {
    super(`${formatLocation(location)}: ${problem}`)
  }
}
