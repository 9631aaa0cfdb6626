// The README's account of what a new mock holds, and how to make the spec's
// own examples (the ones the client's JSDoc shows) name something. The
// defaults are the engine's (INSTANCE_DEFAULTS); the example ids are the spec's
// examples of the request fields the state rules read as an image or a key pair.
import { INSTANCE_DEFAULTS } from '@zenlayer-reset/mock-engine'
import type { ObjectNode, ServiceModel } from '../../model/types.js'
import { itemNode } from '../shared/descriptor.js'

/** Rule field roles whose values must name something the account holds, and where a seed lists them. */
const SEEDED_ROLES = { image: 'images', keyPair: 'keyPairs' } as const

type SeedList = (typeof SEEDED_ROLES)[keyof typeof SEEDED_ROLES]

/** The first string example of each request field the state rules read as an image or a key pair, by seed list. */
export function exampleSeed(service: ServiceModel): Record<SeedList, string[]> {
  const seed: Record<SeedList, string[]> = { images: [], keyPairs: [] }
  for (const op of service.operations) {
    for (const rule of op.stateRules) {
      for (const [role, list] of Object.entries(SEEDED_ROLES) as [keyof typeof SEEDED_ROLES, SeedList][]) {
        const field = rule.fields[role]
        const example = field === undefined ? undefined : firstStringExample(op.request, field)
        if (example !== undefined && !seed[list].includes(example)) seed[list].push(example)
      }
    }
  }
  return seed
}

function firstStringExample(request: ObjectNode, field: string): string | undefined {
  const node = request.properties.find((p) => p.name === field)?.schema
  return node?.examples.find((e): e is string => typeof e === 'string')
}

/** The README bullet on the mock's starting state. */
export function stateBullet(service: ServiceModel): string {
  const d = INSTANCE_DEFAULTS
  // The engine starts a seeded instance where a reset starts: the first transition's first `from` status.
  const status = service.operations.find((op) => op.transition)?.transition?.from[0] ?? d.status
  const seed = exampleSeed(service)
  const lines = [
    `- State: a new mock holds no instances, images or key pairs. A seeded instance`,
    `  defaults to \`${JSON.stringify({ status, osType: d.osType, imageId: d.imageId, bootDiskGb: d.bootDiskGb, zoneId: d.zoneId })}\`,`,
    `  and its image is added to the account. An image or key pair a request names`,
    `  must be seeded first, or the reset is refused (404).`,
  ]
  const given = [
    seed.images.length > 0 ? `images: [${seed.images.map((id) => `{ imageId: '${id}' }`).join(', ')}]` : undefined,
    seed.keyPairs.length > 0 ? `keyPairs: [${seed.keyPairs.map((id) => `'${id}'`).join(', ')}]` : undefined,
  ].filter((part) => part !== undefined)
  if (given.length > 0)
    lines.push(`  The spec's examples (in the client's JSDoc) need \`mock.seed({ ${given.join(', ')} })\`.`)
  // A status query whose items show more than the status: the engine's seed check takes `item` (seed-check.ts).
  const shown = service.operations.find((op) => itemNode(op)?.examples[0] !== undefined)
  if (shown) {
    const fields = (itemNode(shown)?.properties ?? [])
      .map((p) => p.name)
      .filter((name) => name !== shown.pagination?.itemId && name !== shown.pagination?.itemStatus)
      .slice(0, 4)
    lines.push(
      `  \`item\` on a seeded instance sets what ${shown.action} shows of it (${fields.map((f) => `\`${f}\``).join(', ')}, ...),`,
      `  so its filters can tell instances apart; a field not given is the spec's example item's.`,
    )
  }
  return `${lines.join('\n')}\n`
}
