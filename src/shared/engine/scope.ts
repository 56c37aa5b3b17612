import { isKind, type ResolvedTopology } from '../domain/resolve'
import type { NamespaceSpecT } from '../domain/specs'
import type { LabNode } from '../domain/topology'
import { networkStackOf, type NetworkStack } from './network-stack'

/** A vSphere Zone: one vSphere cluster of a Supervisor (DOMAIN.md 1.1). */
export interface Zone {
  id: string
  name: string
  hostIds: readonly string[]
}

/** A Supervisor as flows need it: its zones and hosts, and its network stack. */
export interface SvScope {
  sv: LabNode & { kind: 'supervisor' }
  zones: readonly Zone[]
  hostIds: readonly string[]
  /** Zone (cluster id) of each host. */
  zoneOf: ReadonlyMap<string, string>
  stack: NetworkStack
}

/** A namespace as flows need it: its Supervisor, hosts, pools and the CPU speed quotas convert with. */
export interface NsScope extends SvScope {
  ns: LabNode & { kind: 'namespace' }
  spec: NamespaceSpecT
  /** Slowest core speed among the Supervisor's hosts: MHz per vCPU for quota arithmetic (as VM classes do, DOMAIN.md 3.2). */
  mhzPerCore: number
  /** Where workload addresses come from: the namespace's segment (NSX) or the workload network (VDS). */
  podPool: string
  ingressPool: string
  egressPool: string
  /** The namespace's own ranges when it overrides the Supervisor's (NSX only, DOMAIN.md 2). */
  own: { namespace?: string; ingress?: string; egress?: string }
}

export const poolIds = (svId: string) => ({
  namespaces: `${svId}/pool/namespaces`,
  ingress: `${svId}/pool/ingress`,
  egress: `${svId}/pool/egress`,
  management: `${svId}/pool/management`,
})

export const nsPoolIds = (nsId: string) => ({
  segment: `${nsId}/pool/segment`,
  namespace: `${nsId}/pool/namespace`,
  ingress: `${nsId}/pool/ingress`,
  egress: `${nsId}/pool/egress`,
})

export function makeSvScopes(r: ResolvedTopology) {
  const cache = new Map<string, SvScope | null>()
  return (svId: string): SvScope | null => {
    const hit = cache.get(svId)
    if (hit !== undefined) return hit
    const sv = r.index.byId.get(svId)
    let scope: SvScope | null = null
    if (isKind(sv, 'supervisor')) {
      const zones = [...r.clustersOf(sv.id)]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((c) => ({ id: c.id, name: c.name, hostIds: r.hostsOf(c.id).map((h) => h.id) }))
      const zoneOf = new Map<string, string>()
      for (const z of zones) for (const h of z.hostIds) zoneOf.set(h, z.id)
      scope = {
        sv,
        zones,
        hostIds: r.hostsOf(sv.id).map((h) => h.id),
        zoneOf,
        stack: networkStackOf(r, sv.id),
      }
    }
    cache.set(svId, scope)
    return scope
  }
}

export function makeScopes(r: ResolvedTopology, svScope: (svId: string) => SvScope | null) {
  const cache = new Map<string, NsScope | null>()
  return (nsId: string): NsScope | null => {
    const hit = cache.get(nsId)
    if (hit !== undefined) return hit
    const ns = r.index.byId.get(nsId)
    const sv = ns?.parentId === undefined || ns.parentId === null ? undefined : svScope(ns.parentId)
    let scope: NsScope | null = null
    if (isKind(ns, 'namespace') && sv) {
      const speeds = sv.hostIds.map(
        (h) => r.spec(r.index.byId.get(h) as LabNode & { kind: 'host' }).cpuMhzPerCore,
      )
      const spec = r.spec(ns)
      const pools = poolIds(sv.sv.id)
      const mine = nsPoolIds(ns.id)
      const o = spec.networkOverride
      // Overrides are NSX namespace-network settings; a VDS namespace may only bring its own
      // range, a VPC namespace its private CIDR (domain/rules/network.ts).
      const t1 = sv.stack.nsx && !sv.stack.vpc
      const own = {
        ...(o?.namespaceCidr ? { namespace: o.namespaceCidr } : {}),
        ...(t1 && o?.ingressCidr ? { ingress: o.ingressCidr } : {}),
        ...(t1 && o?.egressCidr ? { egress: o.egressCidr } : {}),
      }
      scope = {
        ...sv,
        ns,
        spec,
        mhzPerCore: speeds.length > 0 ? Math.min(...speeds) : 2000,
        podPool: sv.stack.nsx ? mine.segment : own.namespace ? mine.namespace : pools.namespaces,
        ingressPool: own.ingress ? mine.ingress : pools.ingress,
        egressPool: own.egress ? mine.egress : pools.egress,
        own,
      }
    }
    cache.set(nsId, scope)
    return scope
  }
}
