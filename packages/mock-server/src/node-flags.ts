// The Node flags `zenlayer-mock` runs its server with.
//
// A mock server allocates a few kilobytes per request (node's HTTP objects, the
// parsed body, validation) and keeps almost none of it. With V8's default young
// generation much of that is still reachable when a collection starts and gets
// copied, or promoted to the old generation and collected a second time there.
// A 64 MiB semi-space lets request garbage die young: measured with
// bench/load.mjs, about 5 points more of the bare server's throughput (77% vs
// 72%) for some 100 MiB more memory at peak. V8 sizes its heap when the process
// starts, so the command starts itself once more with these flags.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64']

/**
 * The flags a process started with `execArgv` lacks, or none when it should
 * run as it is: it already has them (the user chose their own value), or it is
 * being debugged (a second process would fight over the inspector port).
 */
export function missingNodeFlags(execArgv: readonly string[]): string[] {
  if (execArgv.some((arg) => arg.startsWith('--inspect'))) return []
  const given = new Set(execArgv.map((arg) => arg.split('=')[0]))
  return SERVER_NODE_FLAGS.filter((flag) => !given.has(flag.split('=')[0]))
}
