// Catalog files written for these tests in the shape of the vendor's YAML
// catalog (one file per action: name, product, sdk, long, parameters[],
// response[]), in this project's own words: never copies of the vendor's
// files. Each builder states what the spec states, so that a test changes one
// thing and sees exactly that one finding.
import { dump } from 'js-yaml'

export interface CatalogEntry {
  name: string
  type: string
  required?: boolean
  'sdk-field'?: string
  description?: string | undefined
  'enum-values'?: { value: string; desc: string }[] | undefined
  'item-schema'?: CatalogEntry[]
  'object-schema'?: CatalogEntry[]
}

export interface CatalogFile {
  name: string
  product: string
  use?: string
  short?: string
  long?: string
  examples?: { cmd: string; desc: string }[]
  sdk: { service: string; version: string; action: string }
  parameters: CatalogEntry[]
  response?: CatalogEntry[]
}

const param = (flag: string, field: string, type: string, required: boolean, description: string): CatalogEntry => ({
  name: flag,
  type,
  required,
  'sdk-field': field,
  description,
})

export function vmResetCatalog(): CatalogFile {
  return {
    name: 'ResetInstance',
    product: 'vm',
    use: 'reset-instance',
    short: 'Reinstall one virtual machine',
    long: [
      'Puts a fresh operating system on one virtual machine.',
      '',
      '* Only a machine in `STOPPED` can be reset.',
      '* While the reset runs the machine reports `REBUILDING`; it is back in `RUNNING` when done.',
    ].join('\n'),
    examples: [{ cmd: 'zeno vm reset-instance --instance-id i-1', desc: 'Reset one machine.' }],
    sdk: { service: 'vm', version: '2026-04-01', action: 'ResetInstance' },
    parameters: [
      param('instance-id', 'instanceId', 'string', true, 'Which machine to reset.'),
      param(
        'password',
        'password',
        'string',
        false,
        'The new login password.\nIt is 8-16 characters, including: lowercase letters: [a-z], uppercase letters: [A-Z], digits: 0-9, special characters: !@#$%^&*`~()-+=',
      ),
      param('key-id', 'keyId', 'string', false, 'A key pair to log in with.'),
      param('image-id', 'imageId', 'string', false, 'The image to put on; the current one when left out.'),
      param('instance-name', 'instanceName', 'string', false, 'A new display name.'),
      param(
        'wan-name',
        'wanName',
        'string',
        false,
        'Name of the public interface.\nOnly numbers and lowercase letters are allowed, starting with a letter, 4 to 15 characters long.\nDefault value: eth0.',
      ),
      param(
        'lan-name',
        'lanName',
        'string',
        false,
        'Name of the private interface.\nOnly numbers and lowercase letters are allowed, starting with a letter, 4 to 15 characters long.\nDefault value: eth1.',
      ),
      param('init-script', 'initScript', 'string', false, 'A script for the first boot.'),
    ],
  }
}

const STATUSES = [
  'PENDING',
  'DEPLOYING',
  'REBUILDING',
  'REBOOT',
  'RUNNING',
  'STOPPED',
  'BOOTING',
  'STOPPING',
  'RELEASING',
  'RECYCLE',
  'RECYCLING',
  'CREATE_FAILED',
  'IMAGING',
]

export function vmStatusCatalog(): CatalogFile {
  return {
    name: 'DescribeInstancesStatus',
    product: 'vm',
    long: 'Tells the status of virtual machines.',
    sdk: { service: 'vm', version: '2026-04-01', action: 'DescribeInstancesStatus' },
    parameters: [
      param('instance-ids', 'instanceIds', 'string-array', false, 'The machines to ask about, up to 100 instances.'),
      param('page-size', 'pageSize', 'integer', false, 'How many per page.\nDefault value: 20.'),
      param('page-num', 'pageNum', 'integer', false, 'Which page.\nDefault value: 1.'),
    ],
    response: [
      { name: 'totalCount', type: 'integer', description: 'How many machines match.' },
      {
        name: 'dataSet',
        type: 'object-array',
        description: 'One entry per machine.',
        'item-schema': [
          { name: 'instanceId', type: 'string', description: 'The machine.' },
          {
            name: 'instanceStatus',
            type: 'enum',
            description: 'Where the machine is.',
            'enum-values': STATUSES.map((value) => ({ value, desc: value.toLowerCase() })),
          },
        ],
      },
    ],
  }
}

/** A catalog file as YAML, the form the vendor publishes. */
export function renderCatalog(file: CatalogFile): string {
  return dump(file, { lineWidth: -1, noRefs: true })
}

export function entry(file: CatalogFile, field: string): CatalogEntry {
  const found = file.parameters.find((p) => p['sdk-field'] === field)
  if (!found) throw new Error(`no parameter ${field}`)
  return found
}
