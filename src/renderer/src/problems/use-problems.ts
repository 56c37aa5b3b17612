import { useMemo } from 'react'

import { byObjectThenCode, type Problem } from '../../../shared/domain/problems'
import type { Topology } from '../../../shared/domain/topology'
import type { Severity } from '../canvas/to-flow'
import { useFitProblems } from './fit-problems'
import { validateTopology } from './validate'

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 }

/**
 * Live validation of a topology: the list for the panel and each object's worst severity. The
 * rules come at once; "will it fit" joins when its worker answers (fit-problems.ts).
 */
export function useProblems(topology: Topology): { list: Problem[]; worst: Map<string, Severity> } {
  const fit = useFitProblems(topology)
  return useMemo(() => withFit(problemsOf(topology), fit), [topology, fit])
}

const merged = new WeakMap<Problem[], { list: Problem[]; worst: Map<string, Severity> }>()

/** The rules' result with the fit problems added, once per fit result. */
function withFit(base: { list: Problem[]; worst: Map<string, Severity> }, fit: Problem[]) {
  if (fit.length === 0) return base
  const known = merged.get(fit)
  if (known) return known
  const result = summarize([...base.list, ...fit].sort(byObjectThenCode))
  merged.set(fit, result)
  return result
}

const cache = new WeakMap<Topology, { list: Problem[]; worst: Map<string, Severity> }>()

/** Computed once per topology object, shared by the canvas and the panel. */
export function problemsOf(topology: Topology) {
  const known = cache.get(topology)
  if (known) return known
  const result = summarize(validateTopology(topology))
  cache.set(topology, result)
  return result
}

function summarize(list: Problem[]) {
  const worst = new Map<string, Severity>()
  for (const p of list) {
    const current = worst.get(p.objectId)
    if (!current || RANK[p.severity] > RANK[current]) worst.set(p.objectId, p.severity)
  }
  return { list, worst }
}
