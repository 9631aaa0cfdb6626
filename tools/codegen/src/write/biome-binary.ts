// Which biome executable the formatter spawns. @biomejs/biome's `bin/biome`
// is a Node script that starts a second Node (and runs `ldd --version`) only
// to find the platform's native binary and spawn it: most of a sixth of a
// second per run, twice per regeneration. The native binary is spawned here
// directly, found as that script finds it (BIOME_BINARY first, then the
// platform package beside @biomejs/biome); the script itself when none is.
import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// The script's own table of platform packages.
const PLATFORMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  win32: { x64: ['@biomejs/cli-win32-x64/biome.exe'], arm64: ['@biomejs/cli-win32-arm64/biome.exe'] },
  darwin: { x64: ['@biomejs/cli-darwin-x64/biome'], arm64: ['@biomejs/cli-darwin-arm64/biome'] },
  linux: {
    x64: ['@biomejs/cli-linux-x64/biome', '@biomejs/cli-linux-x64-musl/biome'],
    arm64: ['@biomejs/cli-linux-arm64/biome', '@biomejs/cli-linux-arm64-musl/biome'],
  },
  android: { x64: ['@biomejs/cli-android-x64/biome'], arm64: ['@biomejs/cli-android-arm64/biome'] },
}

let found: string | undefined

export function biomeExecutable(): string {
  found ??= nativeBinary() ?? wrapperScript()
  return found
}

function wrapperScript(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@biomejs/biome/package.json')), 'bin', 'biome')
}

function nativeBinary(): string | undefined {
  // Resolved from the script's real location: under pnpm the platform package is its sibling, not ours.
  const from = createRequire(realpathSync(wrapperScript()))
  const override = process.env.BIOME_BINARY
  if (override) return resolves(from, override)
  const installed = (PLATFORMS[process.platform]?.[process.arch] ?? []).flatMap((p) => resolves(from, p) ?? [])
  // Both the glibc and the musl build installed: the C library this Node runs on decides, as `ldd` does for the script.
  if (installed.length > 1 && process.platform === 'linux') return installed[isMusl() ? 1 : 0]
  return installed[0]
}

function resolves(from: NodeJS.Require, path: string): string | undefined {
  try {
    return from.resolve(path)
  } catch {
    return undefined
  }
}

function isMusl(): boolean {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header
  return header?.glibcVersionRuntime === undefined
}
