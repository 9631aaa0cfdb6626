import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

// What `npm run demo` prints, run as it runs (over the built packages): each
// outcome named for what it is, every state change, and no secret.
const demo = fileURLToPath(new URL('../bin/demo.mjs', import.meta.url))
let lines: string[]
let status: number | null

beforeAll(() => {
  const run = spawnSync(process.execPath, [demo], { encoding: 'utf8', timeout: 60_000 })
  status = run.status
  lines = `${run.stdout}${run.stderr}`.split('\n')
}, 70_000)

describe('the demo', () => {
  it('runs to the end', () => {
    expect(status).toBe(0)
    expect(lines.some((l) => l.includes('zec zec-web-1: STOPPED -> DEPLOYING -> RUNNING'))).toBe(true)
    expect(lines.some((l) => l.includes('vm vm-ci-1: STOPPED -> REBUILDING -> RUNNING'))).toBe(true)
    expect(lines.some((l) => l.includes('bmc bm-db-1: RUNNING -> INSTALLING -> RUNNING'))).toBe(true)
  })

  it('reads back what the bmc reinstall changed, its password masked', () => {
    expect(lines).toContain('  DescribeInstances: hostname db-1.example, RAID {"raidType":1}')
    expect(lines.join('\n')).not.toContain('Example-123')
  })

  it("labels the batch reply's list as the ids that failed, never as a bare instanceIds", () => {
    const reply = lines.find((l) => l.includes('<- 200') && l.includes('zec-db-1'))
    expect(reply).toMatch(/<- 200 failed: zec-db-1 \(the reply's instanceIds lists the ids NOT reset\)/)
    expect(lines.filter((l) => /<- \d+ \{"instanceIds"/.test(l))).toEqual([])
    expect(lines).toContain('  accepted: zec-web-1, zec-web-2; failed: zec-db-1')
  })

  it('prints the refusal of a running vm instance by its code', () => {
    expect(lines).toContain('  refused: OPERATION_DENIED_INSTANCE_NOT_STOPPED (HTTP 403)')
  })

  it('prints no secret: neither the access-key secret, nor the password, nor a signature', () => {
    const text = lines.join('\n')
    expect(text).not.toContain('mock-access-secret')
    expect(text).not.toContain('Example+123')
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/)
    expect(text).toContain('"password":"***"')
  })

  it('says what *** is: the masked Authorization header, on every request line', () => {
    const requests = lines.filter((l) => l.startsWith('  -> '))
    expect(requests.length).toBeGreaterThan(0)
    for (const line of requests) expect(line).toMatch(/ {2}Authorization: \*\*\* \(masked\)$/)
    expect(lines.join('\n')).toContain("the Authorization header, which carries the access key's signature")
  })
})
