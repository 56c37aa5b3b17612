import type { ResolvedTopology } from '../../domain/resolve'
import type { SpecOf } from '../../domain/specs'
import type { LabNode } from '../../domain/topology'
import { status } from '../accounting'
import { allocate, holdAddress, ledger } from '../addresses'
import { clusterModuleRule } from '../anti-affinity'
import { LANES } from '../lanes'
import { count } from '../placement'
import type { Planner } from '../planner'
import type { NsScope } from '../scope'
import { STATUS } from '../state'
import { clusterForm, liveNodes, machineChanges, machineText, renderText } from './cluster-form'
import { realiseVm, vmClassOf, vmPrereqProblem, type VmJob } from './vm-lifecycle'

type Tkc = LabNode & { kind: 'tkc' }

/**
 * The node VMs of a cluster, in the order Cluster API creates them: control plane, then each
 * node pool. Each group is a DRS cluster module (DOMAIN.md 4e step 3). On three zones the
 * control-plane nodes spread one per zone [D8-ZONEHA]; a node pool goes to the zone its
 * failureDomain names (a zone is named after its cluster), and a pool without one to one zone
 * in turn (how Cluster API spreads pools without a failureDomain is inferred from [D8-ZONEHA]).
 */
export function clusterNodes(r: ResolvedTopology, tkc: Tkc, scope: NsScope): VmJob[] {
  const spec = r.spec(tkc)
  const zones = scope.zones.length > 1 ? scope.zones : []
  const groups = [
    { pool: 'cp', group: 'control-plane', ...spec.controlPlane, failureDomain: undefined },
    ...spec.nodePools.map((np) => ({ pool: np.name, group: np.name, ...np })),
  ]
  return groups.flatMap((g, gi) =>
    Array.from({ length: g.replicas }, (_, i) => {
      const named = g.failureDomain ? zones.find((z) => z.name === g.failureDomain) : undefined
      const zone =
        zones.length === 0 ? undefined : (named ?? zones[(g.pool === 'cp' ? i : gi - 1) % zones.length]!).id
      return {
        id: `${tkc.id}/${g.pool}-${i + 1}`,
        name: `${tkc.name}-${g.pool === 'cp' ? 'control-plane' : g.pool}-${i + 1}`,
        nsId: scope.ns.id,
        // The class as the domain resolves it: a named one, or the namespace's only bound class.
        className: vmClassOf(r, scope, g.vmClass).name,
        storageClass: g.storageClass,
        sequence: 'tkc' as const,
        kind: 'tkc-node' as const,
        owner: tkc.id,
        powerOn: true,
        rule: clusterModuleRule(tkc.id, tkc.name, g.group),
        ...(zone ? { zone } : {}),
      }
    }),
  )
}

/** A Tanzu Kubernetes Cluster or Cluster API Cluster: DOMAIN.md 4e. */
export function runTkc(p: Planner, tkc: LabNode & { kind: 'tkc' }): void {
  const spec = p.r.spec(tkc)
  const nsId = tkc.parentId ?? ''
  const scope = p.scope(nsId)
  const id = tkc.id
  const base = { sequence: 'tkc' as const, object: id }
  const form = clusterForm(p.r, tkc)
  const what = form.what
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
  const nodes = clusterNodes(p.r, tkc, scope)
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
    text: renderText(p.r, tkc, form, scope),
    set: status(id, STATUS.configuring),
  })
  p.emit({
    ...base,
    actor: LANES.capi,
    target: LANES.vcenter,
    action: 'tkc-resource-policy',
    text: `CAPV creates a VirtualMachineSetResourcePolicy: a resource pool and folder for ${tkc.name} and one DRS cluster module per group (${modulesText(spec)}); DRS keeps each module's VMs on separate hosts where it can (a soft rule: VM-VM anti-affinity on cluster modules [TZ-AA]), while nodes of different modules may share a host.`,
  })
  const { stack } = scope
  const l = ledger(p)
  const vip = allocate(l, scope.ingressPool)
  if (!vip) {
    fail(
      LANES.capi,
      stack.lbTarget,
      'tkc-endpoint',
      `${stack.lbWho} cannot give ${tkc.name} a control-plane VIP: ${stack.vipRange} is exhausted.`,
      'ip-exhausted',
      `no free VIP in ${stack.vipRange} for the control-plane endpoint`,
    )
    return
  }
  p.emit({
    ...base,
    actor: LANES.capi,
    target: stack.lbTarget,
    action: 'tkc-endpoint',
    text: `CAPV creates a VirtualMachineService of type LoadBalancer on port 6443; ${stack.nsx ? `${stack.lbWho} has NSX give it` : `${stack.lbName} gives it`} VIP ${vip.address} from ${stack.vipRange}, which becomes the cluster's controlPlaneEndpoint.`,
    set: [...l.changes, ...holdAddress(id, 'vip', scope.ingressPool, vip)],
  })
  for (const n of nodes) {
    if (p.interrupted.has(id)) return
    p.emit({
      ...base,
      object: n.id,
      actor: LANES.capi,
      target: LANES.vmop,
      action: 'tkc-machine',
      text: machineText(n, scope),
      set: machineChanges(n),
    })
    if (realiseVm(p, n, scope)) nodeJoined(p, n)
  }
  settleTkc(p, id, nodes)
}

