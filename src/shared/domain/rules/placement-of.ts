import { isKind, type ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { serviceNamespaceName } from './supervisor-services'

type Of<K extends LabNode['kind']> = LabNode & { kind: K }

/** The Supervisor a node belongs to: itself, or the one its namespace is in. */
export function supervisorOf(r: ResolvedTopology, node: LabNode): Of<'supervisor'> | undefined {
  if (isKind(node, 'supervisor')) return node
  const sv = r.parentOfKind(node.id, 'supervisor')
  return isKind(sv, 'supervisor') ? sv : undefined
}

/** The namespace a workload is in, when it is directly in one. */
export function namespaceOfNode(r: ResolvedTopology, node: LabNode): Of<'namespace'> | undefined {
  const parent = node.parentId === null ? undefined : r.index.byId.get(node.parentId)
  return isKind(parent, 'namespace') ? parent : undefined
}

/** The version of the vCenter whose cluster a Supervisor (or what is in it) runs on. */
export function vcenterVersionOf(r: ResolvedTopology, node: LabNode): string | undefined {
  const sv = supervisorOf(r, node)
  const cluster = sv ? r.clustersOf(sv.id)[0] : node.kind === 'cluster' ? node : undefined
  const vc = cluster?.parentId ? r.index.byId.get(cluster.parentId) : undefined
  return isKind(vc, 'vcenter') ? r.spec(vc).version : undefined
}

/** Zones a Supervisor spans (1 or 3), 1 when there is none. */
export function zonesOf(r: ResolvedTopology, node: LabNode): number {
  const sv = supervisorOf(r, node)
  return sv ? r.spec(sv).zones : 1
}

/** The Supervisor Service nodes of a Supervisor, sorted by id. */
export const servicesOf = (r: ResolvedTopology, svId: string): Of<'supervisor-service'>[] =>
  (r.index.children.get(svId) ?? [])
    .filter((n): n is Of<'supervisor-service'> => n.kind === 'supervisor-service')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** The VKS service a Supervisor runs, when the lab places one. */
export const vksServiceOf = (r: ResolvedTopology, svId: string) =>
  servicesOf(r, svId).find((s) => r.spec(s).service === 'vks')

/**
 * The namespace a Supervisor Service's pods run in, `svc-<service>-domain-c<N>` (see
 * serviceNamespaceName): N numbers the Supervisor's first cluster among the lab's clusters, the
 * lab's stand-in for its MoID.
 */
export function serviceNamespaceOf(r: ResolvedTopology, svc: Of<'supervisor-service'>): string {
  const sv = supervisorOf(r, svc)
  const first = sv ? r.clustersOf(sv.id)[0] : undefined
  const n = first ? r.ofKind('cluster').indexOf(first) + 1 : 0
  return serviceNamespaceName(r.spec(svc).service, n)
}
