import { defaultVmClass } from '../../domain/vm-classes'
import { nsHold, nsRelease, release, status } from '../accounting'
import { allocate, holdAddress, ledger, releaseAddress } from '../addresses'
import { LANES } from '../lanes'
import type { Change, Planner } from '../planner'
import type { NsScope } from '../scope'
import { STATUS } from '../state'
import type { PlacementRule, Sequence } from '../types'
import { deployVm } from './vm-place'

/** Disk of a VM: from its image, which the lab does not model; TKR OVAs are 16 GB (DOMAIN.md 6.1), assumed for all. */
export const VM_DISK_MIB = 16 * 1024

/** A VM to realise: a VM Service VM, or a node of a Kubernetes cluster. */
export interface VmJob {
  id: string
  name: string
  nsId: string
  className: string
  storageClass: string
  sequence: Sequence
  /** What the object is, for the UI: a VM Service VM or a cluster node. */
  kind: 'vm' | 'tkc-node'
  owner?: string
  powerOn: boolean
  /** The rule that keeps it apart from its siblings (a cluster node's cluster module). */
  rule?: PlacementRule
  /** The zone it must land in (a cluster node on a three-zone Supervisor). */
  zone?: string
}

/** The storage class a request means: its own, or the namespace's first policy when empty. */
export const effectiveStorageClass = (scope: NsScope, sc: string) =>
  sc !== '' ? sc : (scope.spec.storage[0]?.policy ?? '')

/** VM Operator's prerequisite conditions (DOMAIN.md 4d step 4): null when all are met. */
export function vmPrereqProblem(
  p: Planner,
  scope: NsScope,
  className: string,
  storageClass: string,
): { code: string; reason: string } | null {
  const cls = defaultVmClass(className)
  if (!cls || !scope.spec.vmClasses.includes(className))
    return {
      code: 'vm-class-not-bound',
      reason: `VirtualMachineClassReady=False: class ${className} is not bound to namespace ${scope.ns.name}`,
    }
  const sc = effectiveStorageClass(scope, storageClass)
  if (!scope.spec.storage.some((s) => s.policy === sc))
    return {
      code: 'storage-class-not-bound',
      reason: `VirtualMachineStorageReady=False: storage class ${sc || '(none)'} is not a storage policy of namespace ${scope.ns.name}`,
    }
  for (const [key, label] of [
    ['storageMiB', 'requests.storage'],
    [`storage/${sc}`, `${sc}.storageclass.storage.k8s.io/requests.storage`],
  ] as const) {
    const quota = p.get('namespaces', scope.ns.id, `quota:${key}`)
    const used = p.num('namespaces', scope.ns.id, key)
    if (quota !== null && used + VM_DISK_MIB > Number(quota))
      return {
        code: 'quota-exceeded',
        reason: `VirtualMachineStorageReady=False: exceeded quota: ${label}, requested: ${VM_DISK_MIB}, used: ${used}, limited: ${quota}`,
      }
  }
  return null
}

/** Gives back a VM's host hold, its IP and the reservation it counted in its zone's resource pool. */
export function releaseVmResources(p: Planner, id: string): Change[] {
  const l = ledger(p)
  return [
    ...release(p, id),
    ...releaseAddress(l, p, id, 'ip'),
    ...nsRelease(p, id, (key) => key.startsWith('rp:')),
    ...l.changes,
  ]
}

/**
 * Network of a VM (DOMAIN.md 4d step 5), then its placement, deployment and power-on. The caller
 * has emitted the first step and checked prerequisites. Returns true when the VM ends running.
 */
export function realiseVm(p: Planner, job: VmJob, scope: NsScope): boolean {
  const { id } = job
  const base = { sequence: job.sequence, object: id }
  const { stack } = scope
  const sc = effectiveStorageClass(scope, job.storageClass)
  // Checked for each VM as it is created: a cluster's earlier nodes may have used up the quota.
  const problem = vmPrereqProblem(p, scope, job.className, job.storageClass)
  if (problem) {
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: LANES.vcenter,
      action: 'vm-prereqs',
      text: `VM Operator checks ${job.name}'s prerequisites: ${problem.reason}. The VM is not created.`,
      set: status(id, STATUS.failed, problem.reason),
      failure: problem,
    })
    return false
  }
  const l = ledger(p)
  const ip = allocate(l, scope.podPool)
  const nic = stack.nsx
    ? `the namespace segment (an NSX VirtualNetwork that NCP realises)`
    : `the workload network (a vSphere Network: a distributed port group)`
  if (!ip) {
    const why = `VirtualMachineNetworkReady=False: no free IP in ${stack.nsx ? 'the namespace network' : 'the workload network'}`
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: stack.nicTarget,
      action: 'vm-network',
      text: `${stack.nsx ? 'NSX' : 'The workload network'} cannot give ${job.name} a NIC address: ${stack.nsx ? 'the namespace network' : 'its IP range'} is exhausted.`,
      set: [...releaseVmResources(p, id), ...status(id, STATUS.failed, why)],
      failure: { code: 'ip-exhausted', reason: why },
    })
    return false
  }
  p.emit({
    ...base,
    actor: LANES.vmop,
    target: stack.nicTarget,
    action: 'vm-network',
    text: `VM Operator creates the network interface of ${job.name} on ${nic}, IP ${ip.address}: VirtualMachineNetworkReady.`,
    set: [
      ...l.changes,
      ...holdAddress(id, 'ip', scope.podPool, ip),
      ['objects', id, 'storageClass', sc],
      ...nsHold(p, id, scope.ns.id, { storageMiB: VM_DISK_MIB, [`storage/${sc}`]: VM_DISK_MIB }),
    ],
  })
  if (p.interrupted.has(id)) return false
  return deployVm(p, job, scope)
}
