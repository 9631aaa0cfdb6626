// A file the command was pointed at, read only when it is a regular file and
// only up to a size: a FIFO would block the read until a writer came, a link
// to /dev/zero would be read until memory ran out, and a folder named `b.md`
// cannot be read at all (issue 26, item 9). Each is a FileProblem, one line.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'

/** A page is a few kilobytes; two megabytes leave room for any real one. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024

export class FileProblem extends Error {
  override readonly name = 'FileProblem'
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a FIFO'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  return 'not a file'
}

/** `ENOENT: no such file or directory` from a Node error, without the path it repeats. */
export function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string }
  return (e?.message ?? String(error)).split(', ')[0] || e?.code || 'unknown error'
}

/**
 * The file's text (UTF-8). Opened non-blocking, so that opening a FIFO returns
 * at once, and checked on the open descriptor, so that the file checked is the
 * file read even if the path is swapped in between.
 */
export function readBoundedFile(path: string, max: number): string {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw new FileProblem(`cannot read (${reasonOf(error)})`)
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) throw new FileProblem(`not a regular file (${kindOf(stats)})`)
    if (stats.size > max) throw new FileProblem(`larger than ${max} bytes; a page is a few kilobytes`)
    return readUpTo(fd, max).toString('utf8')
  } catch (error) {
    if (error instanceof FileProblem) throw error
    throw new FileProblem(`cannot read (${reasonOf(error)})`)
  } finally {
    closeSync(fd)
  }
}

/** The bytes of an open file, refused once they pass `max` (a file can grow after it was checked). */
function readUpTo(fd: number, max: number): Buffer {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024)
    const n = readSync(fd, chunk, 0, chunk.length, null)
    if (n === 0) return Buffer.concat(chunks, total)
    total += n
    if (total > max) throw new FileProblem(`larger than ${max} bytes; a page is a few kilobytes`)
    chunks.push(chunk.subarray(0, n))
  }
}
