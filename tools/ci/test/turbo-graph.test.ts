import { execFileSync } from 'node:child_process'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

// turbo must know that the two services are independent: nothing a vm task
// hashes or waits for may come from zec, and the other way round. This reads
// turbo's own task graph (a dry run), so it breaks if a package starts to
// depend on the other service or an input glob reaches across.
const root = fileURLToPath(new URL('../../..', import.meta.url))

interface DryTask {
  taskId: string
  command: string
  directory: string
  dependencies: string[]
  inputs: Record<string, string>
}

let tasks: Map<string, DryTask>

beforeAll(() => {
  const env = {
    ...process.env,
    PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
    TURBO_TELEMETRY_DISABLED: '1',
  }
  const out = execFileSync(
    join(root, 'node_modules', '.bin', 'turbo'),
    ['run', 'generate', 'build', 'typecheck', 'lint', 'test', '--dry=json'],
    {
      cwd: root,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  tasks = new Map((JSON.parse(out).tasks as DryTask[]).map((t) => [t.taskId, t]))
}, 60_000)

/** Every task `id` waits for, directly or not. */
function closure(id: string, seen = new Set<string>()): Set<string> {
  for (const dep of tasks.get(id)?.dependencies ?? []) {
    if (!seen.has(dep)) {
      seen.add(dep)
      closure(dep, seen)
    }
  }
  return seen
}

const serviceOf = (dir: string): string | undefined => /(?:^|\/)(?:specs\/|packages\/)(zec|vm)(?:-|\/|$)/.exec(dir)?.[1]

describe.each(['zec', 'vm'])('tasks of %s', (service) => {
  const other = service === 'zec' ? 'vm' : 'zec'

  it('exist in the graph', () => {
    expect([...tasks.values()].filter((t) => serviceOf(t.directory) === service).length).toBeGreaterThan(0)
  })

  it(`neither wait for nor hash anything of ${other}`, () => {
    for (const task of tasks.values()) {
      if (serviceOf(task.directory) !== service) continue
      const crossing = [...closure(task.taskId)].filter((dep) => serviceOf(tasks.get(dep)?.directory ?? '') === other)
      expect(crossing, task.taskId).toEqual([])
      expect(
        Object.keys(task.inputs).filter((f) => f.includes(`/${other}/`) || f.includes(`${other}-`)),
        task.taskId,
      ).toEqual([])
    }
  })
})

it('shared spec changes reach both services', () => {
  for (const service of ['zec', 'vm']) {
    expect(closure(`@zenlayer-reset/spec-${service}#test`)).toContain('@zenlayer-reset/spec-shared#build')
  }
})

it.each(['zec', 'vm'])('a generated %s package regenerates for its spec and the generator only', (service) => {
  for (const kind of ['client', 'validator', 'mock']) {
    // Tasks a package has no script for are placeholders in turbo's graph; they run nothing.
    const deps = [...closure(`@zenlayer-reset/${service}-${kind}#generate`)]
      .filter((id) => tasks.get(id)?.command !== '<NONEXISTENT>')
      .sort()
    // The generator reads the state-rule ids and the code roles from the runtimes (their one
    // owners), so the runtimes are built first.
    expect(deps, `${service}-${kind}`).toEqual(
      [
        '@zenlayer-reset/client-runtime#build',
        '@zenlayer-reset/codegen#build',
        '@zenlayer-reset/mock-engine#build',
        '@zenlayer-reset/spec-shared#build',
        '@zenlayer-reset/spec-tools#build',
        `@zenlayer-reset/spec-${service}#build`,
        '@zenlayer-reset/validator-runtime#build',
      ].sort(),
    )
  }
})

it('`npm run generate` builds nothing but the generator and the specs (no other package waits on a build for it)', () => {
  const builds = new Set<string>()
  for (const id of tasks.keys()) {
    if (!id.endsWith('#generate')) continue
    for (const dep of closure(id)) if (tasks.get(dep)?.command !== '<NONEXISTENT>') builds.add(dep)
  }
  const allowed =
    /^@zenlayer-reset\/(codegen|client-runtime|mock-engine|spec-tools|validator-runtime|spec-[a-z]+)#build$/
  expect([...builds].filter((id) => !allowed.test(id) && !id.endsWith('#generate')).sort()).toEqual([])
})
