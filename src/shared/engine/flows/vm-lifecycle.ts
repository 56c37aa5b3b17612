import { formatMemory } from '../../domain/units'
import { defaultVmClass, type VmClass } from '../../domain/vm-classes'
import { giveIp, holdOn, nsHold, release, status, takeIp } from '../accounting'
import { hostdLane, LANES } from '../lanes'
import { place } from '../placement'
import type { Change, Planner } from '../planner'
import type { NsScope } from '../scope'
import { millisToMhz, VM_OVERHEAD_MIB } from '../sizing'
import { STATUS } from '../state'
import type { Sequence } from '../types'
import { addressOf } from './pod-resources'
import { quotaKey } from '../fields'

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
    const quota = p.get('namespaces', scope.ns.id, quotaKey(key))
    const used = p.num('namespaces', scope.ns.id, key)
    if (quota !== null && used + VM_DISK_MIB > Number(quota))
      return {
        code: 'quota-exceeded',
        reason: `VirtualMachineStorageReady=False: exceeded quota: ${label}, requested: ${VM_DISK_MIB}, used: ${used}, limited: ${quota}`,
      }
  }
  return null
}

/** Gives back a VM's host hold and IP. */
export function releaseVmResources(p: Planner, id: string): Change[] {
  const out: Change[] = [...release(p, id)]
  const pool = p.get('objects', id, 'ipPool')
  if (typeof pool === 'string')
    out.push(giveIp(p, pool), ['objects', id, 'ipPool', null], ['objects', id, 'ip', null])
  return out
}

/**
 * Network, placement, deployment and power-on of a VM (DOMAIN.md 4d steps 5 to 9). The caller
 * has emitted the first step and checked prerequisites. Returns true when the VM ends running.
 */
