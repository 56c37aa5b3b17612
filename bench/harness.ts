/** A benchmark reports named figures; ratios are measured side by side in the same run. */
export interface Benchmark {
  name: string
  run(): Promise<Record<string, number>>
}

/** Median of the timings of `runs` calls of `fn`, in milliseconds, after one warm-up call. */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? 0
}

/**
 * Medians of each of `fns`, measured in turns (each round in the opposite order to the last)
 * after one warm-up call of each, so a burst of load from elsewhere on the machine falls on
 * every side of a ratio alike.
 */
export async function interleavedMs(runs: number, fns: readonly (() => unknown)[]): Promise<number[]> {
  for (const fn of fns) await fn()
  const times = fns.map(() => [] as number[])
  for (let round = 0; round < runs; round++) {
    const order = fns.map((_, i) => i)
    if (round % 2 === 1) order.reverse()
    for (const i of order) {
      const start = performance.now()
      await fns[i]!()
      times[i]!.push(performance.now() - start)
    }
  }
  return times.map((xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0)
}

/** `interleavedMs` of two: the medians of `a` and `b`. */
export async function sideBySideMs(
  runs: number,
  a: () => unknown,
  b: () => unknown,
): Promise<{ a: number; b: number }> {
  const [am, bm] = await interleavedMs(runs, [a, b])
  return { a: am!, b: bm! }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits))
