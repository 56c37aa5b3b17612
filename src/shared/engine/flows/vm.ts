import type { ResolvedTopology } from '../../domain/resolve'
import type { LabNode } from '../../domain/topology'
import { status } from '../accounting'
import { LANES } from '../lanes'
import type { Planner } from '../planner'
import { STATUS } from '../state'
import { conditionsOf } from '../vm-conditions'
import type { NsScope } from '../scope'
import { realiseVm, vmClassOf, vmPrereqProblem, type VmJob } from './vm-lifecycle'

/** A VM Service VirtualMachine: DOMAIN.md 4d. */
export function runVm(p: Planner, vm: LabNode & { kind: 'vm' }): void {
  const spec = p.r.spec(vm)
  const nsId = vm.parentId ?? ''
  const scope = p.scope(nsId)
  const base = { sequence: 'vm' as const, object: vm.id }
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.lb,
    action: 'vm-submit',
    text: `kubectl apply sends VirtualMachine ${vm.name} (class ${spec.className}, image ${spec.image}) through the API VIP to kube-apiserver.`,
    set: [['objects', vm.id, 'kind', 'vm'], ...status(vm.id, 'Submitted')],
  })
  if (!scope || p.status(nsId) !== STATUS.running) {
    p.emit({
      ...base,
      actor: LANES.apiserver,
      target: LANES.vmop,
      action: 'vm-webhooks',
      text: `VirtualMachine ${vm.name} is rejected: its namespace is not running.`,
      set: status(vm.id, STATUS.failed, 'namespace is not running'),
      failure: { code: 'namespace-not-running', reason: 'namespace is not running' },
    })
    return
  }
  p.emit({
    ...base,
    actor: LANES.apiserver,
    target: LANES.vmop,
    action: 'vm-webhooks',
    text: `VM Operator's webhooks default and validate ${vm.name} and resolve the image name to its VirtualMachineImage; the controller queues it at priority Creating.`,
    set: status(vm.id, STATUS.pending),
  })
  // Class, storage class and image were checked at admission (engine/admission.ts).
  const cond = conditionsOf(p.r, vm)
  const problem = vmPrereqProblem(p, scope, spec.storageClass, cond.storage)
  if (problem) {
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: LANES.vcenter,
      action: 'vm-prereqs',
      text: `VM Operator checks ${vm.name}'s prerequisites: ${problem.reason}. The VM is not created.`,
      set: status(vm.id, STATUS.failed, problem.reason),
      failure: problem,
    })
    return
  }
  p.emit({
    ...base,
    actor: LANES.vmop,
    target: LANES.vcenter,
    action: 'vm-prereqs',
    text: `VM Operator checks the prerequisites of ${vm.name} (vm-operator ${cond.api}): ${cond.prereqs}.`,
  })
  if (p.interrupted.has(vm.id)) return
  realiseVm(p, vmJob(p.r, vm, scope), scope)
}

/** The job of a VM Service VM: its class as the domain resolves it, powered on or off as asked. */
export function vmJob(r: ResolvedTopology, vm: LabNode & { kind: 'vm' }, scope: NsScope): VmJob {
  const spec = r.spec(vm)
  return {
    id: vm.id,
    name: vm.name,
    nsId: scope.ns.id,
    className: vmClassOf(r, scope, spec.className).name,
    storageClass: spec.storageClass,
    sequence: 'vm',
    kind: 'vm',
    powerOn: spec.powerState === 'PoweredOn',
  }
}