export function realiseVm(p: Planner, job: VmJob, scope: NsScope): boolean {
  const { id } = job
  const base = { sequence: job.sequence, object: id }
  const cls = defaultVmClass(job.className) as VmClass
  const failWith = (
    actor: string,
    target: string,
    action: string,
    text: string,
    code: string,
    reason: string,
    stay = STATUS.failed,
  ) => {
    p.emit({
      ...base,
      actor,
      target,
      action,
      text,
      set: [...releaseVmResources(p, id), ...status(id, stay, reason)],
      failure: { code, reason },
    })
    return false
  }
  const sc = effectiveStorageClass(scope, job.storageClass)
  const ip = takeIp(p, scope.podPool)
  if (!ip)
    return failWith(
      LANES.vmop,
      LANES.nsx,
      'vm-network',
      `NSX cannot give ${job.name} a NIC address: the namespace network is exhausted.`,
      'ip-exhausted',
      'VirtualMachineNetworkReady=False: no free IP in the namespace network',
    )
  const address = addressOf(p, scope.podPool, Number(ip[3]))
  p.emit({
    ...base,
    actor: LANES.vmop,
    target: LANES.nsx,
    action: 'vm-network',
    text: `VM Operator creates the network interface of ${job.name} on the namespace segment (NSX VirtualNetwork), IP ${address}: VirtualMachineNetworkReady.`,
    set: [
      ip,
      ['objects', id, 'ipPool', scope.podPool],
      ['objects', id, 'ip', address],
      ...nsHold(p, id, scope.ns.id, { storageMiB: VM_DISK_MIB, [`storage/${sc}`]: VM_DISK_MIB }),
    ],
  })
  if (p.interrupted.has(id)) return false

  const rpLimit = p.get('namespaces', scope.ns.id, quotaKey('cpuMhz'))
  const rpMem = p.get('namespaces', scope.ns.id, quotaKey('memoryMiB'))
  const resCpuNs = millisToMhz(cls.reservedCpuMillis, scope.mhzPerCore)
  if (
    (rpLimit !== null && p.num('namespaces', scope.ns.id, 'reservedCpuMhz') + resCpuNs > Number(rpLimit)) ||
    (rpMem !== null &&
      p.num('namespaces', scope.ns.id, 'reservedMemoryMiB') + cls.reservedMemoryMiB > Number(rpMem))
  )
    return failWith(
      LANES.vmop,
      LANES.vcenter,
      'vm-place',
      `The namespace resource pool limit blocks ${job.name}'s reservation (${resCpuNs} MHz, ${formatMemory(cls.reservedMemoryMiB)}) (assumed from resource pool semantics).`,
      'namespace-limit-reached',
      `namespace ${scope.ns.name} CPU/memory limit reached: the reservation does not fit under the resource pool limit`,
    )
  const placement = place(
    p.state,
    scope.hostIds,
    {
      reserveCpuMillis: cls.reservedCpuMillis,
      reserveMemoryMiB: cls.reservedMemoryMiB,
      overheadMemoryMiB: VM_OVERHEAD_MIB,
    },
    p.rand(),
  )
  const hostId = placement.chosen
  if (hostId === null) {
    const why = `VirtualMachineConditionPlacementReady=False (InsufficientResources): ${placement.explanation}`
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: LANES.drs,
      action: 'vm-place',
      text: `vCenter finds no host for ${job.name}; VM Operator keeps it Pending and retries. ${placement.explanation}`,
      placement,
      set: [...status(id, STATUS.pending, why)],
      failure: { code: 'no-feasible-host', reason: why },
    })
    return false
  }
  const mhz = p.num('hosts', hostId, 'mhzPerCore')
  const resCpu = millisToMhz(cls.reservedCpuMillis, mhz)
  const resMem = cls.reservedMemoryMiB + VM_OVERHEAD_MIB
  p.emit({
    ...base,
    actor: LANES.vmop,
    target: LANES.drs,
    action: 'vm-place',
    text: `VM Operator asks vCenter to place ${job.name} (class ${cls.name}: ${cls.vcpus} vCPU, ${formatMemory(cls.memoryMiB)}, reservation ${resCpu} MHz / ${formatMemory(cls.reservedMemoryMiB)}): ${placement.explanation}`,
    placement,
    set: [
      ...status(id, STATUS.scheduled),
      ...holdOn(p, id, hostId, {
        cpuMhz: resCpu,
        memoryMiB: resMem,
        podCpuMillis: 0,
        podMemoryMiB: 0,
        // A best-effort VM reserves nothing; its active usage is assumed to be half its size.
        activeCpuMhz: resCpu || Math.ceil((cls.vcpus * mhz) / 2),
        activeMemoryMiB: cls.reservedMemoryMiB > 0 ? resMem : Math.ceil(cls.memoryMiB / 2),
      }),
      ...nsHold(p, id, scope.ns.id, { reservedCpuMhz: resCpuNs, reservedMemoryMiB: cls.reservedMemoryMiB }),
    ],
  })
  if (p.interrupted.has(id)) return false
  const host = () => String(p.get('objects', id, 'host'))
  const hostName = () => String(p.get('hosts', host(), 'name'))
  p.emit({
    ...base,
    actor: LANES.vcenter,
    target: hostdLane(host()),
    action: 'vm-deploy',
    text: `vCenter deploys the image from the content library into the namespace resource pool and folder of ${scope.ns.name} with storage policy ${sc}: VirtualMachineCreated.`,
    set: status(id, STATUS.creatingVm),
  })
  if (p.interrupted.has(id)) return false
  const cores = p.num('hosts', host(), 'capacityCpuMhz') / p.num('hosts', host(), 'mhzPerCore')
  if (cls.vcpus > cores || cls.memoryMiB > p.num('hosts', host(), 'capacityMemoryMiB'))
    return failWith(
      LANES.vcenter,
      hostdLane(host()),
      'vm-power-on',
      `${job.name} cannot power on: class ${cls.name} is larger than ${hostName()}.`,
      'limit-exceeds-host',
      `class ${cls.name} (${cls.vcpus} vCPU, ${formatMemory(cls.memoryMiB)}) is larger than ${hostName()}`,
    )
  if (!job.powerOn) {
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: LANES.apiserver,
      action: 'vm-power-on',
      text: `${job.name} stays powered off, as its spec asks.`,
      set: status(id, 'PoweredOff'),
    })
    return true
  }
  p.emit({
    ...base,
    actor: hostdLane(host()),
    target: hostdLane(host()),
    action: 'vm-power-on',
    text: `hostd powers on ${job.name} on ${hostName()}; DRS admission enforces the class reservation.`,
    set: status(id, STATUS.starting),
  })
  if (p.interrupted.has(id)) return false
  p.emit({
    ...base,
    actor: hostdLane(host()),
    target: LANES.vmop,
    action: 'vm-guest',
    text: `Guest customization (cloud-init) runs and VMware Tools report the IP: ${job.name} is ${job.kind === 'tkc-node' ? 'up' : 'Running'}.`,
    set: status(id, STATUS.running),
  })
  return true
}
