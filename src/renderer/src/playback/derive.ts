/** Simulated time as T+mm:ss.s. */
export function formatClock(ms: number): string {
  const tenths = Math.floor(ms / 100)
  const minutes = Math.floor(tenths / 600)
  const seconds = (tenths % 600) / 10
  return `T+${String(minutes).padStart(2, '0')}:${seconds.toFixed(1).padStart(4, '0')}`
}

/** Index of the last step starting at or before `t` (steps are sorted by time), plus one. */
export function seqAtTime(times: readonly number[], t: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (times[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}
