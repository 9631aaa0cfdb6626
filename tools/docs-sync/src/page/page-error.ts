/**
 * A page that cannot be read, parsed or matched to an operation. Names the page
 * and, when it is one, the table and row, so the reader can open it there.
 */
export class PageError extends Error {
  override readonly name = 'PageError'
  constructor(
    readonly page: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${page}${where ? ` (${where})` : ''}: ${problem}`)
  }
}
