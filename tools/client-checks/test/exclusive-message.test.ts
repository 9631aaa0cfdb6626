// Issue 27, item 7: setting two fields the spec forbids together is a type
// error whose message says the rule, not only "Type 'string' is not
// assignable to type 'undefined'". Compiled with the TypeScript API against
// the built client, as a user's editor would show it.
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { expect, it } from 'vitest'

it('names the rule when password and keyId are both set', { timeout: 120_000 }, () => {
  const dir = fileURLToPath(new URL('.', import.meta.url))
  const file = `${dir}__exclusive-probe.ts`
  const source = `import { createZecClient } from '@zenlayer-reset/zec-client'
await createZecClient().resetInstances({ instanceIds: ['a'], password: 'Secret+123', keyId: 'key-1' })
`
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    types: [],
  }
  const host = ts.createCompilerHost(options)
  const read = host.getSourceFile.bind(host)
  host.getSourceFile = (name, version) =>
    name === file ? ts.createSourceFile(name, source, version) : read(name, version)
  host.fileExists = (
    (exists) => (name: string) =>
      name === file || exists(name)
  )(host.fileExists.bind(host))
  const program = ts.createProgram([file], { ...options }, host)
  const messages = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  expect(messages).toHaveLength(1)
  expect(messages[0]).toContain('password and keyId: set one of them, or none, never both')
})
