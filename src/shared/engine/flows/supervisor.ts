import { CONTROL_PLANE_SIZES } from '../../domain/control-plane-sizes'
import { isKind } from '../../domain/resolve'
import { servicesOf, vcenterVersionOf } from '../../domain/rules/placement-of'
import { SUPERVISOR_SERVICES } from '../../domain/rules/supervisor-services'
import { hasFeature } from '../../domain/rules/versions'
import { nearestProfile } from '../../domain/rules/vcenter-versions'
import { enablePath, vcenterApiShape } from '../../domain/vcenter-api-shape'
import type { LabNode } from '../../domain/topology'
import { formatMemory } from '../../domain/units'
import { status } from '../accounting'
import { supervisorProblem } from '../admission'
import {
  allocate,
  blockPool,
  consecutivePool,
  createPool,
  holdAddress,
  ledger,
  rangePool,
} from '../addresses'
import { hostdLane, LANES, sphereletLane } from '../lanes'
import { count } from '../placement'
import type { Planner } from '../planner'
import { poolIds } from '../scope'
import { STATUS } from '../state'
import { apiServersText, deployControlPlane } from './control-plane'
import { vpcNames } from './vpc-network'

/**
 * What the release calls the Supervisor ("Supervisor Cluster" in 7.0, "vSphere Supervisor" in
 * the 9.0 API), from its platform profile (rules/vcenter-versions.ts).
 */
export function supervisorNoun(version: string | undefined): string {
  return version === undefined ? 'Supervisor' : nearestProfile(version).supervisorName
}

