// Phase timings of a run, for finding where a regeneration's time goes:
// with ZR_CODEGEN_TIMING=1 in the environment, each phase's start and end
// (milliseconds since the process started, performance.now()) is printed to
// stderr when the run ends. Without it, nothing is recorded.
const enabled = process.env.ZR_CODEGEN_TIMING === '1'
const marks: [string, number][] = []

/** Records `label` at the current time (a no-op unless ZR_CODEGEN_TIMING=1). */
export function mark(label: string): void {
  if (enabled) marks.push([label, performance.now()])
}

/** Prints the marks recorded so far, each with the time since the previous one, and forgets them. */
export function printMarks(): void {
  if (!enabled) return
  let previous = 0
  for (const [label, at] of marks.splice(0)) {
    process.stderr.write(
      `zr-codegen timing: ${at.toFixed(1).padStart(7)} ms (+${(at - previous).toFixed(1)}) ${label}\n`,
    )
    previous = at
  }
}
