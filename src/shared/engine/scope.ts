import { parseCidr } from '../domain/cidr'
import { isKind, type ResolvedTopology } from '../domain/resolve'
import type { NamespaceSpecT } from '../domain/specs'
import type { LabNode } from '../domain/topology'

/** A namespace as flows need it: its Supervisor, hosts, pools and the CPU speed quotas convert with. */
export interface NsScope {
  ns: LabNode & { kind: 'namespace' }
  spec: NamespaceSpecT
  sv: LabNode & { kind: 'supervisor' }
  hostIds: readonly string[]
  /** Slowest core speed among the Supervisor's hosts: MHz per vCPU for quota arithmetic (as VM classes do, DOMAIN.md 3.2). */
  mhzPerCore: number
  podPool: string
  ingressPool: string
  egressPool: string
}

export const poolIds = (svId: string) => ({
  namespaces: `${svId}/pool/namespaces`,
  ingress: `${svId}/pool/ingress`,
  egress: `${svId}/pool/egress`,
})

/** Usable addresses of a pool: whole CIDR minus network and broadcast, or per block when carved (assumed). */
export function poolCapacity(cidr: string, blockPrefix?: number): number {
  const range = parseCidr(cidr)
  if (!range) return 0
  if (blockPrefix === undefined || blockPrefix <= range.prefix) return Math.max(0, range.size - 2)
  const block = 2 ** (32 - blockPrefix)
  // Each /28 (or other) block loses its network, gateway and broadcast addresses (assumed).
  return (range.size / block) * Math.max(0, block - 3)
}

export function makeScopes(r: ResolvedTopology) {
  const cache = new Map<string, NsScope | null>()
  return (nsId: string): NsScope | null => {
    const hit = cache.get(nsId)
    if (hit !== undefined) return hit
    const ns = r.index.byId.get(nsId)
    const sv = ns?.parentId === undefined || ns.parentId === null ? undefined : r.index.byId.get(ns.parentId)
    let scope: NsScope | null = null
    if (isKind(ns, 'namespace') && isKind(sv, 'supervisor')) {
      const hosts = r.hostsOf(sv.id)
      const speeds = hosts.map((h) => r.spec(h as LabNode & { kind: 'host' }).cpuMhzPerCore)
      const spec = r.spec(ns)
      const pools = poolIds(sv.id)
      scope = {
        ns,
        spec,
        sv,
        hostIds: hosts.map((h) => h.id),
        mhzPerCore: speeds.length > 0 ? Math.min(...speeds) : 2000,
        podPool: spec.networkOverride?.namespaceCidr ? `${ns.id}/pool/namespace` : pools.namespaces,
        ingressPool: pools.ingress,
        egressPool: pools.egress,
      }
    }
    cache.set(nsId, scope)
    return scope
  }
}
