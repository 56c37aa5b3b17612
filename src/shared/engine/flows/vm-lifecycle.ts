import { storageClassFor, vmClassFor } from '../../domain/defaults'
import type { ResolvedTopology } from '../../domain/resolve'
import type { VmClass } from '../../domain/vm-classes'
import { nsHold, nsRelease, release, status, type StateReader } from '../accounting'
import { allocate, holdAddress, ledger, releaseAddress } from '../addresses'
import { LANES } from '../lanes'
import type { Change, Planner } from '../planner'
import { asDeltas, exceededText, quotaExceeded, storageWants, VM_DISK_MIB } from '../quota'
import type { NsScope } from '../scope'
import { STATUS } from '../state'
import { jobConditions } from '../vm-conditions'
import type { PlacementRule, Sequence } from '../types'
import { deployVm } from './vm-place'

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
  /** The rule that keeps it apart from its siblings (a cluster node's cluster module). */
  rule?: PlacementRule
  /** The zone it must land in (a cluster node on a three-zone Supervisor). */
  zone?: string
}

/**
 * The storage class a request means, from the domain's resolver (domain/defaults.ts): its own,
 * or the namespace's only policy. Admission refused the ones it cannot resolve.
 */
export function effectiveStorageClass(scope: NsScope, sc: string): string {
  const chosen = storageClassFor({ name: scope.ns.name, spec: scope.spec }, sc, '')
  return chosen.ok ? chosen.value : sc
}

/**
 * The VM class a request means, resolved to its size by the domain's resolver: one of the 16
 * defaults or a class created in vCenter (a `vm-class` node). Admission refused the unknown ones.
 */
export function vmClassOf(r: ResolvedTopology, scope: NsScope, name: string): VmClass {
  const chosen = vmClassFor(r, { name: scope.ns.name, spec: scope.spec }, name, '')
  if (!chosen.ok)
    throw new Error(`VM class ${name} was admitted but does not resolve: ${chosen.refusal.reason}`)
  return chosen.value
}

/** The storage quota a VM's disk would exceed in its namespace, or null (validate's quiet pass asks too). */
export const diskOver = (p: StateReader, scope: NsScope, storageClass: string) =>
  quotaExceeded(p.state, scope.ns.id, storageWants(effectiveStorageClass(scope, storageClass), VM_DISK_MIB))

/**
 * VM Operator's storage prerequisite (DOMAIN.md 4d step 4): the disk against the storage quotas.
 * Class, storage class and image were checked at admission (engine/admission.ts).
 */
export function vmPrereqProblem(
  p: StateReader,
  scope: NsScope,
  storageClass: string,
  condition = 'VirtualMachineStorageReady',
): { code: string; reason: string } | null {
  const over = diskOver(p, scope, storageClass)
  return over ? { code: 'quota-exceeded', reason: `${condition}=False: ${exceededText(over)}` } : null
}

/** Gives back a VM's host hold, its IP and the reservation it counted in its zone's resource pool. */
export function releaseVmResources(p: StateReader, id: string): Change[] {
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
  const cond = jobConditions(p.r, job)
  const problem = vmPrereqProblem(p, scope, job.storageClass, cond.storage)
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
  const nic = stack.vmNic
  if (!ip) {
    const why = `${cond.network ?? 'network interface'}=False: no free IP in ${stack.nsx ? 'the namespace network' : 'the workload network'}`
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
    text: `VM Operator creates the network interface of ${job.name} on ${nic}, IP ${ip.address}${cond.network ? `: ${cond.network}` : ''}.`,
    set: [
      ...l.changes,
      ...holdAddress(id, 'ip', scope.podPool, ip),
      ['objects', id, 'storageClass', sc],
      ...nsHold(p, id, scope.ns.id, asDeltas(storageWants(sc, VM_DISK_MIB))),
    ],
  })
  if (p.interrupted.has(id)) return false
  return deployVm(p, job, scope)
}
