import { readFileSync } from 'node:fs'

/**
 * This process's own peak resident memory in KiB. On Linux a spawned child's maxRSS starts at
 * its parent's size when it forked (the bench's parent holds hundreds of MiB by then), so it is
 * read from /proc/self/status (VmHWM, the peak of this program's own memory since exec) there.
 */
export function ownPeakKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1])
  } catch {
    // Not Linux: maxRSS is the best there is.
  }
  return process.resourceUsage().maxRSS
}
