import { gitHubApi } from './loop/github.js'
import { runLoop } from './loop/run-loop.js'

const USAGE = `usage: zr-docs-loop <report.json> <pages-dir>
  The scheduled workflow's second step (.github/workflows/docs-drift.yml): reads the report of
  \`zr-docs --fetch --save <pages-dir> --json\` and opens or updates the drift issue, closes it when the
  pages agree again, and opens a pull request recording pages that changed but still agree.
  Environment: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name), GITHUB_API_URL (default https://api.github.com),
  GITHUB_REF_NAME (the branch the schedule runs on; default main), GITHUB_SERVER_URL + GITHUB_RUN_ID for a link to the run.`

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [reportFile, pagesDir, ...rest] = argv
  if (!reportFile || !pagesDir || rest.length > 0) {
    console.error(USAGE)
    return 2
  }
  const token = env.GITHUB_TOKEN
  const repository = env.GITHUB_REPOSITORY
  if (!token || !repository) {
    console.error(`zr-docs-loop: GITHUB_TOKEN and GITHUB_REPOSITORY must be set\n${USAGE}`)
    return 2
  }
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  try {
    await runLoop({
      root: process.cwd(),
      reportFile,
      pagesDir,
      github: gitHubApi({ apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', token, repository }),
      baseBranch: env.GITHUB_REF_NAME || 'main',
      ...(runUrl ? { runUrl } : {}),
    })
    return 0
  } catch (error) {
    console.error(`zr-docs-loop: ${(error as Error).message}`)
    return 1
  }
}
