import type { LabNode } from '../../domain/topology'
import { nsRelease, release, status } from '../accounting'
import { ledger, releaseAddress } from '../addresses'
import { LANES } from '../lanes'
import type { Change, Planner } from '../planner'
import type { NsScope } from '../scope'
import { STATUS } from '../state'
import { groupOf, liveNodes, machineChanges, machineText } from './cluster-form'
import { clusterNodes, nodeJoined, settleTkc } from './tkc'
import { realiseVm, type VmJob } from './vm-lifecycle'

type Tkc = LabNode & { kind: 'tkc' }

/**
 * The MachineHealthChecks a cluster's class creates, one for the control plane and one per
 * MachineDeployment (vSphere 8 docs GUID-E7CC4A72), with the tanzukubernetescluster class's
 * conditions: a Node Ready=Unknown for 5 minutes or Ready=False for 12 makes its Machine
 * unhealthy [D8-CC]. Remediation deletes the Machine and its owner creates a new one (Cluster API
 * book, "Configure a MachineHealthCheck"); KubeadmControlPlane remediates only with at least two
 * control-plane machines, keeping etcd quorum. That builtin-generic classes check the same is
 * assumed.
 */
export const MHC_UNKNOWN_MS = 5 * 60_000

/** Hold fields a VM waiting for HA keeps (host-down.ts): the remediated Machine gives them up. */
const WANTS = [
  'wantCpuMhz',
  'wantMemoryMiB',
  'wantActiveCpuMhz',
  'wantActiveMemoryMiB',
  'wantMhz',
  'wantCluster',
]

/** The cluster a node belongs to and its namespace, or null for a VM that is no cluster node. */
function clusterOf(p: Planner, nodeId: string): { tkc: Tkc; scope: NsScope } | null {
  const owner = p.get('objects', nodeId, 'owner')
  const tkc = typeof owner === 'string' ? p.r.index.byId.get(owner) : undefined
  const scope = tkc?.kind === 'tkc' ? p.scope(tkc.parentId ?? '') : null
  return tkc && scope ? { tkc: tkc as Tkc, scope } : null
}

/**
 * After a node's host failed (or DRS could not evacuate it): when vSphere HA brought it back,
 * its Node is Ready again within the 5-minute timeout and nothing is remediated; otherwise the
 * MachineHealthCheck replaces it once the timeout has passed (queued after what the fault does).
 */
export function nodeHostLost(p: Planner, nodeId: string): void {
  const c = clusterOf(p, nodeId)
  if (!c) return
  const name = String(p.get('objects', nodeId, 'name') ?? nodeId)
  if (p.status(nodeId) === STATUS.running) {
    p.emit({
      sequence: 'fault',
      object: nodeId,
      actor: LANES.capi,
      target: LANES.apiserver,
      action: 'mhc-check',
      text: `MachineHealthCheck of ${c.tkc.name}: Node ${name} was NotReady (Ready=Unknown) while its VM was down and is Ready again after vSphere HA's restart, within the 5-minute timeout [D8-CC]: its Machine is not remediated.`,
    })
    return
  }
  p.queue(() => remediate(p, nodeId))
}

