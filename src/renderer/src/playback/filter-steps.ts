import type { Step } from '../../../shared/engine/types'
import type { EventFilters } from '../stores/playback-store'
import { laneBase, layerOf } from './lane-map'

/** True when any filter is set. */
export const isFiltering = (f: EventFilters): boolean =>
  f.layer !== '' || f.actor !== '' || f.object !== '' || f.failuresOnly

/** Indexes of the steps the filters keep; all of them when no filter is set. */
export function filterSteps(steps: readonly Step[], f: EventFilters): number[] {
  const out: number[] = []
  const any = isFiltering(f)
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!
    if (any) {
      if (f.failuresOnly && !s.failure) continue
      if (f.layer && layerOf(s.actor) !== f.layer && layerOf(s.target) !== f.layer) continue
      if (f.actor && laneBase(s.actor) !== f.actor) continue
      if (f.object && s.object !== f.object && s.object.split('/')[0] !== f.object) continue
    }
    out.push(i)
  }
  return out
}

/** Distinct actor components and objects of a run, sorted, for the filter menus. */
export function filterOptions(steps: readonly Step[]): { actors: string[]; objects: string[] } {
  const actors = new Set<string>()
  const objects = new Set<string>()
  for (const s of steps) {
    actors.add(laneBase(s.actor))
    objects.add(s.object.split('/')[0] ?? s.object)
  }
  return { actors: [...actors].sort(), objects: [...objects].sort() }
}

/**
 * The object filter's choices: the first `limit` of the run's objects, and the selected object
 * first when it has steps but would be cut (in a run of 20,000 PodVMs the one found by search).
 */
export function objectMenu(objects: readonly string[], selected: string | null, limit: number): string[] {
  const shown = objects.slice(0, limit)
  if (selected === null || shown.includes(selected) || !objects.includes(selected)) return shown
  return [selected, ...shown.slice(0, limit - 1)]
}

/** Position in `indexes` of the last kept step at or before step index `i` (binary search). */
export function rowAtOrBefore(indexes: readonly number[], i: number): number {
  let lo = 0
  let hi = indexes.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (indexes[mid]! <= i) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}
