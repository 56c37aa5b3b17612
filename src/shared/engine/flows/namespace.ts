import { isKind } from '../../domain/resolve'
import type { LabNode } from '../../domain/topology'
import { status, takeIp } from '../accounting'
import { LANES } from '../lanes'
import type { Change, Planner } from '../planner'
import { poolCapacity } from '../scope'
import { STATUS } from '../state'
import { quotaKey, type QuotaCounter } from '../fields'

/** Quota keys a namespace record holds, from its spec (DOMAIN.md 2). */
export function quotaChanges(p: Planner, nsId: string): Change[] {
  const scope = p.scope(nsId)
  if (!scope) return []
  const s = scope.spec
  const q: [QuotaCounter, number | undefined][] = [
    ['pods', s.objectCounts.pods],
    ['services', s.objectCounts.services],
    ['deployments', s.objectCounts.deployments],
    ['persistentVolumeClaims', s.objectCounts.persistentVolumeClaims],
    ['cpuMhz', s.cpuLimitMhz],
    ['memoryMiB', s.memoryLimitMiB],
    ['storageMiB', s.storageLimitMiB],
    ...s.storage.map((a) => [`storage/${a.policy}`, a.limitMiB] as [QuotaCounter, number | undefined]),
  ]
  return q.filter(([, v]) => v !== undefined).map(([k, v]) => ['namespaces', nsId, quotaKey(k), v!] as const)
}

/** Creating a vSphere Namespace: DOMAIN.md 4b, steps 1 to 7. */
export function createNamespace(p: Planner, ns: LabNode & { kind: 'namespace' }): void {
  const scope = p.scope(ns.id)
  const base = { sequence: 'namespace' as const, object: ns.id }
  const svRunning = scope !== null && p.status(scope.sv.id) === STATUS.running
  if (!scope || !svRunning) {
    const why = scope ? `Supervisor ${scope.sv.name} is not running` : 'the namespace is not in a Supervisor'
    p.emit({
      ...base,
      actor: LANES.user,
      target: LANES.wcpsvc,
      action: 'namespace-create',
      text: `The admin asks wcpsvc to create namespace ${ns.name}, but ${why}.`,
      set: status(ns.id, STATUS.failed, why),
      failure: { code: 'supervisor-not-running', reason: why },
    })
    return
  }
  const { spec, sv } = scope
  const net = p.r.networkOf(sv.id)
  const nsx = !isKind(net, 'network') || p.r.spec(net).type === 'nsx'
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.wcpsvc,
    action: 'namespace-create',
    text: `The admin creates vSphere Namespace ${ns.name} on Supervisor ${sv.name}: POST /api/vcenter/namespaces/instances.`,
    set: status(ns.id, STATUS.configuring),
  })
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: LANES.vcenter,
    action: 'namespace-objects',
    text: `wcpsvc creates the Kubernetes Namespace ${ns.name}, its resource pool under "Namespaces" (normal shares, expandable reservation${spec.cpuLimitMhz ? `, CPU limit ${spec.cpuLimitMhz} MHz` : ''}${spec.memoryLimitMiB ? `, memory limit ${spec.memoryLimitMiB} MiB` : ''}) and its VM folder.`,
    set: [
      ['namespaces', ns.id, 'name', ns.name],
      ['namespaces', ns.id, 'supervisor', sv.id],
      ...quotaChanges(p, ns.id),
    ],
  })
  if (nsx) {
    const override = spec.networkOverride?.namespaceCidr
    const snat = takeIp(p, scope.egressPool)
    if (!snat) {
      const why = 'the egress CIDR has no address left for the namespace SNAT IP'
      p.emit({
        ...base,
        actor: LANES.wcpsvc,
        target: LANES.nsx,
        action: 'namespace-network',
        text: `NCP cannot finish the network of ${ns.name}: ${why}.`,
        set: status(ns.id, STATUS.failed, why),
        failure: { code: 'ip-exhausted', reason: why },
      })
      return
    }
    p.emit({
      ...base,
      actor: LANES.wcpsvc,
      target: LANES.nsx,
      action: 'namespace-network',
      text: `NCP creates the namespace's Tier-1 gateway (linked to the Tier-0), its segment carved in /28 blocks from ${override ?? 'the namespace CIDR'}, a load balancer, one SNAT IP from the egress range, and DFW rules that isolate the namespace.`,
      set: [
        snat,
        ['objects', ns.id, 'snatPool', scope.egressPool],
        ...(override
          ? ([
              ['pools', scope.podPool, 'cidr', override],
              ['pools', scope.podPool, 'capacity', poolCapacity(override, 28)],
              ['pools', scope.podPool, 'used', 0],
            ] as Change[])
          : []),
      ],
    })
  } else
    p.emit({
      ...base,
      actor: LANES.wcpsvc,
      target: LANES.vcenter,
      action: 'namespace-network',
      text: `wcpsvc attaches the workload network (a distributed port group) to ${ns.name}.`,
    })
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: LANES.cns,
    action: 'namespace-storage',
    text: `The storage service creates a StorageClass per assigned policy (${spec.storage.map((s) => s.policy).join(', ') || 'none'}) and the storage quota.`,
  })
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: LANES.apiserver,
    action: 'namespace-rbac',
    text: `wcpsvc writes RoleBindings for ${spec.permissions.length} permission(s), the ResourceQuota and the LimitRange with the container defaults.`,
  })
  p.emit({
    ...base,
    actor: LANES.vmop,
    target: LANES.apiserver,
    action: 'namespace-vmservice',
    text: `VM Operator makes ${spec.vmClasses.length} VM class(es) visible in ${ns.name} and lists the images of ${spec.contentLibraries.join(', ') || 'no content library'} as VirtualMachineImages.`,
  })
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: LANES.user,
    action: 'namespace-ready',
    text: `Namespace ${ns.name} is ready: config_status RUNNING.`,
    set: status(ns.id, STATUS.running),
  })
}
