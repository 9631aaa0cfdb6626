// The printer's one way out. openapi-typescript is the reference for what
// schema.ts holds; this printer reproduces it for the part of OpenAPI our specs
// use and refuses everything else, naming it, so that the caller hands the
// document to openapi-typescript itself instead of printing a guess.

/** A construct the printer does not reproduce exactly: the caller falls back to openapi-typescript. */
export class Unsupported extends Error {
  override readonly name = 'Unsupported'
}

/** Refuses `what`, found at `at` (a JSON pointer, for the message only). */
export function unsupported(what: string, at: string): never {
  throw new Unsupported(`${what} at ${at || '#'}`)
}

export type Obj = Record<string, unknown>

/** A plain JSON object (not an array, not null). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
