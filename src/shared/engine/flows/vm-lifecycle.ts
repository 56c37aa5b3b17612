import { formatMemory } from '../../domain/units'
import { storageClassFor, vmClassFor } from '../../domain/defaults'
import type { ResolvedTopology } from '../../domain/resolve'
import type { VmClass } from '../../domain/vm-classes'
import {
  giveIp,
  holdOn,
  largerThanHost,
  nsHold,
  release,
  status,
  takeIp,
  type Hold,
  type Ledger,
} from '../accounting'
import { hostdLane, LANES } from '../lanes'
import { place, type PlacementNeed } from '../placement'
import type { Change, Planner } from '../planner'
import type { NsScope } from '../scope'
import { millisToMhz, VM_OVERHEAD_MIB } from '../sizing'
import { exceededText, quotaExceeded, reservationExceeded, storageWants, VM_DISK_MIB } from '../quota'
import { STATUS } from '../state'
import type { Sequence } from '../types'
import { addressOf } from './pod'

export { VM_DISK_MIB }

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

/**
 * The storage class a request means, from the domain's resolver (domain/defaults.ts): its own,
 * or the namespace's only policy. Admission refused the ones it cannot resolve.
 */
export function effectiveStorageClass(scope: NsScope, sc: string): string {
  const chosen = storageClassFor({ name: scope.ns.name, spec: scope.spec }, sc, '')
  return chosen.ok ? chosen.value : sc
}

/** The VM class a request means, resolved to its size (admission refused the unknown ones). */
export function vmClassOf(r: ResolvedTopology, scope: NsScope, name: string): VmClass {
  const chosen = vmClassFor(r, { name: scope.ns.name, spec: scope.spec }, name, '')
  if (!chosen.ok)
    throw new Error(`VM class ${name} was admitted but does not resolve: ${chosen.refusal.reason}`)
  return chosen.value
}

/**
 * VM Operator's storage prerequisite (DOMAIN.md 4d step 4): the disk against the storage quotas.
 * Class, storage class and image were checked at admission (engine/admission.ts).
 */
export function vmPrereqProblem(
  p: Planner,
  scope: NsScope,
  storageClass: string,
): { code: string; reason: string } | null {
  const over = quotaExceeded(
    p.state,
    scope.ns.id,
    storageWants(effectiveStorageClass(scope, storageClass), VM_DISK_MIB),
  )
  return over
    ? { code: 'quota-exceeded', reason: `VirtualMachineStorageReady=False: ${exceededText(over)}` }
    : null
}

/** What DRS must find for a VM of this class: its reservation plus overhead. */
export const vmNeed = (cls: VmClass): PlacementNeed => ({
  reserveCpuMillis: cls.reservedCpuMillis,
  reserveMemoryMiB: cls.reservedMemoryMiB,
  overheadMemoryMiB: VM_OVERHEAD_MIB,
})

/** What a placed VM holds on a host of that core speed. */
export function vmHold(cls: VmClass, mhzPerCore: number): Hold {
  const cpu = millisToMhz(cls.reservedCpuMillis, mhzPerCore)
  const memory = cls.reservedMemoryMiB + VM_OVERHEAD_MIB
  return {
    cpuMhz: cpu,
    memoryMiB: memory,
    podCpuMillis: 0,
    podMemoryMiB: 0,
    // A best-effort VM reserves nothing; its active usage is assumed to be half its size.
    activeCpuMhz: cpu || Math.ceil((cls.vcpus * mhzPerCore) / 2),
    activeMemoryMiB: cls.reservedMemoryMiB > 0 ? memory : Math.ceil(cls.memoryMiB / 2),
  }
}

/** Gives back a VM's host hold and IP. */
export function releaseVmResources(p: Ledger, id: string): Change[] {
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
  const cls = vmClassOf(p.r, scope, job.className)
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

  const resCpuNs = millisToMhz(cls.reservedCpuMillis, scope.mhzPerCore)
  if (reservationExceeded(p.state, scope.ns.id, resCpuNs, cls.reservedMemoryMiB))
    return failWith(
      LANES.vmop,
      LANES.vcenter,
      'vm-place',
      `The namespace resource pool limit blocks ${job.name}'s reservation (${resCpuNs} MHz, ${formatMemory(cls.reservedMemoryMiB)}) (assumed from resource pool semantics).`,
      'namespace-limit-reached',
      `namespace ${scope.ns.name} CPU/memory limit reached: the reservation does not fit under the resource pool limit`,
    )
  const placement = place(p.state, scope.hostIds, vmNeed(cls))
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
  p.emit({
    ...base,
    actor: LANES.vmop,
    target: LANES.drs,
    action: 'vm-place',
    text: `VM Operator asks vCenter to place ${job.name} (class ${cls.name}: ${cls.vcpus} vCPU, ${formatMemory(cls.memoryMiB)}, reservation ${resCpu} MHz / ${formatMemory(cls.reservedMemoryMiB)}): ${placement.explanation}`,
    placement,
    set: [
      ...status(id, STATUS.scheduled),
      ...holdOn(p, id, hostId, vmHold(cls, mhz)),
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
  if (largerThanHost(p, host(), cls.vcpus, cls.memoryMiB))
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
