import type { Kind } from '../kinds'
import { byObjectThenCode, type Problem } from '../problems'
import { resolveTopology, type ResolvedTopology } from '../resolve'
import type { Topology } from '../topology'
import { COMMON_RULES } from './common-rules'
import { INFRA_RULES } from './infra-rules'
import { NAMESPACE_RULES } from './namespace-rules'
import type { Finding, Rule } from './rule'
import { SERVICE_RULES } from './service-rules'
import { WORKLOAD_RULES } from './workload-rules'

/** Every validation rule, in the order problems are listed. */
export const RULES: readonly Rule[] = [
  ...COMMON_RULES,
  ...INFRA_RULES,
  ...SERVICE_RULES,
  ...NAMESPACE_RULES,
  ...WORKLOAD_RULES,
]

const RULES_BY_KIND = new Map<Kind, Rule[]>()
for (const rule of RULES)
  for (const kind of rule.kinds) {
    const list = RULES_BY_KIND.get(kind)
    if (list) list.push(rule)
    else RULES_BY_KIND.set(kind, [rule])
  }

/**
 * Checks a topology against the platform's rules (DOMAIN.md 1.2, 2, 6.4; DESIGN.md 3) and
 * returns the problems, sorted by object id then code. One index pass, then each node meets
 * only the rules for its kind, so it stays fast enough to run on every edit.
 */
export function validateTopology(topology: Topology, resolved?: ResolvedTopology): Problem[] {
  const r = resolved ?? resolveTopology(topology)
  const out: Problem[] = []
  const features = new Map<string, { problem: Problem; users: string[] }>()
  for (const node of [...topology.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    for (const rule of RULES_BY_KIND.get(node.kind) ?? []) {
      const found = rule.check(node, r)
      if (found === null) continue
      for (const f of (Array.isArray(found) ? found : [found]) as readonly Finding[]) {
        const problem: Problem = {
          severity: rule.severity,
          code: f.code ?? rule.code,
          objectId: f.objectId ?? node.id,
          message: f.message,
          hint: f.hint,
        }
        // One problem per feature the vCenter lacks, naming every object that uses it.
        const seen = f.feature ? features.get(f.feature.key) : undefined
        if (f.feature && seen) {
          if (!seen.users.includes(f.feature.user)) seen.users.push(f.feature.user)
          seen.problem.message = `${seen.users.join(', ')}: ${f.feature.missing}`
          continue
        }
        if (f.feature) features.set(f.feature.key, { problem, users: [f.feature.user] })
        out.push(problem)
      }
    }
  for (const link of topology.links) {
    const source = r.index.byId.get(link.source)
    const target = r.index.byId.get(link.target)
    if (source?.kind !== 'supervisor' || target?.kind !== 'cluster')
      out.push({
        severity: 'error',
        code: 'link-invalid',
        objectId: link.source,
        message: `The link from ${source?.name ?? 'a removed object'} to ${target?.name ?? 'a removed object'} must go from a Supervisor to a vSphere cluster`,
        hint: 'Delete the link and connect a Supervisor to a cluster',
      })
  }
  return out.sort(byObjectThenCode)
}

/** True when any problem is an error (what makes `pacific-lab validate` exit 1). */
export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error')
