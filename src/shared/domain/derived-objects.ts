import type { Kind } from './kinds'
import type { LabNode, Topology, TopologyIndex } from './topology'

/**
 * Objects the platform creates by itself (DESIGN.md section 3): the Supervisor's control-plane
 * VMs and API VIP, a namespace's network. They are derived from the topology on every render,
 * never stored, and drawn read-only. Ids start with `derived:` so no edit can target them.
 */
export interface DerivedObject {
  id: string
  kind: Kind
  name: string
  parentId: string
  /** Why it exists, shown in the inspector. */
  note: string
}

export const DERIVED_PREFIX = 'derived:'

export const isDerivedId = (id: string) => id.startsWith(DERIVED_PREFIX)

/** The read-only objects each container gets, keyed by the container's id. */
export function derivedObjects(topology: Topology): Map<string, DerivedObject[]> {
  const out = new Map<string, DerivedObject[]>()
  for (const node of topology.nodes) {
    const list = derivedFor(node)
    if (list.length > 0) out.set(node.id, list)
  }
  return out
}

function derivedFor(node: LabNode): DerivedObject[] {
  const base = `${DERIVED_PREFIX}${node.id}:`
  if (node.kind === 'supervisor') {
    const raw = node.spec['controlPlaneCount']
    const count = typeof raw === 'number' ? raw : 3
    const vms: DerivedObject[] = Array.from({ length: count }, (_, i) => ({
      id: `${base}cp-${i + 1}`,
      kind: 'control-plane-vm',
      name: `supervisorcontrolplanevm-${i + 1}`,
      parentId: node.id,
      note: 'Deployed by the Supervisor when it is enabled; one per control-plane replica.',
    }))
    return [
      ...vms,
      {
        id: `${base}api-vip`,
        kind: 'control-plane-vm',
        name: 'api-server-vip',
        parentId: node.id,
        note: 'The Kubernetes API virtual IP, served by the load balancer in front of the control plane.',
      },
    ]
  }
  if (node.kind === 'namespace')
    return [
      {
        id: `${base}network`,
        kind: 'namespace-network',
        name: `${node.name}-network`,
        parentId: node.id,
        note: 'Created with the namespace: a T1 gateway, segment and load balancer (NSX), or a VDS port group.',
      },
    ]
  return []
}

/** Whether a host runs a Spherelet: its cluster is bound to a Supervisor (DOMAIN.md 1.3). */
export function hostHasSpherelet(topology: Topology, index: TopologyIndex, host: LabNode): boolean {
  if (host.kind !== 'host' || host.parentId === null) return false
  const clusterId = host.parentId
  return topology.links.some((l) => l.target === clusterId) && index.byId.get(clusterId)?.kind === 'cluster'
}