/** Enabling Workload Management on a cluster: DOMAIN.md 4a, steps 1 to 9. */
export function enableSupervisor(p: Planner, sv: LabNode & { kind: 'supervisor' }): void {
  const { r } = p
  const spec = r.spec(sv)
  const net = r.networkOf(sv.id)
  const netSpec = isKind(net, 'network') ? r.spec(net) : undefined
  const scope = p.svScope(sv.id)!
  const { stack } = scope
  const id = sv.id
  const base = { sequence: 'supervisor' as const, object: id }
  const clusters = scope.zones.map((z) => z.name).join(', ') || '(no cluster)'
  const version = vcenterVersionOf(r, sv)
  const noun = supervisorNoun(version)
  const shape = vcenterApiShape(version ?? '')
  const request = `POST ${enablePath(shape, spec.zones === 3, `{${scope.zones[0]?.name ?? 'cluster'}}`)}`
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.wcpsvc,
    action: 'supervisor-enable',
    text: `The admin enables Workload Management on ${clusters}: wcpsvc in vCenter${version ? ` ${version}` : ''} receives the request to enable ${noun} ${sv.name} (${request}; size ${spec.size}, ${stack.label} networking, ${spec.zones === 3 ? 'three zones' : 'one zone'}, ${count(spec.controlPlaneCount)} control-plane VM${spec.controlPlaneCount === 1 ? '' : 's'}).`,
    set: status(id, STATUS.configuring),
  })
  const vpc = vpcNames(netSpec ?? {})
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
    text: `wcpsvc checks ${scope.zones.length > 1 ? 'the clusters' : 'the cluster'}, the distributed switch and ${stack.vpc ? `NSX project ${vpc.nsxProject} with its VPC connectivity profile ${vpc.connectivityProfile}` : stack.nsx ? 'the NSX edge cluster' : stack.lbName}: all compatible.`,
  })
  const pools = poolIds(id)
  const lp = ledger(p)
  if (netSpec) {
    const ns = netSpec.namespaceCidr
    // On NSX VPC each namespace's VPC takes the private CIDR for itself (flows/vpc-network.ts).
    if (!stack.vpc)
      createPool(lp, pools.namespaces, stack.nsx ? blockPool(ns, netSpec.subnetPrefix) : rangePool(ns, true))
    createPool(lp, pools.ingress, rangePool(netSpec.ingressCidr))
    if (stack.nsx) createPool(lp, pools.egress, rangePool(netSpec.egressCidr))
    createPool(lp, pools.management, consecutivePool(netSpec.managementStartIp, 5))
  }
  const rpWhere = scope.zones.length > 1 ? ' in each zone' : ''
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: stack.nsx ? LANES.nsx : LANES.vcenter,
    action: 'supervisor-infra',
    text: stack.vpc
      ? `InfrastructureInitialized: vCenter creates the "Namespaces" resource pool${rpWhere}; NSX prepares VPC networking in project ${vpc.nsxProject}: every namespace will get a VPC of its own with connectivity profile ${vpc.connectivityProfile}, subnets from the private CIDR ${netSpec?.namespaceCidr ?? ''}, no Tier-1 and no NCP (which objects belong to this condition, and a VPC for the system namespaces, are assumed).`
      : stack.nsx
        ? `InfrastructureInitialized: vCenter creates the "Namespaces" resource pool${rpWhere} and NSX the shared system Tier-1 and segments (which objects belong to this condition is assumed).`
        : `InfrastructureInitialized: vCenter creates the "Namespaces" resource pool${rpWhere}; workloads connect to distributed port groups (vSphere Networks) and ${stack.lbName} gives the virtual IPs.`,
    set: lp.changes,
  })
  if (!deployControlPlane(p, sv, scope) || p.interrupted.has(id)) return
  const size = CONTROL_PLANE_SIZES[spec.size]
  const l = ledger(p)
  const floating = allocate(l, pools.management)
  const spare = allocate(l, pools.management)
  const controllers = stack.vpc
    ? 'nsx-operator, VM Operator, Cluster API, scheduler extension, CSI'
    : stack.nsx
      ? 'NCP, VM Operator, Cluster API, scheduler extension, CSI'
      : 'VM Operator, Cluster API, the load balancer controller, CSI'
  p.emit({
    ...base,
    actor: LANES.eam,
    target: LANES.apiserver,
    action: 'cp-configured',
    text: `ControlPlaneVMsConfigured: kube-apiserver, etcd and the Supervisor controllers (${controllers}) come up on the control-plane VM${spec.controlPlaneCount === 1 ? '' : 's'}${floating ? `, behind the floating IP ${floating.address}${spare ? ` (${spare.address} is kept for upgrades)` : ''}` : ''} (component list assumed; ${size.vcpus} vCPU / ${formatMemory(size.memoryMiB)} per VM is unverified).`,
    set: [
      ...l.changes,
      ...(floating ? holdAddress(id, 'floatingIp', pools.management, floating) : []),
      ...(spare ? holdAddress(id, 'spareIp', pools.management, spare) : []),
    ],
  })
  // On VDS, vSphere Pods run only Supervisor Services, from 8.0 U1 [D8-SVC]: a Spherelet then too.
  const spherelets = stack.nsx || servicePods(p, sv.id, version)
  for (const hostId of scope.hostIds) {
    const hostName = r.index.byId.get(hostId)?.name ?? hostId
    p.emit({
      ...base,
      actor: LANES.wcpsvc,
      target: spherelets ? sphereletLane(hostId) : hostdLane(hostId),
      action: 'spherelet-install',
      text: stack.nsx
        ? `vLCM installs the Spherelet VIB on ${hostName} and configures it; the host registers as a Kubernetes node.`
        : spherelets
          ? `vLCM installs the Spherelet VIB on ${hostName}; on VDS its vSphere Pods run only the Supervisor Services [D8-SVC]; the host registers as a Kubernetes node.`
          : `${hostName} joins the Supervisor; on VDS no Spherelet runs vSphere Pods for general use.`,
      set: spherelets
        ? [
            ['objects', `${hostId}/spherelet`, 'kind', 'spherelet'],
            ['objects', `${hostId}/spherelet`, 'host', hostId],
            ['objects', `${hostId}/spherelet`, 'supervisor', id],
            ...status(`${hostId}/spherelet`, STATUS.running),
          ]
        : [],
    })
  }
  const lv = ledger(p)
  const vip = allocate(lv, pools.ingress)
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: stack.lbTarget,
    action: 'api-vip',
    text: `${stack.nsx ? 'NSX' : stack.lbName} creates the kube-API virtual server: ${vip ? `VIP ${vip.address}` : 'a VIP'} from ${stack.vipRange} in front of ${apiServersText(spec.controlPlaneCount)} (:443/:6443).`,
    set: vip ? [...lv.changes, ...holdAddress(id, 'vip', pools.ingress, vip)] : [],
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
    text: `${noun} ${sv.name} is ready: config_status RUNNING, kubernetes_status READY.`,
    set: status(id, STATUS.running),
  })
}

/** Whether a VDS Supervisor runs Supervisor Services as vSphere Pods (8.0 U1 on [D8-SVC]). */
function servicePods(p: Planner, svId: string, version: string | undefined): boolean {
  if (version === undefined || !hasFeature(version, 'supervisor-services-on-vds')) return false
  return servicesOf(p.r, svId).some((s) => !SUPERVISOR_SERVICES[p.r.spec(s).service].core)
}
