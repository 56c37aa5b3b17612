import { useMemo } from 'react'

import type { Problem } from '../../../shared/domain/problems'
import type { Topology } from '../../../shared/domain/topology'
import type { Severity } from '../canvas/to-flow'
import { validateTopology } from './validate'

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 }

/** Live validation of a topology: the list for the panel and each object's worst severity. */
export function useProblems(topology: Topology): { list: Problem[]; worst: Map<string, Severity> } {
  return useMemo(() => problemsOf(topology), [topology])
}

const cache = new WeakMap<Topology, { list: Problem[]; worst: Map<string, Severity> }>()

/** Computed once per topology object, shared by the canvas and the panel. */
export function problemsOf(topology: Topology) {
  const known = cache.get(topology)
  if (known) return known
  const list = validateTopology(topology)
  const worst = new Map<string, Severity>()
  for (const p of list) {
    const current = worst.get(p.objectId)
    if (!current || RANK[p.severity] > RANK[current]) worst.set(p.objectId, p.severity)
  }
  const result = { list, worst }
  cache.set(topology, result)
  return result
}
