// The state rules the mock engine implements, by id. A spec that names any
// other rule stops generation: a rule nobody implements must not pass as
// enforced.
export const KNOWN_STATE_RULES: ReadonlySet<string> = new Set([
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
])
