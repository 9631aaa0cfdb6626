// The codes a runtime reads by role, picked from the model for that runtime's
// own list: a spec that gives no code for one of them stops generation here,
// naming the role, instead of leaving a runtime without an answer.
import { SpecError } from '@zenlayer-reset/spec-tools'
import type { ServiceModel } from '../../model/types.js'

export function codesFor<Role extends string>(
  service: ServiceModel,
  roles: readonly Role[],
  reader: string,
): Readonly<Record<Role, string>> {
  const missing = roles.filter((role) => service.codeRoles[role] === undefined)
  if (missing.length > 0) {
    throw new SpecError(
      { file: service.specPath, pointer: '' },
      `${reader} reads the error code${missing.length === 1 ? '' : 's'} of role ${missing.join(', ')}; no code of ${service.name} has that x-zc-role`,
    )
  }
  return Object.fromEntries(roles.map((role) => [role, service.codeRoles[role] as string])) as Record<Role, string>
}
