// What an app costs a consumer: `contents` bundled as a browser app would be
// (esbuild, minified, ESM, es2022), with everything it pulls in. Used by the
// size budgets of tools/client-checks and tools/validator-checks; each passes
// its own esbuild `build` (this folder does not depend on esbuild).
import { gzipSync } from 'node:zlib'

/**
 * `{ minified, gzipped, inputs }`: byte sizes of the bundle, and every file
 * with code in it (a file esbuild read but whose code tree-shaking dropped
 * entirely costs nothing and is not listed).
 */
export async function measureBundle(build, contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].contents
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    inputs: Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, used]) => used.bytesInOutput > 0)
        .map(([file]) => file),
    ),
  }
}
