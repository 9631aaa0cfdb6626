// What the server's README says of credentials and secrets, from the specs:
// each service's access key variables (x-zc-signing credentialsFromEnv),
// grouped when services share them, and the fields marked secret
// (x-zc-sensitive). (The vendor CLI's variables, which no spec names, come
// from their owner, the profile reader.)
import type { ServiceModel } from '../../model/types.js'

export interface AccessKeyEnv {
  readonly id: string
  readonly secret: string
  /** The services whose spec names this pair, in the order given. */
  readonly services: readonly string[]
}

/** Each distinct pair of access key variables the specs name, in the order of the first service naming it. */
export function accessKeyEnv(services: readonly Pick<ServiceModel, 'name' | 'signing'>[]): AccessKeyEnv[] {
  const pairs = new Map<string, { id: string; secret: string; services: string[] }>()
  for (const { name, signing } of services) {
    const key = `${signing.envAccessKeyId}\n${signing.envAccessKeySecret}`
    const pair = pairs.get(key) ?? { id: signing.envAccessKeyId, secret: signing.envAccessKeySecret, services: [] }
    pair.services.push(name)
    pairs.set(key, pair)
  }
  return [...pairs.values()]
}

/** `A` and `B`, or, when the services differ, `A` and `B` (zec, vm) or `C` and `D` (bmc). */
export function accessKeyEnvInWords(pairs: readonly AccessKeyEnv[]): string {
  const one = (p: AccessKeyEnv) => `\`${p.id}\` and \`${p.secret}\``
  if (pairs.length === 1) return one(pairs[0] as AccessKeyEnv)
  return pairs.map((p) => `${one(p)} (${p.services.join(', ')})`).join(', or ')
}

/** Every request field a spec marks secret (x-zc-sensitive), once, in the order the services and actions give them. */
export function secretFields(services: readonly Pick<ServiceModel, 'operations'>[]): string[] {
  const names = new Set<string>()
  for (const service of services) for (const op of service.operations) for (const f of op.sensitiveFields) names.add(f)
  return [...names]
}
