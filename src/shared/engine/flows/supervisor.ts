import { CONTROL_PLANE_SIZES } from '../../domain/control-plane-sizes'
import { isKind } from '../../domain/resolve'
import type { LabNode } from '../../domain/topology'
import { formatMemory } from '../../domain/units'
import { holdOn, status, takeIp } from '../accounting'
import { supervisorProblem } from '../admission'
import { hostdLane, LANES, sphereletLane } from '../lanes'
import type { Change, Planner } from '../planner'
import { poolCapacity, poolIds } from '../scope'
import { STATUS } from '../state'

/** Enabling Workload Management on a cluster: DOMAIN.md 4a, steps 1 to 9. */
export function enableSupervisor(p: Planner, sv: LabNode & { kind: 'supervisor' }): void {
  const { r } = p
  const spec = r.spec(sv)
  const net = r.networkOf(sv.id)
  const netSpec = isKind(net, 'network') ? r.spec(net) : undefined
  const nsx = netSpec?.type !== 'vds'
  const id = sv.id
  const base = { sequence: 'supervisor' as const, object: id }
  const clusters =
    r
      .clustersOf(id)
      .map((c) => c.name)
      .join(', ') || '(no cluster)'
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.wcpsvc,
    action: 'supervisor-enable',
    text: `The admin enables Workload Management on ${clusters}: wcpsvc in vCenter receives the enable request (size ${spec.size}, ${nsx ? 'NSX' : 'VDS'} networking, ${spec.zones} zone(s)).`,
    set: status(id, STATUS.configuring),
  })
  const problem = supervisorProblem(p, sv)
  if (problem) {
    p.emit({
      ...base,
      actor: LANES.wcpsvc,
      target: LANES.vcenter,
      action: 'supervisor-checks',
      text: `wcpsvc's compatibility checks fail: ${problem}. The Supervisor is not enabled.`,
      set: status(id, STATUS.failed, `compatibility check failed: ${problem}`),
      failure: { code: 'supervisor-incompatible', reason: problem },
    })
    return
  }
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: LANES.vcenter,
    action: 'supervisor-checks',
    text: `wcpsvc checks the cluster, the distributed switch and the ${nsx ? 'NSX edge cluster' : 'load balancer'}: all compatible.`,
  })
  const pools = poolIds(id)
  const poolChanges: Change[] = netSpec
    ? [
        ['pools', pools.namespaces, 'cidr', netSpec.namespaceCidr],
        ['pools', pools.namespaces, 'capacity', poolCapacity(netSpec.namespaceCidr, netSpec.subnetPrefix)],
        ['pools', pools.namespaces, 'used', 0],
        ['pools', pools.ingress, 'cidr', netSpec.ingressCidr],
        ['pools', pools.ingress, 'capacity', poolCapacity(netSpec.ingressCidr)],
        ['pools', pools.ingress, 'used', 0],
        ['pools', pools.egress, 'cidr', netSpec.egressCidr],
        ['pools', pools.egress, 'capacity', poolCapacity(netSpec.egressCidr)],
        ['pools', pools.egress, 'used', 0],
      ]
    : []
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: nsx ? LANES.nsx : LANES.vcenter,
    action: 'supervisor-infra',
    text: nsx
      ? 'InfrastructureInitialized: vCenter creates the "Namespaces" resource pool and NSX the shared system Tier-1 and segments (which objects belong to this condition is assumed).'
      : 'InfrastructureInitialized: vCenter creates the "Namespaces" resource pool; workload networks are distributed port groups.',
    set: poolChanges,
  })
  deployControlPlane(p, sv)
  if (p.interrupted.has(id)) return
  const size = CONTROL_PLANE_SIZES[spec.size]
  p.emit({
    ...base,
    actor: LANES.eam,
    target: LANES.apiserver,
    action: 'cp-configured',
    text: `ControlPlaneVMsConfigured: kube-apiserver, etcd and the Supervisor controllers (NCP, VM Operator, Cluster API, scheduler extension, CSI) come up on the control-plane VMs (component list assumed; ${size.vcpus} vCPU / ${formatMemory(size.memoryMiB)} per VM is unverified).`,
  })
  for (const hostId of r.hostsOf(id).map((h) => h.id)) {
    const hostName = r.index.byId.get(hostId)?.name ?? hostId
    p.emit({
      ...base,
      actor: LANES.wcpsvc,
      target: sphereletLane(hostId),
      action: 'spherelet-install',
      text: nsx
        ? `vLCM installs the Spherelet VIB on ${hostName} and configures it; the host registers as a Kubernetes node.`
        : `${hostName} joins the Supervisor; on VDS no Spherelet runs vSphere Pods for general use.`,
      set: nsx
        ? [
            ['objects', `${hostId}/spherelet`, 'kind', 'spherelet'],
            ['objects', `${hostId}/spherelet`, 'host', hostId],
            ['objects', `${hostId}/spherelet`, 'supervisor', id],
            ...status(`${hostId}/spherelet`, STATUS.running),
          ]
        : [],
    })
  }
  const vip = takeIp(p, pools.ingress)
  p.emit({
    ...base,
    actor: nsx ? LANES.nsx : LANES.lb,
    target: LANES.lb,
    action: 'api-vip',
    text: `${nsx ? 'NSX' : netSpec?.loadBalancer === 'avi' ? 'NSX Advanced Load Balancer' : 'HAProxy'} creates the kube-API virtual server: one VIP from the ingress range in front of the three API servers (:443/:6443).`,
    set: vip ? [vip, ['objects', id, 'vipPool', pools.ingress]] : [],
  })
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: LANES.apiserver,
    action: 'supervisor-defaults',
    text: 'wcpsvc creates the default objects: the 16 default VM classes (best-effort-* and guaranteed-*) and a StorageClass per chosen storage policy.',
  })
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: LANES.user,
    action: 'supervisor-ready',
    text: `Supervisor ${sv.name} is ready: config_status RUNNING, kubernetes_status READY.`,
    set: status(id, STATUS.running),
  })
}

