import type { EngineState } from '../../../shared/engine/types'
import type { Chip } from '../stores/playback-store'

const PLACED_KINDS = new Set(['pod', 'vm', 'control-plane-vm', 'tkc-node'])

/**
 * Chips per host: every PodVM and VM whose state names the host. Arrays whose content did not
 * change keep their identity, so only hosts that changed re-render.
 */
export function deriveChips(state: EngineState, previous: Record<string, Chip[]>): Record<string, Chip[]> {
  const next: Record<string, Chip[]> = {}
  for (const id in state.objects) {
    const o = state.objects[id]!
    const host = o['host']
    if (typeof host !== 'string' || id.endsWith('/crx')) continue
    const kind = String(o['kind'] ?? '')
    if (!PLACED_KINDS.has(kind) && !kind.endsWith('vm')) continue
    ;(next[host] ??= []).push({ id, name: String(o['name'] ?? id), kind, status: String(o['status'] ?? '') })
  }
  for (const host in next) {
    const old = previous[host]
    const now = next[host]!
    if (old && old.length === now.length && old.every((c, i) => sameChip(c, now[i]!))) next[host] = old
  }
  return next
}

const sameChip = (a: Chip, b: Chip) => a.id === b.id && a.status === b.status && a.name === b.name

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
