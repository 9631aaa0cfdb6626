// Vendor-shaped pages for the tests, written for this project (never copies of
// the vendor's prose): GitBook markdown with the same sections, tables, hint
// blocks, HTML paragraphs and markdown escapes as the real pages.

export interface Row {
  name: string
  required?: string
  type: string
  description: string
}

export interface PageParts {
  title: string
  url?: string
  notes: string[]
  input: Row[]
  output: Row[]
  request: string[]
  errors: [string, string, string][]
}

const esc = (code: string) => code.replace(/_/g, '\\_')

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n')
}

export function renderPage(p: PageParts): string {
  const withRequired = p.input.map((r) => [r.name, r.required ?? 'No', r.type, r.description])
  return `${p.url ? `> Markdown of this page: this page is available as [Markdown](${p.url}.md).\n\n` : ''}# ${p.title}

## 1. API Description

This page explains ${p.title} for the tests of this project.

{% hint style="info" %}
**Note**

${p.notes.map((n) => `* ${n}`).join('\n')}
  {% endhint %}

## 2. Input Parameters

The table lists the body fields.

${table(['Parameter Name', 'Required', 'Type', 'Description'], withRequired)}

## 3. Output Parameters

${table(
  ['Parameter Name', 'Type', 'Description'],
  p.output.map((r) => [r.name, r.type, r.description]),
)}

## 4. Code Example

{% tabs %}
{% tab title="Example" %}

\`\`\`json
${p.request.join('\n')}
Content-Type: application/json

Request:
{
  "instanceId": "ins-test"
}
\`\`\`

{% endtab %}
{% endtabs %}

## 5. Developer Resources

SDKs exist.

## 6. Error Codes

Codes of this action only.

${table(
  ['HTTP Status Code', 'Error Code', 'Description'],
  p.errors.map(([s, c, d]) => [s, esc(c), d]),
)}


---

# Agent Instructions
Text that GitBook appends to every page.
`
}

/** A vm ResetInstance page that states what the vm spec does, in this project's words. */
export function vmParts(): PageParts {
  return {
    title: 'ResetInstance',
    notes: [
      'The instance must be `STOPPED` and outside the recycle bin.',
      'While it is reinstalled it shows `REBUILDING`, then `RUNNING` again.',
    ],
    input: [
      { name: 'instanceId', required: 'Yes', type: 'String', description: '<p>The instance to reinstall.</p>' },
      {
        name: 'password',
        type: 'String',
        description:
          '<p>Login password of the new system.</p><p>It has 8-16 characters, including: lowercase letters: \\[a-z] uppercase letters: \\[A-Z] digits: 0-9 special characters: !@#$%^&\\*\\`\\~()-+=</p><p>You must give either password or keyId.</p>',
      },
      { name: 'keyId', type: 'String', description: '<p>Key pair to install.</p><p>Example: key-Ab12Cd34</p>' },
      { name: 'imageId', type: 'String', description: '<p>Image to install; the current one when omitted.</p>' },
      { name: 'instanceName', type: 'String', description: 'Display name after the reset.' },
      {
        name: 'wanName',
        type: 'String',
        description:
          '<p>Public interface name.</p><p>Only numbers and lowercase letters are allowed, starting with a letter, 4 to 15 characters long.</p><p>Default value: eth0</p>',
      },
      {
        name: 'lanName',
        type: 'String',
        description:
          '<p>Private interface name.</p><p>Only numbers and lowercase letters are allowed, starting with a letter, 4 to 15 characters long.</p><p>Default value: eth1</p>',
      },
      { name: 'initScript', type: 'String', description: 'Script for the first boot.' },
    ],
    output: [{ name: 'requestId', type: 'String', description: 'Identifies the request.' }],
    request: ['POST /api/v2/vm HTTP/1.1', 'Host: console.zenlayer.com', 'X-ZC-Action: ResetInstance'],
    errors: [
      ['404', 'INVALID_INSTANCE_NOT_FOUND', 'No such instance.'],
      ['404', 'INVALID_IMAGE_NOT_FOUND', 'No such image.'],
      ['400', 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED', 'Bad password.'],
      ['404', 'INVALID_IMAGE_SIZE_EXCEED', 'The image does not fit.'],
      ['403', 'INVALID_REGION_SCRIPT_NOT_SUPPORT', 'No scripts here.'],
      ['403', 'INVALID_REGION_SCRIPT_EXCEED_LENGTH', 'Script too long.'],
    ],
  }
}

/** A zec ResetInstances page that states what the zec spec does; its error table is empty, as on the real page. */
export function zecParts(): PageParts {
  return {
    title: 'ResetInstances',
    notes: ['Reinstalled instances show `DEPLOYING`; `RUNNING` means success and `REINSTALL_FAILED` failure.'],
    input: [
      { name: 'instanceIds', required: 'Yes', type: 'Array of String', description: 'Instances to reinstall.' },
      {
        name: 'password',
        type: 'String',
        description:
          '<p>New password.</p><p>Give a password or a keyId, not both: either a password or a keyId, but not both.</p><p>The password must contain these three kinds: letters: \\[a-zA-Z], digits: 0-9, and special characters: \\~!@$^\\*-\\_=+</p>',
      },
      { name: 'keyId', type: 'String', description: 'Key pair to install.' },
      { name: 'imageId', type: 'String', description: 'Image to install.' },
      { name: 'timezone', type: 'String', description: 'Time zone of the new system.' },
      {
        name: 'enableAgent',
        type: 'Boolean',
        description: '<p>Turns the guest agent on.</p><p>Default value: false</p>',
      },
      {
        name: 'instanceName',
        type: 'String',
        description:
          '<p>New name.</p><p>2-63 characters.</p><p>Only letters, numbers, hyphens (-), and periods (.) are allowed.</p>',
      },
      { name: 'userData', type: 'String', description: 'First-boot commands.' },
    ],
    output: [
      { name: 'requestId', type: 'String', description: 'Identifies the request.' },
      { name: 'instanceIds', type: 'Array of String', description: 'Instances whose reinstall failed.' },
    ],
    request: ['POST /api/v2/zec HTTP/1.1', 'Host: console.zenlayer.com', 'X-ZC-Action: ResetInstances'],
    errors: [],
  }
}
