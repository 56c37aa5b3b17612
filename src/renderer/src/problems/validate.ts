import type { Problem } from '../../../shared/domain/problems'
import { resolveTopology, type ResolvedTopology } from '../../../shared/domain/resolve'
import type { Topology } from '../../../shared/domain/topology'
import { validateTopology as validateDomain } from '../../../shared/domain/validation/validate'

// Topologies are immutable: each edit yields a new object, so one entry per object is exact,
// and the canvas, the panel and the inspector share a single pass per edit.
const resolved = new WeakMap<Topology, ResolvedTopology>()
const validated = new WeakMap<Topology, Problem[]>()

/** The topology resolved once (names, bindings, parsed specs), shared by validation and the inspector. */
export function resolvedOf(topology: Topology): ResolvedTopology {
  let r = resolved.get(topology)
  if (!r) {
    r = resolveTopology(topology)
    resolved.set(topology, r)
  }
  return r
}

/**
 * The renderer's one import point of live validation: the domain's rules (the same set the CLI's
 * `validate` runs), computed once per topology object.
 */
export function validateTopology(topology: Topology): Problem[] {
  let list = validated.get(topology)
  if (!list) {
    list = validateDomain(topology, resolvedOf(topology))
    validated.set(topology, list)
  }
  return list
}
