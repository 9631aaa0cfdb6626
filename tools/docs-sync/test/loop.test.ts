// The scheduled loop, run as the workflow runs it (bin/zr-docs-loop.js) with
// recorded reports and pages (test/fixtures/loop), against a local fake of
// the GitHub API and a scratch clone with a local "origin": no network.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { issueBody, planLoop, RECORD_BRANCH } from '../src/loop/plan.js'
import { ROOT } from './helpers.js'

const FIXTURES = resolve(import.meta.dirname, 'fixtures/loop')
const LOOP = resolve(import.meta.dirname, '../bin/zr-docs-loop.js')
const report = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'))

interface Call {
  method: string
  path: string
  body: Record<string, unknown> | undefined
}

/** A fake of the GitHub REST endpoints the loop uses, keeping issues and pulls in memory. */
function fakeGitHub() {
  const calls: Call[] = []
  const issues: { number: number; state: string; labels: string[]; body: string; title: string }[] = []
  const pulls: { number: number; head: string; title: string }[] = []
  let next = 1
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => {
      raw += c
    })
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
      calls.push({ method: req.method ?? '', path: url.pathname + url.search, body })
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(value))
      }
      if (req.headers.authorization !== 'Bearer test-token') return send(401, { message: 'Bad credentials' })
      const base = '/repos/acme/zenlayer-reset'
      const path = url.pathname
      if (req.method === 'GET' && path === `${base}/issues`) {
        return send(
          200,
          issues.filter((i) => i.state === 'open' && i.labels.includes(url.searchParams.get('labels') ?? '')),
        )
      }
      if (req.method === 'POST' && path === `${base}/issues`) {
        const issue = {
          number: next++,
          state: 'open',
          labels: body?.labels as string[],
          body: String(body?.body),
          title: String(body?.title),
        }
        issues.push(issue)
        return send(201, issue)
      }
      const one = /^\/repos\/acme\/zenlayer-reset\/issues\/(\d+)(\/comments)?$/.exec(path)
      if (one) {
        const issue = issues.find((i) => i.number === Number(one[1]))
        if (!issue) return send(404, {})
        if (one[2]) return send(201, { id: 1 })
        if (typeof body?.body === 'string') issue.body = body.body
        if (typeof body?.state === 'string') issue.state = body.state
        return send(200, issue)
      }
      if (req.method === 'GET' && path === `${base}/pulls`)
        return send(
          200,
          pulls.filter((p) => `acme:${p.head}` === url.searchParams.get('head')),
        )
      if (req.method === 'POST' && path === `${base}/pulls`) {
        const pull = { number: next++, head: String(body?.head), title: String(body?.title) }
        pulls.push(pull)
        return send(201, pull)
      }
      send(404, { message: 'not faked' })
    })
  })
  return { server, calls, issues, pulls }
}

let servers: Server[] = []
afterEach(() => {
  for (const s of servers) s.close()
  servers = []
})

async function start() {
  const fake = fakeGitHub()
  await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', () => r()))
  servers.push(fake.server)
  return { ...fake, url: `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}` }
}

/** A scratch checkout of the specs (with the committed record) whose origin is a local bare repository. */
function scratchRepo(): { root: string; origin: string } {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
      encoding: 'utf8',
    })
  const origin = mkdtempSync(join(tmpdir(), 'zr-loop-origin-'))
  git(origin, 'init', '-q', '--bare', '-b', 'main')
  const root = mkdtempSync(join(tmpdir(), 'zr-loop-'))
  cpSync(join(ROOT, 'specs'), join(root, 'specs'), {
    recursive: true,
    filter: (src) => !/node_modules|[/\\]dist([/\\]|$)/.test(src),
  })
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n')
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  git(root, 'commit', '-qm', 'specs')
  git(root, 'remote', 'add', 'origin', origin)
  git(root, 'push', '-q', 'origin', 'main')
  return { root, origin }
}

function runLoopBin(
  cwd: string,
  reportFile: string,
  pages: string,
  apiUrl: string,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [LOOP, reportFile, pages], {
      cwd,
      env: {
        ...process.env,
        GITHUB_TOKEN: 'test-token',
        GITHUB_REPOSITORY: 'acme/zenlayer-reset',
        GITHUB_API_URL: apiUrl,
        GITHUB_REF_NAME: 'main',
      },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c) => {
      out += c
    })
    child.stderr.on('data', (c) => {
      err += c
    })
    child.on('close', (code) => resolveRun({ code: code ?? -1, out, err }))
  })
}

