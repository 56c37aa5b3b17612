import { byObjectThenCode, type Problem } from '../domain/problems'
import { resolveTopology, type ResolvedTopology } from '../domain/resolve'
import type { Topology } from '../domain/topology'
import { validateTopology } from '../domain/validation/validate'
import { fitProblems } from './fit/fit-problems'

/**
 * The whole of `validate`: the domain's rules (validateTopology, cheap enough for every edit) and
 * "will it fit" (the planner's admission and placement, quietly). The CLI calls this; the
 * renderer runs the rules on its main thread and the fit pass in a worker.
 */
export function validateLab(topology: Topology, resolved?: ResolvedTopology): Problem[] {
  const r = resolved ?? resolveTopology(topology)
  return [...validateTopology(topology, r), ...fitProblems(topology, r)].sort(byObjectThenCode)
}
