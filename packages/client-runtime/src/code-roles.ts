// The error codes the client runtime must know by meaning, by role: the spec
// marks each code's role (x-zc-role in specs/shared/common.yaml) and the
// generated client carries the codes of these roles in its service table
// (`codes`), so the runtime holds no error code of its own. Data only: the
// generator imports this list to emit exactly these and to refuse a spec that
// lacks one.
export const CLIENT_CODE_ROLES = [
  // The code of an input that does not serialise to a JSON object (the server's answer to such a body).
  'bodyMalformed',
  // The 401 code of a timestamp outside the server's window: the client corrects its clock once and signs again.
  'timestampExpired',
] as const

export type ClientCodeRole = (typeof CLIENT_CODE_ROLES)[number]

/** The spec's code for each role the client runtime reads. */
export type ClientCodes = Readonly<Record<ClientCodeRole, string>>