describe('planLoop', () => {
  it('drift: one issue to open or update, nothing to record', () => {
    const actions = planLoop(report('drift.json'))
    expect(actions.map((a) => a.kind)).toEqual(['upsert-issue'])
  })

  it('a changed page that still agrees: close any drift issue and propose recording it', () => {
    const actions = planLoop(report('changed.json'))
    expect(actions.map((a) => a.kind)).toEqual(['close-issue', 'record-pr'])
    expect(actions[1]).toMatchObject({ pages: ['vm ResetInstance'] })
  })

  it('unchanged pages: only closing a stale issue', () => {
    const unchanged = {
      exitCode: 0,
      pages: [
        { ...report('changed.json').pages[0], verdict: 'unchanged', pageChanged: false, changes: [], findings: [] },
      ],
      failures: [],
    }
    expect(planLoop(unchanged).map((a) => a.kind)).toEqual(['close-issue'])
  })

  it('a page that could not be read is reported in the issue', () => {
    const failed = {
      exitCode: 2,
      pages: [],
      failures: [{ page: 'u', problem: 'https://docs.example/x.md: cannot fetch (ENOTFOUND)' }],
    }
    expect(planLoop(failed)[0]).toMatchObject({ kind: 'upsert-issue' })
    expect(issueBody(failed, undefined)).toContain('- `https://docs.example/x.md: cannot fetch (ENOTFOUND)`')
  })

  it('the issue quotes each drift line and what changed', () => {
    const body = issueBody(report('drift.json'), 'https://github.com/acme/zenlayer-reset/actions/runs/1')
    expect(body).toContain('### zec ResetInstances')
    expect(body).toContain('- `input.instanceName.maxLength`: `63` -> `40`')
    expect(body).toMatch(
      /DRIFT {4}zec ResetInstances input instanceName maxLength: page 40, spec 63 \| page: "2-40 characters\."/,
    )
    expect(body).toContain('Run: https://github.com/acme/zenlayer-reset/actions/runs/1')
  })
})

describe('zr-docs-loop, end to end without the network', () => {
  it('drift opens one issue, and the next run updates it instead of opening another', async () => {
    const gh = await start()
    const { root } = scratchRepo()
    const first = await runLoopBin(root, join(FIXTURES, 'drift.json'), join(FIXTURES, 'pages-drift'), gh.url)
    expect(first).toMatchObject({ code: 0 })
    expect(first.out).toMatch(/opened issue #1/)
    const second = await runLoopBin(root, join(FIXTURES, 'drift.json'), join(FIXTURES, 'pages-drift'), gh.url)
    expect(second.out).toMatch(/updated issue #1/)
    expect(gh.issues).toHaveLength(1)
    expect(gh.issues[0]).toMatchObject({ labels: ['docs-drift'], state: 'open' })
    expect(gh.issues[0]?.body).toContain('input instanceName maxLength: page 40, spec 63')
    expect(gh.calls.map((c) => `${c.method} ${c.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/zenlayer-reset/issues',
      'POST /repos/acme/zenlayer-reset/issues',
      'GET /repos/acme/zenlayer-reset/issues',
      'PATCH /repos/acme/zenlayer-reset/issues/1',
    ])
  }, 60_000)

  it('a changed page that agrees: the drift issue is closed and a pull request records the new version', async () => {
    const gh = await start()
    const { root, origin } = scratchRepo()
    await runLoopBin(root, join(FIXTURES, 'drift.json'), join(FIXTURES, 'pages-drift'), gh.url)
    const run = await runLoopBin(root, join(FIXTURES, 'changed.json'), join(FIXTURES, 'pages'), gh.url)
    expect(run.err).toMatch(/recorded 1 witness\(es\) as reconciled \(vm ResetInstance \(page\)\)/)
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/closed issue #1/)
    expect(run.out).toMatch(/opened pull request #2/)
    expect(gh.issues[0]?.state).toBe('closed')
    expect(gh.pulls).toEqual([
      { number: 2, head: RECORD_BRANCH, title: 'docs-sync: record the vendor pages of vm ResetInstance' },
    ])
    const pushed = execFileSync('git', ['-C', origin, 'show', `${RECORD_BRANCH}:specs/vendor-pages.json`], {
      encoding: 'utf8',
    })
    const before = JSON.parse(readFileSync(join(ROOT, 'specs/vendor-pages.json'), 'utf8'))
    const after = JSON.parse(pushed)
    expect(after.pages['vm ResetInstance'].pageSha256).not.toBe(before.pages['vm ResetInstance'].pageSha256)
    expect(after.pages['zec ResetInstances']).toEqual(before.pages['zec ResetInstances'])
    // Run again on the same pages: the branch already records them; no second pull request.
    execFileSync('git', ['-C', root, 'checkout', '-q', 'main'])
    const again = await runLoopBin(root, join(FIXTURES, 'changed.json'), join(FIXTURES, 'pages'), gh.url)
    expect(again.out).toMatch(/updated pull request #2/)
    expect(gh.pulls).toHaveLength(1)
  }, 60_000)

  it('refuses a file that is not a report, and runs without credentials are usage errors', async () => {
    const gh = await start()
    const { root } = scratchRepo()
    writeFileSync(join(root, 'bad.json'), '{"hello": 1}')
    expect(await runLoopBin(root, join(root, 'bad.json'), join(FIXTURES, 'pages'), gh.url)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/is not a docs:check --json report/),
    })
    const noToken = await new Promise<number>((r) => {
      const child = spawn(process.execPath, [LOOP, 'a.json', 'p'], { env: { PATH: process.env.PATH ?? '' } })
      child.on('close', (code) => r(code ?? -1))
    })
    expect(noToken).toBe(2)
  }, 60_000)
})
