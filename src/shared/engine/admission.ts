import { isWorkloadKind, type WorkloadKind } from '../domain/kinds'
import type { Refuser } from '../domain/rules/refusal'
import { supervisorRefusals } from '../domain/rules/supervisor'
import { workloadRefusals } from '../domain/rules/workloads'
import type { LabNode } from '../domain/topology'
import { status } from './accounting'
import { LANES } from './lanes'
import type { Planner } from './planner'
import { STATUS } from './state'
import type { Sequence } from './types'

/**
 * Admission: what the platform refuses before it does any work, from the same domain rules
 * `validate` lists (domain/rules). The planner calls `admitWorkload` before a workload's flow
 * and the Supervisor flow calls `supervisorProblem` in its compatibility checks, so the run
 * refuses exactly what validate reports. Rules that depend on the run's state (quotas, capacity,
 * addresses) are checked in the flows, through engine/quota.ts and placement.ts.
 */

const LANE: Readonly<Record<Refuser, string>> = {
  apiserver: LANES.apiserver,
  'vm-operator': LANES.vmop,
  'cluster-api': LANES.capi,
  csi: LANES.cns,
  wcpsvc: LANES.wcpsvc,
}

/** Who says no, in a sentence. */
const SAYS: Readonly<Record<Refuser, string>> = {
  apiserver: 'kube-apiserver refuses it',
  'vm-operator': 'VM Operator does not create it',
  'cluster-api': 'Cluster API cannot render it',
  csi: 'the CSI driver cannot provision it',
  wcpsvc: 'wcpsvc refuses it',
}

const STEP: Readonly<
  Record<WorkloadKind, { noun: string; sequence: Sequence; submit: string; check: string }>
> = {
  pod: { noun: 'Pod', sequence: 'pod', submit: 'pod-admit', check: 'pod-admit' },
  deployment: { noun: 'Deployment', sequence: 'deployment', submit: 'pod-admit', check: 'pod-admit' },
  vm: { noun: 'VirtualMachine', sequence: 'vm', submit: 'vm-submit', check: 'vm-prereqs' },
  tkc: { noun: 'cluster', sequence: 'tkc', submit: 'tkc-submit', check: 'tkc-render' },
  pvc: { noun: 'PVC', sequence: 'pvc', submit: 'pvc-submit', check: 'pvc-submit' },
  service: { noun: 'Service', sequence: 'service', submit: 'service-submit', check: 'service-submit' },
}

/**
 * Refuses `node` with the first rule it breaks, as one failed step; true when it is admitted.
 * A workload whose namespace is not running is left to its flow, which says so.
 */
export function admitWorkload(p: Planner, node: LabNode): boolean {
  if (!isWorkloadKind(node.kind) || p.status(node.parentId ?? '') !== STATUS.running) return true
  const first = workloadRefusals(p.r, node)[0]
  if (!first) return true
  const step = STEP[node.kind]
  p.emit({
    sequence: step.sequence,
    object: node.id,
    actor: LANES.user,
    target: LANE[first.by],
    action: first.by === 'apiserver' ? step.submit : step.check,
    text: `kubectl apply sends ${step.noun} ${node.name}; ${SAYS[first.by]}: ${first.reason}.`,
    set: status(node.id, STATUS.failed, first.reason),
    failure: { code: first.code, reason: first.reason },
  })
  return false
}

/** The first thing that stops wcpsvc enabling this Supervisor, or null (its compatibility checks). */
export function supervisorProblem(p: Planner, sv: LabNode & { kind: 'supervisor' }): string | null {
  return supervisorRefusals(p.r, sv)[0]?.reason ?? null
}
