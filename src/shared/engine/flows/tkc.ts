import type { ResolvedTopology } from '../../domain/resolve'
import type { SpecOf } from '../../domain/specs'
import type { LabNode } from '../../domain/topology'
import { status, takeIp } from '../accounting'
import { LANES } from '../lanes'
import type { Planner } from '../planner'
import { STATUS } from '../state'
import type { NsScope } from '../scope'
import { realiseVm, vmClassOf, vmPrereqProblem, type VmJob } from './vm-lifecycle'

/** A cluster's node VMs as Cluster API creates them: control plane first, then each pool. */
export function clusterNodes(
  r: ResolvedTopology,
  tkc: LabNode & { kind: 'tkc' },
  spec: SpecOf<'tkc'>,
  scope: NsScope,
): VmJob[] {
  return [
    ...Array.from({ length: spec.controlPlane.replicas }, (_, i) => ({
      pool: 'cp',
      i,
      vmClass: spec.controlPlane.vmClass,
      storageClass: spec.controlPlane.storageClass,
    })),
    ...spec.nodePools.flatMap((np) =>
      Array.from({ length: np.replicas }, (_, i) => ({
        pool: np.name,
        i,
        vmClass: np.vmClass,
        storageClass: np.storageClass,
      })),
    ),
  ].map((n) => ({
    id: `${tkc.id}/${n.pool}-${n.i + 1}`,
    name: `${tkc.name}-${n.pool === 'cp' ? 'control-plane' : n.pool}-${n.i + 1}`,
    nsId: scope.ns.id,
    className: vmClassOf(r, scope, n.vmClass).name,
    storageClass: n.storageClass,
    sequence: 'tkc' as const,
    kind: 'tkc-node' as const,
    owner: tkc.id,
    powerOn: true,
  }))
}

/** A Tanzu Kubernetes Cluster or Cluster API Cluster: DOMAIN.md 4e. */
export function runTkc(p: Planner, tkc: LabNode & { kind: 'tkc' }): void {
  const spec = p.r.spec(tkc)
  const nsId = tkc.parentId ?? ''
  const scope = p.scope(nsId)
  const id = tkc.id
  const base = { sequence: 'tkc' as const, object: id }
  const what =
    spec.api === 'capi'
      ? `Cluster ${tkc.name} (class tanzukubernetescluster)`
      : `TanzuKubernetesCluster ${tkc.name}`
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.lb,
    action: 'tkc-submit',
    text: `kubectl apply sends ${what} through the API VIP to kube-apiserver.`,
    set: status(id, 'Submitted'),
  })
  const fail = (actor: string, target: string, action: string, text: string, code: string, reason: string) =>
    p.emit({
      ...base,
      actor,
      target,
      action,
      text,
      set: status(id, STATUS.failed, reason),
      failure: { code, reason },
    })
  if (!scope || p.status(nsId) !== STATUS.running) {
    fail(
      LANES.apiserver,
      LANES.capi,
      'tkc-render',
      `${what} is rejected: its namespace is not running.`,
      'namespace-not-running',
      'namespace is not running',
    )
    return
  }
  const nodes = clusterNodes(p.r, tkc, spec, scope)
  for (const n of nodes) {
    const problem = vmPrereqProblem(p, scope, n.storageClass)
    if (problem) {
      fail(
        LANES.capi,
        LANES.vmop,
        'tkc-render',
        `Cluster API renders ${tkc.name}, but node ${n.name} cannot be created: ${problem.reason}.`,
        problem.code,
        problem.reason,
      )
      return
    }
  }
  p.emit({
    ...base,
    actor: LANES.capi,
    target: LANES.apiserver,
    action: 'tkc-render',
    text: `The Cluster API topology controller renders the ClusterClass: VSphereCluster, KubeadmControlPlane (${spec.controlPlane.replicas} replica(s)), ${spec.nodePools.length} MachineDeployment(s) and MachineHealthChecks; it resolves the Kubernetes release ${spec.version}.`,
    set: status(id, STATUS.configuring),
  })
  p.emit({
    ...base,
    actor: LANES.capi,
    target: LANES.vcenter,
    action: 'tkc-resource-policy',
    text: `CAPV creates a VirtualMachineSetResourcePolicy: a resource pool and folder for ${tkc.name} and DRS cluster modules that keep control-plane and worker nodes apart.`,
  })
  const vip = takeIp(p, scope.ingressPool)
  if (!vip) {
    fail(
      LANES.capi,
      LANES.nsx,
      'tkc-endpoint',
      `NSX cannot give ${tkc.name} a control-plane VIP: the ingress range is exhausted.`,
      'ip-exhausted',
      'no free VIP in the ingress CIDR for the control-plane endpoint',
    )
    return
  }
  p.emit({
    ...base,
    actor: LANES.capi,
    target: LANES.nsx,
    action: 'tkc-endpoint',
    text: `CAPV creates a VirtualMachineService of type LoadBalancer on port 6443; NSX gives it a VIP from the ingress range, which becomes the cluster's controlPlaneEndpoint.`,
    set: [vip, ['objects', id, 'vipPool', scope.ingressPool]],
  })
  let ok = 0
  for (const n of nodes) {
    if (p.interrupted.has(id)) return
    p.emit({
      ...base,
      object: n.id,
      actor: LANES.capi,
      target: LANES.vmop,
      action: 'tkc-machine',
      text: `${n.id.endsWith('/cp-1') ? 'KubeadmControlPlane' : n.name.includes('control-plane') ? 'KubeadmControlPlane' : 'The MachineDeployment'} creates Machine ${n.name} with its bootstrap secret and VSphereMachine; CAPV creates a VirtualMachine (class ${n.className}) for VM Operator.`,
      set: [
        ['objects', n.id, 'kind', 'tkc-node'],
        ['objects', n.id, 'name', n.name],
        ['objects', n.id, 'owner', id],
        ...status(n.id, STATUS.pending),
      ],
    })
    if (!realiseVm(p, n, scope)) continue
    ok++
    p.emit({
      ...base,
      object: n.id,
      actor: LANES.capi,
      target: LANES.apiserver,
      action: 'tkc-node-joined',
      text: `${n.name} runs kubeadm ${n.name.includes('control-plane-1') ? 'init' : 'join'}; the Machine controller sees the Node with its providerID: node joined.`,
    })
  }
  if (ok < nodes.length) {
    const why = `${nodes.length - ok} of ${nodes.length} nodes could not be realised: ${nodes
      .filter((n) => p.status(n.id) !== STATUS.running)
      .map((n) => `${n.name}: ${p.get('objects', n.id, 'reason') ?? p.status(n.id)}`)
      .join('; ')}`
    fail(
      LANES.capi,
      LANES.apiserver,
      'tkc-ready',
      `${tkc.name} is not ready: ${why}.`,
      'tkc-nodes-failed',
      why,
    )
    return
  }
  p.emit({
    ...base,
    actor: LANES.capi,
    target: LANES.apiserver,
    action: 'tkc-addons',
    text: `The TKG addons install CNI (Antrea), the cloud provider, the paravirtual CSI, auth and DNS in ${tkc.name}.`,
  })
  p.emit({
    ...base,
    actor: LANES.capi,
    target: LANES.user,
    action: 'tkc-ready',
    text: `${what} is Ready with ${nodes.length} node(s).`,
    set: status(id, STATUS.running),
  })
}
