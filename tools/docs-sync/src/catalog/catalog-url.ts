// Where the vendor publishes the catalog file of an action: its command-line
// tool's repository, one YAML file per action under the product's folder, the
// action's name in kebab case (`ResetInstances` -> `reset-instances.yaml`).

export const CATALOG_BASE = 'https://raw.githubusercontent.com/zenlayer/zenlayercloud-cli/main/apis/en-US'

/** `DescribeInstancesStatus` -> `describe-instances-status`. */
export function kebab(action: string): string {
  return action.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
}

export function catalogUrl(service: string, action: string): string {
  return `${CATALOG_BASE}/${service}/${kebab(action)}.yaml`
}
