import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml (the generator's and the docs check's --root default). */
export function findRoot(from: string): string {
  let dir = resolve(from)
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('no pnpm-workspace.yaml above the working directory; pass --root')
    dir = up
  }
  return dir
}
