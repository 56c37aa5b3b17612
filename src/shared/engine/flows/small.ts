import type { LabNode } from '../../domain/topology'
import { nsHold, status, takeIp } from '../accounting'
import { LANES } from '../lanes'
import type { Planner } from '../planner'
import { STATUS } from '../state'
import { effectiveStorageClass } from './vm-lifecycle'
import { quotaKey, type QuotaCounter } from '../fields'

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
  const sc = effectiveStorageClass(scope, spec.storageClass)
  if (!scope.spec.storage.some((s) => s.policy === sc))
    return void fail(
      `PVC ${pvc.name} asks for storage class ${sc || '(none)'}, which is not a storage policy of ${scope.ns.name}.`,
      'storage-class-not-bound',
      `storage class ${sc || '(none)'} is not bound to namespace ${scope.ns.name}`,
    )
  const wants: [QuotaCounter, number, string][] = [
    ['persistentVolumeClaims', 1, 'persistentvolumeclaims'],
    ['storageMiB', spec.sizeMiB, 'requests.storage'],
    [`storage/${sc}`, spec.sizeMiB, `${sc}.storageclass.storage.k8s.io/requests.storage`],
  ]
  for (const [key, want, label] of wants) {
    const quota = p.get('namespaces', nsId, quotaKey(key))
    const used = p.num('namespaces', nsId, key)
    if (quota !== null && used + want > Number(quota))
      return void fail(
        `kube-apiserver admission rejects PVC ${pvc.name}: exceeded quota: ${label}, requested: ${want}, used: ${used}, limited: ${quota}.`,
        'quota-exceeded',
        `exceeded quota: ${label}, requested: ${want}, used: ${used}, limited: ${quota}`,
      )
  }
  p.emit({
    ...base,
    text: `kubectl apply sends PVC ${pvc.name} (${spec.sizeMiB} MiB, ${sc}); admission counts it against the namespace storage quota.`,
    set: [
      ...status(pvc.id, STATUS.pending),
      ...nsHold(p, pvc.id, nsId, {
        persistentVolumeClaims: 1,
        storageMiB: spec.sizeMiB,
        [`storage/${sc}`]: spec.sizeMiB,
      }),
    ],
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

/** A Service: LoadBalancer gets an NSX VIP; ClusterIP needs none; NodePort is ignored on a Supervisor. */
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
  const quota = p.get('namespaces', nsId, quotaKey('services'))
  const used = p.num('namespaces', nsId, 'services')
  if (quota !== null && used + 1 > Number(quota))
    return void fail(
      `kube-apiserver admission rejects Service ${svc.name}: exceeded quota: services, used: ${used}, limited: ${quota}.`,
      'quota-exceeded',
      `exceeded quota: services, requested: 1, used: ${used}, limited: ${quota}`,
    )
  p.emit({
    ...base,
    text: `kubectl apply sends Service ${svc.name} (type ${spec.type}${spec.type === 'NodePort' ? ', which a Supervisor ignores' : ''}).`,
    set: [...status(svc.id, STATUS.pending), ...nsHold(p, svc.id, nsId, { services: 1 })],
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
  const vip = takeIp(p, scope.ingressPool)
  if (!vip)
    return void fail(
      `NCP cannot give Service ${svc.name} a VIP: the ingress range is exhausted.`,
      'ip-exhausted',
      'no free VIP in the ingress CIDR',
      'service-vip',
    )
  p.emit({
    ...base,
    actor: LANES.nsx,
    target: LANES.lb,
    action: 'service-vip',
    text: `NCP creates a virtual server on the namespace's NSX load balancer with a VIP from the ingress range, forwarding ports ${spec.ports.map((x) => `${x.port}->${x.targetPort}`).join(', ')} to the matching pods.`,
    set: [vip, ['objects', svc.id, 'vipPool', scope.ingressPool], ...status(svc.id, STATUS.running)],
  })
}
