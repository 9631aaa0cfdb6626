// Carries out the plan: the issue through the GitHub API, the record through
// `zr-docs --record` on the pages this run saved, committed on one branch and
// proposed in one pull request.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readBoundedFile } from '../bounded-file.js'
import type { GitHub } from './github.js'
import { ISSUE_LABEL, isLoopReport, type LoopAction, planLoop, RECORD_BRANCH } from './plan.js'

export interface LoopOptions {
  readonly root: string
  readonly reportFile: string
  readonly pagesDir: string
  readonly github: GitHub
  readonly baseBranch: string
  readonly runUrl?: string
  readonly log?: (line: string) => void
}

/** A report is a few hundred kilobytes; this is room for any real one. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024

const ZR_DOCS = fileURLToPath(new URL('../../bin/zr-docs.js', import.meta.url))

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

export async function runLoop(options: LoopOptions): Promise<LoopAction[]> {
  const log = options.log ?? ((line: string) => console.log(line))
  let parsed: unknown
  try {
    // Bounded like a page: a FIFO or a device named as the report must not hang or fill memory.
    parsed = JSON.parse(readBoundedFile(options.reportFile, MAX_REPORT_BYTES))
  } catch (error) {
    throw new Error(`${options.reportFile} is not a docs:check --json report: ${(error as Error).message}`)
  }
  if (!isLoopReport(parsed)) throw new Error(`${options.reportFile} is not a docs:check --json report`)
  const actions = planLoop(parsed, options.runUrl)
  for (const action of actions) {
    if (action.kind === 'upsert-issue') {
      const open = await options.github.findOpenIssue(ISSUE_LABEL)
      if (open === undefined)
        log(`opened issue #${await options.github.createIssue(action.title, action.body, ISSUE_LABEL)}`)
      else {
        await options.github.updateIssue(open, action.body)
        log(`updated issue #${open}`)
      }
    } else if (action.kind === 'close-issue') {
      const open = await options.github.findOpenIssue(ISSUE_LABEL)
      if (open !== undefined) {
        await options.github.closeIssue(open, action.comment)
        log(`closed issue #${open}`)
      }
    } else {
      execFileSync(process.execPath, [ZR_DOCS, '--root', options.root, '--full', '--record', options.pagesDir], {
        cwd: options.root,
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      if (git(options.root, 'status', '--porcelain', '--', 'specs/vendor-pages.json').trim() === '') {
        log('the record is already up to date; no pull request')
        continue
      }
      git(options.root, 'checkout', '-B', RECORD_BRANCH)
      git(options.root, 'add', 'specs/vendor-pages.json')
      git(
        options.root,
        '-c',
        'user.name=docs-sync',
        '-c',
        'user.email=docs-sync@users.noreply.github.com',
        'commit',
        '-m',
        action.title,
      )
      git(options.root, 'push', '--force', 'origin', RECORD_BRANCH)
      const open = await options.github.findOpenPull(RECORD_BRANCH)
      if (open === undefined)
        log(
          `opened pull request #${await options.github.createPull(action.title, action.body, RECORD_BRANCH, options.baseBranch)}`,
        )
      else log(`updated pull request #${open}`)
    }
  }
  return actions
}