/** The modules of a cluster in a sentence: "control plane: 3 nodes, np-1: 2 nodes". */
function modulesText(s: SpecOf<'tkc'>) {
  return [
    `control plane: ${nodes(s.controlPlane.replicas)}`,
    ...s.nodePools.map((np) => `${np.name}: ${nodes(np.replicas)}`),
  ].join(', ')
}

const nodes = (n: number) => `${count(n)} node${n === 1 ? '' : 's'}`

/** DOMAIN.md 4e step 8: the Machine controller sees the node. */
export function nodeJoined(p: Planner, n: VmJob): void {
  p.emit({
    sequence: 'tkc',
    object: n.id,
    actor: LANES.capi,
    target: LANES.apiserver,
    action: 'tkc-node-joined',
    text: `${n.name} runs kubeadm ${n.name.endsWith('control-plane-1') ? 'init' : 'join'}; the Machine controller sees the Node with its providerID: node joined.`,
  })
}

/**
 * A cluster's status from its nodes: Ready when every node runs, otherwise Failed at the end of
 * its creation (with each node's reason), or Degraded when a node is lost or waits later on.
 */
export function settleTkc(p: Planner, id: string, nodes: readonly VmJob[] = []): void {
  const tkc = p.r.index.byId.get(id)
  const scope = p.scope(tkc?.parentId ?? '')
  // After its creation a cluster is its live Machines: a remediated node's replacement counts instead.
  const all = nodes.length > 0 || tkc?.kind !== 'tkc' || !scope ? nodes.map((n) => n.id) : liveNodes(p, id)
  const name = String(p.get('objects', id, 'name') ?? p.r.index.byId.get(id)?.name ?? id)
  const down = all.filter((n) => p.status(n) !== STATUS.running)
  const base = { sequence: 'tkc' as const, object: id, actor: LANES.capi }
  if (down.length === 0) {
    const creating = p.status(id) === STATUS.configuring
    if (creating)
      p.emit({
        ...base,
        target: LANES.apiserver,
        action: 'tkc-addons',
        text: `The TKG addons install CNI (Antrea), the cloud provider, the paravirtual CSI, auth and DNS in ${name}.`,
      })
    if (creating || p.status(id) !== STATUS.running)
      p.emit({
        ...base,
        target: LANES.user,
        action: 'tkc-ready',
        text: `${tkc?.kind === 'tkc' ? clusterForm(p.r, tkc as Tkc).what : name} is Ready with ${all.length} node(s).`,
        set: status(id, STATUS.running),
      })
    return
  }
  const why = `${down.length} of ${all.length} nodes are not running: ${down
    .map(
      (n) =>
        `${p.get('objects', n, 'name') ?? n}: ${String(p.get('objects', n, 'reason') ?? p.status(n)).replace(/\.$/, '')}`,
    )
    .join('; ')}`
  const creating = p.status(id) === STATUS.configuring
  p.emit({
    ...base,
    target: LANES.apiserver,
    action: 'tkc-ready',
    text: `${name} is ${creating ? 'not ready' : 'degraded'}: ${why}.`,
    set: status(id, creating ? STATUS.failed : 'Degraded', why),
    failure: { code: 'tkc-nodes-failed', reason: why },
  })
}
