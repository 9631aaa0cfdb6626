import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Writes `files` (path -> YAML text) into a fresh temporary folder and returns it. */
export function writeFixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zr-spec-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

/** A minimal spec of one action that follows every rule of this project. */
export function minimalSpec(overrides: { action?: string; example?: string; extra?: string } = {}): string {
  const action = overrides.action ?? 'DoThing'
  return `openapi: 3.1.0
info: { title: t, version: '2025-01-01' }
x-zc-service: svc
paths:
  /api/v2/svc#DoThing:
    post:
      operationId: ${action}
      x-zc-action: DoThing
      x-zc-idempotent: true
      externalDocs: { url: https://example.invalid/doc }
      parameters:
        - { name: X-ZC-Action, in: header, required: true, schema: { type: string, const: DoThing } }
        - { name: X-ZC-Version, in: header, required: true, schema: { type: string, const: '2025-01-01' } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Req' }
            examples:
              one: { value: ${overrides.example ?? '{ name: abc }'} }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties: { requestId: { type: string }, response: { type: object } }
        '400':
          description: bad
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: { oneOf: [{ const: NAME_MALFORMED }] }
${overrides.extra ?? ''}
components:
  schemas:
    Req:
      type: object
      additionalProperties: false
      properties:
        name: { type: string, minLength: 2, x-zc-error-code: NAME_MALFORMED }
`
}
