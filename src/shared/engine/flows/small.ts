import type { LabNode } from '../../domain/topology'
import { nsHold, status } from '../accounting'
import { allocate, holdAddress, ledger } from '../addresses'
import { LANES } from '../lanes'
import type { Planner } from '../planner'
import { asDeltas, exceededText, pvcWants, quotaExceeded, SERVICE_WANTS } from '../quota'
import { STATUS } from '../state'
import { effectiveStorageClass } from './vm-lifecycle'

/** A PersistentVolumeClaim: admission against the storage quotas, then CNS creates the volume. */
export function runPvc(p: Planner, pvc: LabNode & { kind: 'pvc' }): void {
  const spec = p.r.spec(pvc)
  const nsId = pvc.parentId ?? ''
  const scope = p.scope(nsId)
  const base = {
    sequence: 'pvc' as const,
    object: pvc.id,
    actor: LANES.user,
    target: LANES.apiserver,
    action: 'pvc-submit',
  }
  const fail = (text: string, code: string, reason: string) =>
    p.emit({ ...base, text, set: status(pvc.id, STATUS.failed, reason), failure: { code, reason } })
  if (!scope || p.status(nsId) !== STATUS.running)
    return void fail(
      `PVC ${pvc.name} is rejected: its namespace is not running.`,
      'namespace-not-running',
      'namespace is not running',
    )
  // The storage class was checked at admission (engine/admission.ts).
  const sc = effectiveStorageClass(scope, spec.storageClass)
  const wants = pvcWants(sc, spec.sizeMiB)
  const over = quotaExceeded(p.state, nsId, wants)
  if (over)
    return void fail(
      `kube-apiserver admission rejects PVC ${pvc.name}: ${exceededText(over)}.`,
      'quota-exceeded',
      exceededText(over),
    )
  p.emit({
    ...base,
    text: `kubectl apply sends PVC ${pvc.name} (${spec.sizeMiB} MiB, ${sc}); admission counts it against the namespace storage quota.`,
    set: [...status(pvc.id, STATUS.pending), ...nsHold(p, pvc.id, nsId, asDeltas(wants))],
  })
  p.emit({
    ...base,
    actor: LANES.cns,
    target: LANES.vcenter,
    action: 'pvc-create-volume',
    text: `The CSI driver asks CNS for a volume; vCenter creates a first-class disk on a datastore that satisfies policy ${sc}: the claim is Bound.`,
    set: status(pvc.id, STATUS.bound),
  })
}

/**
 * A Service: LoadBalancer gets a VIP from the Supervisor's load balancer (NCP on NSX, the VPC's on
 * NSX VPC, HAProxy or
 * Avi on VDS); ClusterIP needs none; NodePort is ignored on a Supervisor.
 */
export function runService(p: Planner, svc: LabNode & { kind: 'service' }): void {
  const spec = p.r.spec(svc)
  const nsId = svc.parentId ?? ''
  const scope = p.scope(nsId)
  const base = {
    sequence: 'service' as const,
    object: svc.id,
    actor: LANES.user,
    target: LANES.apiserver,
    action: 'service-submit',
  }
  const fail = (text: string, code: string, reason: string, action = 'service-submit') =>
    p.emit({ ...base, action, text, set: status(svc.id, STATUS.failed, reason), failure: { code, reason } })
  if (!scope || p.status(nsId) !== STATUS.running)
    return void fail(
      `Service ${svc.name} is rejected: its namespace is not running.`,
      'namespace-not-running',
      'namespace is not running',
    )
  const over = quotaExceeded(p.state, nsId, SERVICE_WANTS)
  if (over)
    return void fail(
      `kube-apiserver admission rejects Service ${svc.name}: ${exceededText(over)}.`,
      'quota-exceeded',
      exceededText(over),
    )
  p.emit({
    ...base,
    text: `kubectl apply sends Service ${svc.name} (type ${spec.type}${spec.type === 'NodePort' ? ', which a Supervisor ignores' : ''}).`,
    set: [...status(svc.id, STATUS.pending), ...nsHold(p, svc.id, nsId, asDeltas(SERVICE_WANTS))],
  })
  if (spec.type !== 'LoadBalancer') {
    p.emit({
      ...base,
      actor: LANES.apiserver,
      target: LANES.apiserver,
      action: 'service-vip',
      text: `Service ${svc.name} gets a cluster IP; no load balancer is needed.`,
      set: status(svc.id, STATUS.running),
    })
    return
  }
  const { stack } = scope
  const l = ledger(p)
  const vip = allocate(l, scope.ingressPool)
  const ports = spec.ports.map((x) => `${x.port}->${x.targetPort}`).join(', ')
  if (!vip)
    return void fail(
      `${stack.lbWho} cannot give Service ${svc.name} a VIP: ${stack.vipRange} is exhausted.`,
      'ip-exhausted',
      `no free VIP in ${stack.vipRange}`,
      'service-vip',
    )
  p.emit({
    ...base,
    actor: stack.lbActor,
    target: stack.lbTarget,
    action: 'service-vip',
    text: stack.vpc
      ? `${stack.lbWho} has NSX create a virtual server on ${stack.lbName} with VIP ${vip.address} from ${stack.vipRange}, forwarding ports ${ports} to the matching endpoints (which component programs it in VPC mode is not read: nsx-operator is assumed).`
      : stack.nsx
        ? `NCP creates a virtual server on ${stack.lbName} with VIP ${vip.address} from ${stack.vipRange}, forwarding ports ${ports} to the matching pods.`
        : `The Supervisor's load balancer controller has ${stack.lbName} create a virtual service with VIP ${vip.address} from ${stack.vipRange}, forwarding ports ${ports} to the matching endpoints (controller name assumed).`,
    set: [
      ...l.changes,
      ...holdAddress(svc.id, 'vip', scope.ingressPool, vip),
      ...status(svc.id, STATUS.running),
    ],
  })
}