/** ESX Agent Manager deploys the control-plane VMs, one per host (hard anti-affinity). */
function deployControlPlane(p: Planner, sv: LabNode & { kind: 'supervisor' }): void {
  const spec = p.r.spec(sv)
  const size = CONTROL_PLANE_SIZES[spec.size]
  const all = p.r.hostsOf(sv.id).map((h) => h.id)
  const used = new Set<string>()
  for (let i = 1; i <= spec.controlPlaneCount; i++) {
    const vmId = `${sv.id}/cp-${i}`
    // Connected hosts (read each time: a fault may strike between two deployments), lowest
    // active memory first; a host already holding a CP VM only when no other is left.
    const ranked = all
      .filter((h) => p.get('hosts', h, 'state') === 'connected')
      .sort(
        (a, b) =>
          Number(used.has(a)) - Number(used.has(b)) ||
          p.num('hosts', a, 'activeMemoryMiB') / p.num('hosts', a, 'capacityMemoryMiB') -
            p.num('hosts', b, 'activeMemoryMiB') / p.num('hosts', b, 'capacityMemoryMiB') ||
          (a < b ? -1 : 1),
      )
    const hostId = ranked[0]
    if (hostId === undefined) {
      p.emit({
        sequence: 'supervisor',
        object: sv.id,
        actor: LANES.eam,
        target: LANES.vcenter,
        action: 'cp-vm-deploy',
        text: `ESX Agent Manager finds no connected host for control-plane VM ${i}; enabling fails.`,
        set: status(sv.id, STATUS.failed, 'no connected host for the control-plane VMs'),
        failure: { code: 'no-feasible-host', reason: 'no connected host for the control-plane VMs' },
      })
      p.interrupted.add(sv.id)
      return
    }
    used.add(hostId)
    const mhz = p.num('hosts', hostId, 'mhzPerCore')
    p.emit({
      sequence: 'supervisor',
      object: sv.id,
      actor: LANES.eam,
      target: hostdLane(hostId),
      action: 'cp-vm-deploy',
      text: `ControlPlaneVMsDeployed (${i}/${spec.controlPlaneCount}): ESX Agent Manager deploys SupervisorControlPlaneVM (${i}) on ${p.get('hosts', hostId, 'name')}, kept apart from the others by a hard anti-affinity rule; it takes an IP of the five on the management network and counts ${formatMemory(size.memoryMiB)} as active usage (no reservation; assumed).`,
      set: [
        ['objects', vmId, 'kind', 'control-plane-vm'],
        ['objects', vmId, 'name', `supervisorcontrolplanevm-${i}`],
        ['objects', vmId, 'supervisor', sv.id],
        ...status(vmId, STATUS.running),
        ...holdOn(p, vmId, hostId, {
          cpuMhz: 0,
          memoryMiB: 0,
          podCpuMillis: 0,
          podMemoryMiB: 0,
          activeCpuMhz: Math.ceil((size.vcpus * mhz) / 4),
          activeMemoryMiB: size.memoryMiB,
        }),
      ],
    })
  }
}
