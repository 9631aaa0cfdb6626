// JavaScript only, for `npm run demo`: each package's tsconfig.build.json as
// tsc reads it, emitted by the same compiler with the same options, so the
// .js and .js.map files are the ones `tsc -p tsconfig.build.json` writes. What
// the demo has no use for is left out: the type check (noCheck) and the
// declarations. The files of one package are parsed on their own (noResolve,
// noLib), not with every .d.ts they import, which is most of tsc's time.
// `npm run build` and `npm test` still build in full through turbo, checks and
// declarations included, and overwrite anything written here.
//
// A file already as it would be written is not touched: an unchanged package
// costs no write, and the generator's bundle, which is set aside when one of
// its inputs changes (tools/codegen/bin/fresh-bundle.js), stays in use.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'

// require, not import: an import of this one 9 MB CommonJS file has Node scan all of it for its
// export names first, most of a second on a busy machine.
const ts = createRequire(import.meta.url)('typescript')

const host = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => '\n',
}

/** One error listing every problem, each as `file:line:col - error TSnnnn: text`. */
function failure(dir, diagnostics) {
  return new Error(`${relative(process.cwd(), dir) || dir}: ${ts.formatDiagnostics(diagnostics, host).trim()}`)
}

/** Compiles one package folder; returns `{ files, written }` (source files, output files changed). */
function compilePackage(folder) {
  // Absolute: tsc resolves `extends` and `include` from the config's folder as given.
  const dir = resolve(folder)
  const configFile = join(dir, 'tsconfig.build.json')
  const read = ts.readConfigFile(configFile, ts.sys.readFile)
  if (read.error) throw failure(dir, [read.error])
  const config = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configFile)
  if (config.errors.length > 0) throw failure(dir, config.errors)
  const options = {
    ...config.options,
    noCheck: true,
    noResolve: true,
    noLib: true,
    types: [],
    declaration: false,
    declarationMap: false,
  }
  const program = ts.createProgram(config.fileNames, options)
  const syntax = program.getSyntacticDiagnostics()
  if (syntax.length > 0) throw failure(dir, syntax)
  let written = 0
  const result = program.emit(undefined, (file, text) => {
    if (existsSync(file) && readFileSync(file, 'utf8') === text) return
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
    written += 1
  })
  if (result.emitSkipped) throw failure(dir, result.diagnostics)
  return { files: config.fileNames.length, written }
}

/**
 * Compiles every folder (each with a tsconfig.build.json), in the order given;
 * the order does not matter, since nothing is type-checked. Throws on a
 * syntax error or an unreadable config, naming the package.
 */
export function compileJs(dirs) {
  let files = 0
  let written = 0
  for (const dir of dirs) {
    const done = compilePackage(dir)
    files += done.files
    written += done.written
  }
  return { files, written }
}
