// The state rules the engine implements (x-zc-state-rules), by id, each with
// the request fields it reads, by role: the one list. rules.ts implements each
// id (its table is typed by this one), and the generator imports it to refuse
// a spec naming a rule nobody implements, or a rule whose `fields` do not give
// exactly these roles. The spec names the field for each role, so the engine
// knows no request field by name. Data only: the generator loads this module
// without the engine.
export const RULE_FIELD_ROLES = {
  'instance-exists': [],
  'instance-not-recycled': [],
  'instance-powered-off': [],
  // The same check as instance-powered-off for a service whose transition starts from more than a power state
  // (bmc reinstalls RUNNING, STOPPED or INSTALL_FAILED servers): the id says what the vendor's rule is about.
  'instance-in-start-status': [],
  'same-os-type': [],
  'disk-fits-image': [],
  // The image a reset installs is the transition's `image` field (else the instance's own).
  'no-credentials-on-windows-or-generic': ['password', 'keyPair'],
  'no-key-on-windows-or-generic': ['keyPair'],
  'image-exists': ['image'],
  'key-pair-exists': ['keyPair'],
  'region-supports-script': ['script'],
  // A list of partitions (`partitions`) and the fields of its items (`mountPoint`, `fileSystem`), for the OS of the
  // image a reset installs: Linux mounts `/` first and uses ext file systems, Windows drive C first and NTFS.
  'partitions-fit-os': ['partitions', 'mountPoint', 'fileSystem'],
} as const satisfies Readonly<Record<string, readonly string[]>>

export type RuleId = keyof typeof RULE_FIELD_ROLES

/** The roles of one rule's fields (`fields: { keyPair: keyId }` in the spec). */
export type RuleFieldRole<Id extends RuleId> = (typeof RULE_FIELD_ROLES)[Id][number]

export const RULE_IDS = Object.keys(RULE_FIELD_ROLES) as readonly RuleId[]
