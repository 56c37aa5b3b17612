import { isKind, type ResolvedTopology } from '../resolve'
import { zonalPolicyRefusal } from '../rules/storage'
import { resolveVmClass } from '../rules/vm-class'
import type { LabNode } from '../topology'
import { finding, fromRefusal, type Finding, type Rule } from './rule'

/** What a namespace's settings refer to must exist (DOMAIN.md 2). */
export const NAMESPACE_RULES: readonly Rule[] = [
  {
    code: 'namespace-reference-missing',
    severity: 'error',
    kinds: ['namespace'],
    source: 'DOMAIN.md 2',
    check(ns, r) {
      if (!isKind(ns, 'namespace')) return null
      const spec = r.spec(ns)
      const out: Finding[] = []
      for (const s of spec.storage)
        if (!r.byName('storage-policy', s.policy))
          out.push(
            finding(
              `Namespace "${ns.name}" assigns storage policy "${s.policy}", which is not in the lab`,
              'Add the policy or remove it from the namespace',
            ),
          )
      for (const lib of spec.contentLibraries)
        if (!r.byName('content-library', lib))
          out.push(
            finding(
              `Namespace "${ns.name}" uses content library "${lib}", which is not in the lab`,
              'Add the library or remove it',
            ),
          )
      for (const cls of spec.vmClasses)
        if (!resolveVmClass(r, cls))
          out.push(
            finding(
              `Namespace "${ns.name}" binds VM class "${cls}", which does not exist`,
              'Use one of the 16 default classes or add the class to the lab',
            ),
          )
      return out
    },
  },
  {
    code: 'namespace-policy-not-zonal',
    severity: 'error',
    kinds: ['namespace'],
    source: 'DOMAIN.md 1.2 [TVS-AZ]; rules/storage.ts',
    check(ns, r) {
      if (!isKind(ns, 'namespace')) return null
      return r
        .spec(ns)
        .storage.map((s) => zonalPolicyRefusal(r, ns, s.policy, `Namespace "${ns.name}"`))
        .filter((x) => x !== null)
        .map((x) => fromRefusal(x, {}))
    },
  },
  {
    code: 'vpc-override-not-applicable',
    severity: 'error',
    kinds: ['namespace'],
    source:
      '[API-90] Namespaces.Instances.VpcNetworkCreateSpec (private CIDRs only; no Tier-0, ingress or egress)',
    check(ns, r) {
      if (!isKind(ns, 'namespace')) return null
      const sv = ns.parentId === null ? undefined : r.index.byId.get(ns.parentId)
      const net = sv ? r.networkOf(sv.id) : undefined
      const o = r.spec(ns).networkOverride
      if (!isKind(net, 'network') || r.spec(net).type !== 'nsx-vpc' || !o) return null
      const set = (['t0Gateway', 'ingressCidr', 'egressCidr'] as const).filter((k) => o[k] !== undefined)
      if (set.length === 0) return null
      return finding(
        `Namespace "${ns.name}" overrides ${set.join(', ')}, which an NSX VPC namespace does not take: its VPC gets private CIDRs only (the namespace CIDR override), the rest comes from the VPC connectivity profile`,
        'Remove those overrides; keep the namespace CIDR override for the VPC private CIDR',
      )
    },
  },
  {
    code: 'namespace-policy-annotation',
    severity: 'info',
    kinds: ['namespace'],
    source: 'DESIGN.md 3, DOMAIN.md 1.4',
    check(ns, r) {
      if (!isKind(ns, 'namespace')) return null
      const p = r.spec(ns).policies
      const unmapped = [
        p.auditLogs ? 'audit logs' : '',
        p.drSite !== '' ? 'DR site' : '',
        p.snapshotSchedule !== '' ? 'snapshots' : '',
      ].filter((x) => x !== '')
      if (unmapped.length === 0) return null
      return finding(
        `Namespace "${ns.name}": ${unmapped.join(', ')} have no product setting; the lab keeps them as annotations`,
        'Nothing to fix; they are exported as annotations only',
      )
    },
  },
]

/** The namespace node a workload is in, when it is in one. */
export function namespaceOf(
  node: LabNode,
  r: ResolvedTopology,
): (LabNode & { kind: 'namespace' }) | undefined {
  const parent = node.parentId === null ? undefined : r.index.byId.get(node.parentId)
  return isKind(parent, 'namespace') ? parent : undefined
}
