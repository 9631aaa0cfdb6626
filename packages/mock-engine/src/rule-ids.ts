// The ids of the state rules the engine implements (x-zc-state-rules): the
// one list. rules.ts must implement each (its table is typed by it), and the
// generator imports it to refuse a spec naming a rule nobody implements.
// Data only: the generator loads this module without the engine.
export const RULE_IDS = [
  'instance-exists',
  'instance-not-recycled',
  'instance-powered-off',
  'same-os-type',
  'disk-fits-image',
  'no-credentials-on-windows-or-generic',
  'no-key-on-windows-or-generic',
  'image-exists',
  'key-pair-exists',
  'region-supports-script',
] as const

export type RuleId = (typeof RULE_IDS)[number]
