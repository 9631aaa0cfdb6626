// End to end in a scratch git repository: generate, commit, edit the spec,
// regenerate and write the changeset (what `npm run generate -- --changeset` runs),
// then the CI gate before and after the changeset exists, and after a release.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { main } from '../src/cli.js'
import { checkChangesets, classifySince, writeSpecChangeset } from '../src/diff/commands.js'
import { EMPTY_TREE, lastRelease } from '../src/diff/git-base.js'
import { generate } from '../src/generate.js'
import { DEMO_SPEC, fixtureRepo } from './fixture-repo.js'

function git(root: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    {
      encoding: 'utf8',
    },
  )
}

function edit(root: string, file: string, from: string, to: string): void {
  const path = join(root, file)
  const text = readFileSync(path, 'utf8')
  if (!text.includes(from)) throw new Error(`edit did not apply: ${from}`)
  writeFileSync(path, text.replace(from, to))
}

async function scratch(): Promise<string> {
  const root = fixtureRepo()
  git(root, 'init', '-q', '-b', 'main')
  writeFileSync(join(root, '.gitignore'), 'node_modules\n')
  execFileSync('mkdir', ['-p', join(root, '.changeset')])
  writeFileSync(join(root, '.changeset/README.md'), '# changesets\n')
  await generate({ repoRoot: root })
  git(root, 'add', '-A')
  git(root, 'commit', '-qm', 'first')
  return root
}

describe('npm run generate -- --changeset, in a scratch repository', () => {
  it('a field made required and one added: one changeset, the three demo packages, major, with a release note', async () => {
    const root = await scratch()
    edit(root, DEMO_SPEC, 'required: [ids]\n', 'required: [ids, keyId]\n')
    edit(
      root,
      DEMO_SPEC,
      '        loud: { type: boolean, default: false }\n',
      '        loud: { type: boolean, default: false }\n        zone: { type: string }\n',
    )
    await generate({ repoRoot: root })
    const written = writeSpecChangeset(root, 'HEAD')
    expect(written?.file).toMatch(/^\.changeset\/spec-[0-9a-f]{10}\.md$/)
    const text = readFileSync(join(root, written?.file ?? ''), 'utf8')
    expect(text).toBe(written?.text)
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1]
    // The command line and the MCP server expose the client's surface: its changes are theirs too.
    expect(front?.split('\n')).toEqual([
      '"@zenlayer-reset/cli": major',
      '"@zenlayer-reset/demo-client": major',
      '"@zenlayer-reset/demo-mock": major',
      '"@zenlayer-reset/demo-validator": major',
      '"@zenlayer-reset/mcp": major',
    ])
    expect(text).toContain(
      'Breaking changes:\n\n- demo CreateThing: request field became required, `request.keyId` (optional -> required). Calls without it are refused.',
    )
    expect(text).toContain(
      'Features:\n\n- demo CreateThing: optional request field added, `request.zone` ((none) -> string). Existing calls stay valid.',
    )
  }, 60_000)

  it('a description change alone: a patch for the client, whose JSDoc it is, and the CLI and MCP server, whose help it is', async () => {
    const root = await scratch()
    edit(root, DEMO_SPEC, 'description: Creates things.', 'description: Creates things, carefully.')
    await generate({ repoRoot: root })
    const result = classifySince(root, 'HEAD')
    expect(result.changes.map((c) => c.rule)).toEqual(['docs-changed'])
    const text = writeSpecChangeset(root, 'HEAD')?.text ?? ''
    expect(text).toMatch(
      /^---\n"@zenlayer-reset\/cli": patch\n"@zenlayer-reset\/demo-client": patch\n"@zenlayer-reset\/mcp": patch\n---\n\nFixes:\n\n- demo CreateThing: documentation changed, `description`/,
    )
    expect(text).not.toMatch(/major|minor/)
  }, 60_000)

  it('nothing changed: no changeset', async () => {
    const root = await scratch()
    const out: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((m) => void out.push(String(m)))
    expect(await main(['changeset', '--root', root])).toBe(0)
    log.mockRestore()
    expect(out.join('\n')).toMatch(/no generated package changed; no changeset written/)
  }, 60_000)

  it('the CI gate: since the last release, a changed package needs a changeset with at least its bump', async () => {
    const root = await scratch()
    // Never released: every package is new and needs at least a minor changeset.
    expect(lastRelease(root)).toBe(EMPTY_TREE)
    expect(checkChangesets(root).missing.map((m) => [m.pkg, m.need])).toEqual([
      ['@zenlayer-reset/cli', 'minor'],
      ['@zenlayer-reset/demo-client', 'minor'],
      ['@zenlayer-reset/demo-mock', 'minor'],
      ['@zenlayer-reset/demo-validator', 'minor'],
      ['@zenlayer-reset/mcp', 'minor'],
    ])
    writeFileSync(
      join(root, '.changeset/first.md'),
      '---\n"@zenlayer-reset/cli": minor\n"@zenlayer-reset/demo-client": minor\n"@zenlayer-reset/demo-mock": minor\n"@zenlayer-reset/demo-validator": minor\n"@zenlayer-reset/mcp": minor\n---\n\nFirst release.\n',
    )
    expect(checkChangesets(root).missing).toEqual([])
    git(root, 'add', '-A')
    git(root, 'commit', '-qm', 'changeset')
    // The release consumes the changeset: that commit is the new base.
    rmSync(join(root, '.changeset/first.md'))
    git(root, 'add', '-A')
    git(root, 'commit', '-qm', 'version packages')
    const release = git(root, 'rev-parse', 'HEAD').trim()
    expect(lastRelease(root)).toBe(release)
    expect(checkChangesets(root).missing).toEqual([])
    // A breaking spec change without a changeset fails the gate; a minor changeset is not enough.
    edit(root, DEMO_SPEC, 'maxItems: 3', 'maxItems: 2')
    await generate({ repoRoot: root })
    const gate = checkChangesets(root)
    expect(gate.missing.map((m) => [m.pkg, m.need, m.have])).toEqual([
      ['@zenlayer-reset/cli', 'major', undefined],
      ['@zenlayer-reset/demo-client', 'major', undefined],
      ['@zenlayer-reset/demo-mock', 'major', undefined],
      ['@zenlayer-reset/demo-validator', 'major', undefined],
      ['@zenlayer-reset/mcp', 'major', undefined],
    ])
    expect(gate.missing[0]?.because).toEqual(['request-limit-narrowed CreateThing request.ids.maxItems'])
    writeFileSync(join(root, '.changeset/small.md'), '---\n"@zenlayer-reset/demo-client": minor\n---\n\nToo small.\n')
    expect(checkChangesets(root).missing.find((m) => m.pkg === '@zenlayer-reset/demo-client')?.have).toBe('minor')
    writeSpecChangeset(root, release)
    expect(checkChangesets(root).missing).toEqual([])
    const err: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((m) => void err.push(String(m)))
    const out = vi.spyOn(console, 'log').mockImplementation(() => {})
    rmSync(join(root, '.changeset/small.md'))
    expect(await main(['changeset-check', '--root', root])).toBe(0)
    spy.mockRestore()
    out.mockRestore()
  }, 120_000)

  it('an unknown base ref is an error that names it', async () => {
    const root = await scratch()
    const err: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((m) => void err.push(String(m)))
    expect(await main(['diff', '--base', 'no-such-ref', '--root', root])).toBe(2)
    spy.mockRestore()
    expect(err.join('\n')).toMatch(/git ref 'no-such-ref' names no commit/)
  }, 60_000)
})
