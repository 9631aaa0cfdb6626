// The few GitHub REST calls the loop makes, over fetch, against
// GITHUB_API_URL (a test points it at a local fake).
export interface GitHub {
  findOpenIssue(label: string): Promise<number | undefined>
  createIssue(title: string, body: string, label: string): Promise<number>
  updateIssue(issue: number, body: string): Promise<void>
  closeIssue(issue: number, comment: string): Promise<void>
  findOpenPull(branch: string): Promise<number | undefined>
  createPull(title: string, body: string, branch: string, base: string): Promise<number>
}

export function gitHubApi(options: {
  apiUrl: string
  token: string
  repository: string
  fetch?: typeof fetch
}): GitHub {
  const doFetch = options.fetch ?? fetch
  const owner = options.repository.split('/')[0] ?? ''
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await doFetch(`${options.apiUrl.replace(/\/$/, '')}/repos/${options.repository}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
    if (!response.ok)
      throw new Error(`GitHub ${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`)
    return response.status === 204 ? undefined : response.json()
  }
  return {
    async findOpenIssue(label) {
      const list = (await call('GET', `/issues?state=open&labels=${encodeURIComponent(label)}&per_page=20`)) as {
        number: number
        pull_request?: unknown
      }[]
      return list.find((i) => i.pull_request === undefined)?.number
    },
    async createIssue(title, body, label) {
      return ((await call('POST', '/issues', { title, body, labels: [label] })) as { number: number }).number
    },
    async updateIssue(issue, body) {
      await call('PATCH', `/issues/${issue}`, { body })
    },
    async closeIssue(issue, comment) {
      await call('POST', `/issues/${issue}/comments`, { body: comment })
      await call('PATCH', `/issues/${issue}`, { state: 'closed', state_reason: 'completed' })
    },
    async findOpenPull(branch) {
      const list = (await call('GET', `/pulls?state=open&head=${encodeURIComponent(`${owner}:${branch}`)}`)) as {
        number: number
      }[]
      return list[0]?.number
    },
    async createPull(title, body, branch, base) {
      return ((await call('POST', '/pulls', { title, body, head: branch, base })) as { number: number }).number
    },
  }
}
