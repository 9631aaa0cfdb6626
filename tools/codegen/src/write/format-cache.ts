// What biome made of each generated file the last time a regeneration wrote
// it, so that a regeneration in a repository where it ran before formats only
// the files whose text changed: biome is most of a cold regeneration's time
// (two processes, about half of it), and a spec edit changes a few files of a
// few packages. An entry is two hashes per file, the text given to biome and
// the text it made; it is trusted only while the file on disk still has the
// second, so the cache can confirm the disk but never supply a text, and a
// hand-edited generated file is formatted (and reported) as without it.
//
// Kept under <repo>/node_modules/.cache/zr-codegen/format (ignored by git),
// one file per package folder, so that the generate tasks turbo runs side by
// side (one package each) never write the same file; each file is replaced
// whole (written beside, then renamed). Everything that changes what biome
// makes of a text (its executable, biome.json, the arguments and passes of
// format.ts, FORMAT_PASSES below) is in the key: a file with another key is
// read as empty. `--check` neither reads nor writes it (cli.ts).
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface Entry {
  /** SHA-256 of the text given to the formatter. */
  readonly raw: string
  /** SHA-256 of the text it made. */
  readonly formatted: string
}

interface Shard {
  readonly entries: Record<string, Entry>
  dirty: boolean
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The cache's folder in a repository. */
export function formatCacheDir(repoRoot: string): string {
  return join(repoRoot, 'node_modules', '.cache', 'zr-codegen', 'format')
}

export class FormatCache {
  private readonly shards = new Map<string, Shard>()
  private readonly key: string

  /**
   * `inputs`: everything besides a file's text that decides what the formatter makes of it (the
   * formatter's executable, its configuration, arguments and passes), as strings.
   */
  constructor(
    private readonly repoRoot: string,
    inputs: readonly string[],
  ) {
    this.key = sha256(JSON.stringify(inputs))
  }

  /** The file as on disk when that is what the formatter made of `raw` last time; undefined otherwise. */
  formattedOnDisk(path: string, raw: string): string | undefined {
    const entry = this.shard(path).entries[path]
    if (!entry || entry.raw !== sha256(raw)) return undefined
    let onDisk: string
    try {
      onDisk = readFileSync(join(this.repoRoot, path), 'utf8')
    } catch {
      return undefined
    }
    return sha256(onDisk) === entry.formatted ? onDisk : undefined
  }

  /** Records what the formatter made of `raw` for `path`. */
  record(path: string, raw: string, formatted: string): void {
    const shard = this.shard(path)
    const entry = { raw: sha256(raw), formatted: sha256(formatted) }
    const old = shard.entries[path]
    if (old?.raw === entry.raw && old.formatted === entry.formatted) return
    shard.entries[path] = entry
    shard.dirty = true
  }

  /** Writes every package's file that changed; a cache that cannot be written is only a slower next run. */
  save(): void {
    for (const [name, shard] of this.shards) {
      if (!shard.dirty) continue
      try {
        const dir = formatCacheDir(this.repoRoot)
        mkdirSync(dir, { recursive: true })
        const file = join(dir, name)
        const temporary = `${file}.${process.pid}.tmp`
        writeFileSync(temporary, JSON.stringify({ key: this.key, entries: shard.entries }))
        renameSync(temporary, file)
        shard.dirty = false
      } catch {
        // Read-only or missing node_modules: the next run formats these files again.
      }
    }
  }

  private shard(path: string): Shard {
    // One file per package folder (packages/zec-client -> packages+zec-client.json).
    const name = `${path.split('/').slice(0, 2).join('+')}.json`
    let shard = this.shards.get(name)
    if (!shard) {
      shard = { entries: this.read(name), dirty: false }
      this.shards.set(name, shard)
    }
    return shard
  }

  private read(name: string): Record<string, Entry> {
    try {
      const parsed = JSON.parse(readFileSync(join(formatCacheDir(this.repoRoot), name), 'utf8')) as {
        key?: unknown
        entries?: unknown
      }
      if (parsed.key !== this.key || typeof parsed.entries !== 'object' || parsed.entries === null) return {}
      const entries: Record<string, Entry> = {}
      for (const [path, entry] of Object.entries(parsed.entries as Record<string, unknown>)) {
        const { raw, formatted } = (entry ?? {}) as Partial<Record<keyof Entry, unknown>>
        if (typeof raw === 'string' && typeof formatted === 'string') entries[path] = { raw, formatted }
      }
      return entries
    } catch {
      return {}
    }
  }
}

/** A file's identity for the cache key: its path, size and time (a reinstalled binary is another formatter). */
export function fileIdentity(path: string): string {
  try {
    const { size, mtimeMs } = statSync(path)
    return `${path} ${size} ${mtimeMs}`
  } catch {
    return path
  }
}
