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
 * Medians of `a` and `b` measured in turns (a b, b a, a b, ...) after one warm-up call of each, so
 * a burst of load from elsewhere on the machine falls on both sides of a ratio alike.
 */
export async function sideBySideMs(
  runs: number,
  a: () => unknown,
  b: () => unknown,
): Promise<{ a: number; b: number }> {
  await a()
  await b()
  const times = { a: [] as number[], b: [] as number[] }
  const time = async (which: 'a' | 'b') => {
    const start = performance.now()
    await (which === 'a' ? a() : b())
    times[which].push(performance.now() - start)
  }
  for (let i = 0; i < runs; i++)
    for (const which of i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) await time(which)
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0
  return { a: median(times.a), b: median(times.b) }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits))
