import { useEffect, useMemo, useSyncExternalStore } from 'react'

import { byObjectThenCode, type Problem } from '../../../shared/domain/problems'
import type { Topology } from '../../../shared/domain/topology'
import type { Severity } from '../canvas/to-flow'
import { afterPaint } from './after-paint'
import { useFitPending, useFitProblems } from './fit-problems'
import { validateTopology } from './validate'

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 }

/**
 * Live validation of a topology: the list for the panel and each object's worst severity. The
 * rules come at once; "will it fit" joins when its worker answers (fit-problems.ts).
 */
export function useProblems(topology: Topology): { list: Problem[]; worst: Map<string, Severity> } {
  const fit = useFitProblems(topology)
  const fitPending = useFitPending(topology)
  const rules = useRules(topology)
  const later = topology.nodes.length > CHECK_AFTER_PAINT
  return useMemo(() => {
    if (rules === CHECKING) return rules
    const all = withFit(rules, fit)
    // A large lab says it is still being checked until "will it fit" answers.
    return later && fitPending ? { ...all, list: [...all.list, FIT_CHECKING] } : all
  }, [rules, fit, fitPending, later])
}

/** Labs of more objects than this are checked just after they are drawn, not before. */
const CHECK_AFTER_PAINT = 2000

const checking = (message: string, hint: string): Problem => ({
  severity: 'info',
  code: 'checking',
  objectId: '',
  message,
  hint,
})
const CHECKING: { list: Problem[]; worst: Map<string, Severity> } = {
  list: [checking('Checking the lab…', 'A large lab is drawn first and checked right after')],
  worst: new Map(),
}
const FIT_CHECKING = checking(
  'Checking whether the lab fits…',
  'Placing every workload takes a moment in a large lab',
)
const checked = new Set<() => void>()
let newest: Topology | null = null

const subscribeChecked = (listener: () => void) => {
  checked.add(listener)
  return () => checked.delete(listener)
}

/** The rules' problems: at once for a small lab, after the first paint for a large one. */
function useRules(topology: Topology) {
  const later = topology.nodes.length > CHECK_AFTER_PAINT
  useEffect(() => {
    if (!later || cache.has(topology)) return
    newest = topology
    afterPaint(() => {
      // Edits that came meanwhile: only the newest lab is worth checking.
      if (newest !== topology) return
      problemsOf(topology)
      checked.forEach((l) => l())
    })
  }, [topology, later])
  return useSyncExternalStore(subscribeChecked, () =>
    later ? (cache.get(topology) ?? CHECKING) : problemsOf(topology),
  )
}

const merged = new WeakMap<
  Problem[],
  { base: object; result: { list: Problem[]; worst: Map<string, Severity> } }
>()

/** The rules' result with the fit problems added, once per pair. */
function withFit(base: { list: Problem[]; worst: Map<string, Severity> }, fit: Problem[]) {
  if (fit.length === 0) return base
  const known = merged.get(fit)
  if (known?.base === base) return known.result
  const result = summarize([...base.list, ...fit].sort(byObjectThenCode))
  merged.set(fit, { base, result })
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