/** MachineHealthCheck remediation: the unhealthy Machine is deleted and its owner creates another. */
function remediate(p: Planner, nodeId: string): void {
  const c = clusterOf(p, nodeId)
  if (!c || p.status(nodeId) === STATUS.running || p.status(nodeId) === STATUS.deleted) return
  const { tkc, scope } = c
  const name = String(p.get('objects', nodeId, 'name') ?? nodeId)
  const group = String(p.get('objects', nodeId, 'group') ?? groupOf(tkc.id, nodeId))
  const cp = group === 'cp'
  const base = { sequence: 'tkc' as const, object: nodeId, actor: LANES.capi, target: LANES.capi }
  const live = liveNodes(p, tkc.id).filter((n) => p.get('objects', n, 'group') === 'cp')
  if (cp && live.length < 2) {
    p.emit({
      ...base,
      action: 'mhc-remediate',
      duration: MHC_UNKNOWN_MS,
      text: `MachineHealthCheck marks Machine ${name} unhealthy (Node Ready=Unknown for 5 minutes), but KubeadmControlPlane does not remediate a control plane of one machine (it needs at least two, Cluster API book): ${tkc.name} waits for vSphere HA to restart it.`,
    })
    return
  }
  const l = ledger(p)
  const gone: Change[] = [
    ...release(p, nodeId),
    ...releaseAddress(l, p, nodeId, 'ip'),
    ...l.changes,
    ...nsRelease(p, nodeId),
    ...WANTS.map((k) => ['objects', nodeId, k, null] as const),
    ['objects', nodeId, 'unschedulable', null],
    ['objects', nodeId, 'apart', null],
    ...status(nodeId, STATUS.deleted, 'remediated by MachineHealthCheck'),
  ]
  p.unschedulable.delete(nodeId)
  p.emit({
    ...base,
    action: 'mhc-remediate',
    duration: MHC_UNKNOWN_MS,
    text: `MachineHealthCheck of ${tkc.name}: Node ${name} has been Ready=Unknown for 5 minutes [D8-CC], so Machine ${name} is unhealthy. ${cp ? 'KubeadmControlPlane (etcd keeps its quorum)' : 'Its MachineSet'} deletes it: CAPV deletes the VirtualMachine, vSphere HA stops waiting to restart it, and its address and disk quota go back.`,
    set: gone,
  })
  const job = replacementJob(p, tkc, scope, nodeId, group)
  if (!job) return
  p.emit({
    sequence: 'tkc',
    object: job.id,
    actor: LANES.capi,
    target: LANES.vmop,
    action: 'tkc-machine',
    text: machineText(job, scope, name),
    set: [
      ...machineChanges(job),
      ['objects', tkc.id, `next:${group}`, Number(/-(\d+)$/.exec(job.id)![1]) + 1],
    ],
  })
  if (realiseVm(p, job, scope)) nodeJoined(p, job)
  settleTkc(p, tkc.id)
}

/**
 * The replacement of a lost node: the group's next number, its class and rule; a pool keeps its
 * zone (its failure domain), the control plane goes to the failure domain with the fewest of its
 * live machines, the first by name on a tie (cluster-api controlplane/kubeadm/internal/
 * control_plane.go NextFailureDomainForScaleUp): a zone that is down gets it again.
 */
function replacementJob(p: Planner, tkc: Tkc, scope: NsScope, lost: string, group: string): VmJob | null {
  const template = clusterNodes(p.r, tkc, scope).find((n) => groupOf(tkc.id, n.id) === group)
  if (!template) return null
  const replicas = clusterNodes(p.r, tkc, scope).filter((n) => groupOf(tkc.id, n.id) === group).length
  const next = p.num('objects', tkc.id, `next:${group}`) || replicas + 1
  const zone =
    group === 'cp' && scope.zones.length > 1 ? fewestZone(p, tkc.id, scope) : p.get('objects', lost, 'zone')
  const label = group === 'cp' ? 'control-plane' : group
  const { zone: _z, ...rest } = template
  return {
    ...rest,
    id: `${tkc.id}/${group}-${next}`,
    name: `${tkc.name}-${label}-${next}`,
    ...(typeof zone === 'string' ? { zone } : {}),
  }
}

/** The zone holding the fewest live control-plane machines of a cluster (the first on a tie). */
function fewestZone(p: Planner, tkcId: string, scope: NsScope): string {
  const counts = new Map(scope.zones.map((z) => [z.id, 0]))
  for (const n of liveNodes(p, tkcId))
    if (p.get('objects', n, 'group') === 'cp' && p.status(n) === STATUS.running) {
      const z = String(p.get('objects', n, 'zone') ?? '')
      if (counts.has(z)) counts.set(z, counts.get(z)! + 1)
    }
  const byName = [...scope.zones].sort((a, b) => (a.name < b.name ? -1 : 1))
  let best = byName[0]!.id
  for (const z of byName) if (counts.get(z.id)! < counts.get(best)!) best = z.id
  return best
}

/** The job of a cluster node the run knows, a replacement included (retries place it again). */
export function nodeJobOf(p: Planner, tkc: Tkc, scope: NsScope, id: string): VmJob | null {
  const nodes = clusterNodes(p.r, tkc, scope)
  const known = nodes.find((n) => n.id === id)
  if (known) return known
  const group = String(p.get('objects', id, 'group') ?? '')
  const template = nodes.find((n) => groupOf(tkc.id, n.id) === group)
  if (!template) return null
  const zone = p.get('objects', id, 'zone')
  const { zone: _z, ...rest } = template
  return {
    ...rest,
    id,
    name: String(p.get('objects', id, 'name') ?? id),
    ...(typeof zone === 'string' ? { zone } : {}),
  }
}
