import { useSyncExternalStore } from 'react'

import { namespaceCount, namespaceQuota, objectText } from '../../../../shared/engine/fields'
import type { EngineState } from '../../../../shared/engine/types'
import { session } from '../../stores/playback-actions'
import { BUCKETS, RunSeries } from './run-series'
import type { LodContainer } from './plan'

/**
 * What summary cards read from the run being played: counts by status at the current step and
 * the run's history. Both are read through the playback session's subscribe, computed once per
 * step and container however many components ask.
 */

const lines = new Map<string, { runId: string; seq: number; members: readonly unknown[]; line: string }>()

/**
 * A container's members counted by status at the current step, as `status:count` pairs joined by
 * `|`, most numerous first (one string, so a card re-renders only when a count changes); null
 * when no run is loaded.
 */
export function useStatusCounts(container: LodContainer): string | null {
  return useSyncExternalStore(session.subscribe, () => {
    const state = session.state()
    const { runId, seq } = session.view()
    if (!state || !runId) return null
    const known = lines.get(container.id)
    if (known && known.runId === runId && known.seq === seq && known.members === container.members)
      return known.line
    const counts = new Map<string, number>()
    for (const m of container.members) {
      const status = objectText(state, m.id, 'status') ?? 'Absent'
      counts.set(status, (counts.get(status) ?? 0) + 1)
    }
    const line = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([status, n]) => `${status}:${n}`)
      .join('|')
    lines.set(container.id, { runId, seq, members: container.members, line })
    return line
  })
}

let series: { runId: string; containerOf: ReadonlyMap<string, string>; run: RunSeries } | null = null

/** The open run's series, walked up to the steps that have arrived. */
function currentSeries(containerOf: ReadonlyMap<string, string>): RunSeries | null {
  const view = session.view()
  if (!view.runId) return null
  if (
    !series ||
    series.runId !== view.runId ||
    series.containerOf !== containerOf ||
    series.run.total !== view.total
  )
    series = { runId: view.runId, containerOf, run: new RunSeries(containerOf, view.total) }
  series.run.add(view.steps)
  return series.run
}

export interface Spark {
  points: Uint32Array
  /** Points known so far (the rest of the run has not arrived). */
  filled: number
  /** The point the current step falls in. */
  at: number
}

/**
 * The sparkline of a container (members Running) or a host (PodVMs and VMs on it) over the run,
 * with the point of the current step; null when no run is loaded or nothing in it concerns `id`.
 */
export function useSpark(id: string, containerOf: ReadonlyMap<string, string>): Spark | null {
  // The key changes only when a point is added or the current step enters another point.
  const key = useSyncExternalStore(session.subscribe, () => {
    const run = currentSeries(containerOf)
    const view = session.view()
    if (!run || !run.of(id) || view.total === 0) return null
    const at = Math.min(BUCKETS - 1, Math.floor((view.seq / view.total) * BUCKETS))
    return `${view.runId}|${run.of(id)!.filled}|${at}`
  })
  if (key === null) return null
  const run = currentSeries(containerOf)
  const of = run?.of(id)
  if (!of) return null
  return { points: of.points, filled: of.filled, at: Number(key.split('|')[2]) }
}

const shares = (state: Readonly<EngineState>, nsId: string, counter: 'cpuMhz' | 'memoryMiB') => {
  const quota = namespaceQuota(state, nsId, counter)
  return quota ? (namespaceCount(state, nsId, counter) / quota).toFixed(3) : ''
}

/** A namespace's CPU and memory use as shares of its quota at the current step (`cpu|memory`, empty when it has none); null without a run. */
export function useQuotaShares(nsId: string): string | null {
  return useSyncExternalStore(session.subscribe, () => {
    const state = session.state()
    if (!state?.namespaces[nsId]) return null
    return `${shares(state, nsId, 'cpuMhz')}|${shares(state, nsId, 'memoryMiB')}`
  })
}
