import { pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { isObject } from '../load/json-pointer.js'
import type { LoadedSpec } from '../load/resolve.js'
import { type CheckResult, result } from './result.js'

/**
 * The action encoding must survive the rest of the toolchain: openapi-typescript
 * must accept the spec (external $refs included) and give every action its own
 * path key and its own operation type.
 */
export async function checkOpenapiTypescript(spec: LoadedSpec): Promise<CheckResult[]> {
  const at = { file: spec.entry, pointer: '/paths' }
  let source: string
  try {
    source = astToString(await openapiTS(pathToFileURL(spec.entry), { silent: true }))
  } catch (error) {
    return [result('openapi-typescript accepts', 'spec', at, [(error as Error).message])]
  }
  const problems: string[] = []
  const paths = isObject(spec.document.paths) ? spec.document.paths : {}
  for (const [pathKey, item] of Object.entries(paths)) {
    if (!source.includes(`"${pathKey}": {`)) problems.push(`no path key ${pathKey} in the generated types`)
    const id = isObject(item) && isObject(item.post) ? item.post.operationId : undefined
    if (typeof id === 'string' && !source.includes(`    ${id}: {`)) problems.push(`no operation type ${id}`)
  }
  return [result('openapi-typescript accepts', 'spec', at, problems)]
}
