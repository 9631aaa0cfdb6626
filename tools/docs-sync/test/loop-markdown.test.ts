// The loop writes page text into GitHub issues and pull requests only as
// code: a mention in a page must not notify anyone, a link or an image must
// not render, and nothing in a page can close the code it is quoted in
// (issue 26, item 12).
import { describe, expect, it } from 'vitest'
import type { Finding } from '../src/compare.js'
import { issueBody, type LoopReport, planLoop } from '../src/loop/plan.js'

/** Markdown a page could carry to act on the issue: mentions, links, images, HTML, fences, backticks. */
const HOSTILE = [
  '@octocat',
  '[click](https://evil.example/a)',
  '![pixel](https://evil.example/p.png)',
  '<img src="https://evil.example/i.png">',
  '```\n@fence-breaker\n```',
  '`` ` @in-backticks ` ``',
  '#123',
  '\n\n# Heading from a page',
]
const WORDS = ['octocat', 'evil.example', 'fence-breaker', 'in-backticks', '#123', 'Heading from a page']

function finding(quote: string, value: string): Finding {
  return {
    service: 'vm',
    action: 'ResetInstance',
    subject: 'input',
    field: 'wanName',
    fact: 'default',
    verdict: 'drift',
    page: value,
    spec: 'eth0',
    quote,
    where: 'input, row 6 (Description), line 33',
  } as Finding
}

function report(text: string, verdict: 'drift' | 'in sync'): LoopReport {
  return {
    exitCode: verdict === 'drift' ? 1 : 0,
    pages: [
      {
        page: `pages/${text}.md`,
        service: 'vm',
        action: 'ResetInstance',
        verdict,
        recorded: true,
        pageChanged: true,
        changes: [{ key: 'input.wanName.default', before: 'eth0', after: text }],
        findings: verdict === 'drift' ? [finding(text, text)] : [],
      },
    ],
    failures: [{ page: `pages/${text}.md`, problem: `pages/${text}.md (title): "${text}" is not an action name` }],
  }
}

/**
 * The body with every code block and code span taken out, as CommonMark reads
 * them: a fence closes only with a line of at least its own backticks, a span
 * only with a run of exactly its own length.
 */
function outsideCode(markdown: string): string {
  const kept: string[] = []
  let fence: string | undefined
  for (const line of markdown.split('\n')) {
    const run = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) {
      if (run && run[0] === fence[0] && run.length >= fence.length && line.trim() === run) fence = undefined
    } else if (run) fence = run
    else kept.push(withoutSpans(line))
  }
  return kept.join('\n')
}

function withoutSpans(line: string): string {
  let out = ''
  let i = 0
  while (i < line.length) {
    if (line[i] !== '`') {
      out += line[i++]
      continue
    }
    let j = i
    while (line[j] === '`') j++
    const close = closingRun(line, j, j - i)
    if (close < 0) out += line.slice(i, j)
    i = close < 0 ? j : close + (j - i)
  }
  return out
}

/** Where a backtick run of exactly `n` starts at or after `from`; -1 when none does. */
function closingRun(line: string, from: number, n: number): number {
  for (let k = from; k < line.length; ) {
    if (line[k] !== '`') {
      k++
      continue
    }
    let e = k
    while (line[e] === '`') e++
    if (e - k === n) return k
    k = e
  }
  return -1
}

describe('page text in the drift issue is code only', () => {
  it.each(HOSTILE)('%j', (text) => {
    const body = issueBody(report(text, 'drift'), undefined)
    const outside = outsideCode(body)
    for (const word of WORDS) expect(outside).not.toContain(word)
    // ... and it is still there, as code, for the reader.
    expect(body).toContain(text.replace(/\n/g, '\\n').slice(0, 10))
  })
})

describe('page text in the record pull request is code only', () => {
  it.each(HOSTILE)('%j', (text) => {
    const pr = planLoop(report(text, 'in sync')).find((a) => a.kind === 'record-pr')
    if (pr?.kind !== 'record-pr') throw new Error('no record pull request planned')
    const outside = outsideCode(pr.body)
    for (const word of WORDS) expect(outside).not.toContain(word)
  })
})

describe('a long issue body is cut between lines, never inside code', () => {
  it('twenty thousand drift lines', () => {
    const many = report('@octocat', 'drift')
    const page = many.pages[0]
    if (!page) throw new Error('no page')
    const big: LoopReport = {
      ...many,
      pages: [{ ...page, findings: Array.from({ length: 20_000 }, (_, i) => finding(`@octocat ${i}`, `v${i}`)) }],
    }
    const body = issueBody(big, undefined)
    expect(body.length).toBeLessThanOrEqual(61_000)
    expect(outsideCode(body)).not.toContain('octocat')
    expect(body).toMatch(/cut: the whole report is the run's docs-report artifact/)
  })
})
