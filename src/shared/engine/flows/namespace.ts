import { isKind } from '../../domain/resolve'
import { vcenterVersionOf } from '../../domain/rules/placement-of'
import { namespaceBySupervisor, namespacePath, vcenterApiShape } from '../../domain/vcenter-api-shape'
import type { LabNode } from '../../domain/topology'
import { status } from '../accounting'
import { allocate, blockPool, createPool, holdAddress, ledger, rangePool, segmentPool } from '../addresses'
import { LANES } from '../lanes'
import type { Change, Planner } from '../planner'
import { nsPoolIds, poolIds, type NsScope } from '../scope'
import { quotaKey, type QuotaCounter } from '../fields'
import { STATUS } from '../state'
import { zoneLimitChanges, zoneShare } from '../zones'
import { createVpc, vpcNames } from './vpc-network'

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
  return [
    ...q.filter(([, v]) => v !== undefined).map(([k, v]) => ['namespaces', nsId, quotaKey(k), v!] as const),
    ...zoneLimitChanges(nsId, scope.zones, 'cpuMhz', s.cpuLimitMhz),
    ...zoneLimitChanges(nsId, scope.zones, 'memoryMiB', s.memoryLimitMiB),
  ]
}

/** The namespace's resource pool(s) in a sentence, with each zone's share (DOMAIN.md 1.2). */
function poolsText(scope: NsScope): string {
  const s = scope.spec
  const n = scope.zones.length
  const limit = (total: number | undefined, unit: string, what: string) =>
    total === undefined
      ? ''
      : n > 1
        ? `, ${what} limit ${zoneShare(total, n)} ${unit} of the ${total} ${unit}`
        : `, ${what} limit ${total} ${unit}`
  const limits = `${limit(s.cpuLimitMhz, 'MHz', 'CPU')}${limit(s.memoryLimitMiB, 'MiB', 'memory')}`
  return n > 1
    ? `a resource pool under "Namespaces" in each of the ${n === 3 ? 'three' : n} zones (${scope.zones.map((z) => z.name).join(', ')}), which share its limits in equal parts (normal shares, expandable reservation${limits} each)`
    : `its resource pool under "Namespaces" (normal shares, expandable reservation${limits})`
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
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.wcpsvc,
    action: 'namespace-create',
    text: `The admin creates vSphere Namespace ${ns.name} on Supervisor ${sv.name}: POST ${createPath(p, scope)}.`,
    set: status(ns.id, STATUS.configuring),
  })
  p.emit({
    ...base,
    actor: LANES.wcpsvc,
    target: LANES.vcenter,
    action: 'namespace-objects',
    text: `wcpsvc creates the Kubernetes Namespace ${ns.name}, ${poolsText(scope)} and its VM folder.`,
    set: [
      ['namespaces', ns.id, 'name', ns.name],
      ['namespaces', ns.id, 'supervisor', sv.id],
      ...quotaChanges(p, ns.id),
    ],
  })
  if (!namespaceNetwork(p, scope)) return
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

/** The request that creates a namespace in the lab's API shape (domain/vcenter-api-shape.ts). */
function createPath(p: Planner, scope: NsScope): string {
  const shape = vcenterApiShape(vcenterVersionOf(p.r, scope.ns) ?? '')
  return namespacePath(namespaceBySupervisor(shape, scope.zones.length > 1, scope.stack.vpc))
}

/**
 * The namespace's network (DOMAIN.md 4b step 3). NSX: NCP creates a Tier-1, a segment that takes
 * /28 blocks from the namespace network (or the namespace's own CIDR), a load balancer and one
 * SNAT IP from the egress range (or its own). NSX VPC: a VPC of its own (vpc-network.ts). VDS: the namespace gets the workload network, a
 * distributed port group; there is no Tier-1, segment or SNAT. False when the network fails.
 */
function namespaceNetwork(p: Planner, scope: NsScope): boolean {
  const { ns, spec, stack } = scope
  const base = { sequence: 'namespace' as const, object: ns.id }
  const mine = nsPoolIds(ns.id)
  const net = p.r.networkOf(scope.sv.id)
  const prefix = isKind(net, 'network') ? p.r.spec(net).subnetPrefix : 28
  if (!stack.nsx) {
    const own = ledger(p)
    if (scope.own.namespace) createPool(own, mine.namespace, rangePool(scope.own.namespace, true))
    p.emit({
      ...base,
      actor: LANES.wcpsvc,
      target: LANES.vcenter,
      action: 'namespace-network',
      text: `wcpsvc attaches the workload network (a distributed port group) to ${ns.name}${scope.own.namespace ? `, with its own address range ${scope.own.namespace}` : ''}; VMs take addresses from its IP range and ${stack.lbName} gives virtual IPs from ${stack.vipRange}.`,
      set: own.changes,
    })
    return true
  }
  if (stack.vpc) {
    const netSpec = isKind(net, 'network') ? p.r.spec(net) : undefined
    return createVpc(p, {
      objectId: ns.id,
      sequence: 'namespace',
      name: ns.name,
      pools: { namespace: mine.namespace, segment: mine.segment },
      privateCidr: scope.own.namespace ?? netSpec?.namespaceCidr ?? '',
      prefix,
      egressPool: scope.egressPool,
      ...vpcNames(netSpec ?? {}),
    })
  }
  const l = ledger(p)
  if (scope.own.namespace) createPool(l, mine.namespace, blockPool(scope.own.namespace, prefix))
  if (scope.own.ingress) createPool(l, mine.ingress, rangePool(scope.own.ingress))
  if (scope.own.egress) createPool(l, mine.egress, rangePool(scope.own.egress))
  const parent = scope.own.namespace ? mine.namespace : poolIds(scope.sv.id).namespaces
  createPool(l, mine.segment, segmentPool(parent, 2 ** (32 - prefix)))
  const snat = allocate(l, scope.egressPool)
  if (!snat) {
    const why = `the egress range${scope.own.egress ? ` ${scope.own.egress}` : ''} has no address left for the namespace SNAT IP`
    p.emit({
      ...base,
      actor: LANES.ncp,
      target: LANES.nsx,
      action: 'namespace-network',
      text: `NCP cannot finish the network of ${ns.name}: ${why}.`,
      set: status(ns.id, STATUS.failed, why),
      failure: { code: 'ip-exhausted', reason: why },
    })
    return false
  }
  const owned = [
    scope.own.namespace && `namespace network ${scope.own.namespace}`,
    scope.own.ingress && `ingress range ${scope.own.ingress}`,
    scope.own.egress && `egress range ${scope.own.egress}`,
  ].filter(Boolean)
  p.emit({
    ...base,
    actor: LANES.ncp,
    target: LANES.nsx,
    action: 'namespace-network',
    text: `NCP creates the namespace's Tier-1 gateway (linked to the Tier-0${spec.networkOverride?.t0Gateway ? ` ${spec.networkOverride.t0Gateway}` : ''}), its segment carved in /${prefix} blocks from ${scope.own.namespace ?? 'the namespace network'}, a load balancer, SNAT IP ${snat.address} from ${scope.own.egress ? `the namespace's egress range ${scope.own.egress}` : 'the egress range'}, and DFW rules that isolate the namespace${owned.length ? ` (the namespace overrides the Supervisor's ${owned.join(', ')})` : ''}.`,
    set: [...l.changes, ...holdAddress(ns.id, 'snat', scope.egressPool, snat)],
  })
  return true
}
