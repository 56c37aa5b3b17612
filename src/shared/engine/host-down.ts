import type { LabNode } from '../domain/topology'
import { holdOn, nsRelease, release, status } from './accounting'
import { ruleById, takenHosts } from './anti-affinity'
import { replicaJob, settleDeployment } from './flows/deployment'
import { runPod, waiting } from './flows/pod'
import { releasePodResources } from './flows/pod-start'
import { replaceServicePod } from './flows/service-lifecycle'
import { nodeHostLost } from './flows/machine-health'
import { settleTkc } from './flows/tkc'
import { hostdLane, LANES } from './lanes'
import { place, type ApartNeed } from './placement'
import { heldNeed, migrate } from './migrate'
import type { Change, Planner } from './planner'
import { resumeVm } from './retry'
import { STATUS } from './state'

/**
 * A host fails or enters maintenance mode (DOMAIN.md 5). The host itself reads Failed or
 * Maintenance; what ran on it is lost (vSphere Pods), restarted by HA (failure) or vMotioned
 * by DRS (maintenance) within its own cluster, or placed again by VM Operator when it was
 * still being deployed. An object that cannot go anywhere fails and its flow stops: nothing
 * reports Running without a host.
 */
export function hostDown(p: Planner, host: LabNode, mode: 'failed' | 'maintenance'): void {
  const failed = mode === 'failed'
  const spherelet = `${host.id}/spherelet`
  p.emit({
    sequence: 'fault',
    action: 'fault',
    object: host.id,
    actor: failed ? LANES.ha : LANES.user,
    target: hostdLane(host.id),
    text: failed
      ? `Fault: ESXi host ${host.name} fails. vSphere HA detects it; its Kubernetes node goes NotReady.`
      : `Fault: the admin puts ${host.name} into maintenance mode; its Kubernetes node is cordoned and DRS evacuates it.`,
    set: [
      ['hosts', host.id, 'state', mode],
      ...status(
        host.id,
        failed ? STATUS.failed : 'Maintenance',
        failed ? 'host failed; its node is NotReady' : 'maintenance mode',
      ),
      ...(p.state.objects[spherelet]
        ? status(spherelet, STATUS.notReady, failed ? 'host failed' : 'host in maintenance mode')
        : []),
    ],
    failure: { code: `host-${mode}`, reason: `${host.name} ${failed ? 'failed' : 'in maintenance mode'}` },
  })
  const victims: string[] = []
  for (const id in p.state.objects) {
    const o = p.state.objects[id]!
    if (
      o['host'] === host.id &&
      o['kind'] !== 'spherelet' &&
      o['kind'] !== 'crx' &&
      o['status'] !== STATUS.deleted
    )
      victims.push(id)
  }
  for (const id of victims.sort()) {
    const kind = p.get('objects', id, 'kind')
    const st = p.status(id)
    if (kind === 'pod') podLost(p, id, host, failed)
    else if (st === STATUS.scheduled || st === STATUS.creatingVm) redeploy(p, id, host, failed)
    else vmMoved(p, id, host, failed)
  }
}

function podLost(p: Planner, id: string, host: LabNode, failed: boolean): void {
  p.interrupted.add(id)
  const name = String(p.get('objects', id, 'name') ?? id)
  const owner = p.get('objects', id, 'owner')
  const cause = failed ? `host ${host.name} failed` : `host ${host.name} entered maintenance mode`
  const assumed = 'assumed: no source describes vSphere Pods on host failure or maintenance (DOMAIN.md 5)'
  if (typeof owner === 'string') {
    const next = p.num('objects', owner, 'nextReplica')
    p.emit({
      sequence: 'fault',
      object: id,
      actor: LANES.apiserver,
      target: LANES.apiserver,
      action: 'evict',
      text: `Pod ${name} is lost with ${cause}; its ReplicaSet creates a replacement elsewhere (${assumed}).`,
      set: [
        ...releasePodResources(p, id),
        ...nsRelease(p, id),
        ...status(id, STATUS.deleted, `lost: ${cause}; replaced by ${owner}/${next}`),
        ['objects', owner, 'nextReplica', next + 1],
      ],
    })
    const dep = p.r.index.byId.get(owner)
    if (dep?.kind === 'supervisor-service') return void p.queue(() => replaceServicePod(p, id, next))
    if (dep?.kind !== 'deployment') return
    const typed = dep as LabNode & { kind: 'deployment' }
    p.queue(() => {
      runPod(p, replicaJob(typed, p.r.spec(typed), next))
      settleDeployment(p, owner)
    })
    return
  }
  p.emit({
    sequence: 'fault',
    object: id,
    actor: LANES.apiserver,
    target: LANES.apiserver,
    action: 'evict',
    text: `Pod ${name} is lost with ${cause}: a bare Pod has no controller to recreate it (${assumed}).`,
    set: [
      ...releasePodResources(p, id),
      ...status(id, STATUS.failed, `${cause}; a bare vSphere Pod is not recreated (assumed)`),
    ],
    failure: { code: 'pod-lost', reason: cause },
  })
}

/** A VM still being deployed: the task fails with the host, and VM Operator places it again. */
function redeploy(p: Planner, id: string, host: LabNode, failed: boolean): void {
  p.interrupted.add(id)
  const name = String(p.get('objects', id, 'name') ?? id)
  const why = `its deployment on ${host.name} stopped when the host ${failed ? 'failed' : 'entered maintenance mode'}; VM Operator places it again`
  p.emit({
    sequence: 'fault',
    object: id,
    actor: LANES.vcenter,
    target: LANES.vmop,
    action: 'vm-place',
    text: `The deploy task of ${name} on ${host.name} fails with the host (it was never powered on, so HA does not restart it); VM Operator requeues it for a new placement (assumed).`,
    set: [
      ...release(p, id),
      ...nsRelease(p, id, (k) => k.startsWith('rp:')),
      ...status(id, STATUS.pending, why),
    ],
    failure: { code: 'vm-deploy-interrupted', reason: why },
  })
  p.queue(() => {
    p.interrupted.delete(id)
    resumeVm(p, id)
  })
}

/** Hold fields a VM waiting for HA keeps, to be held again where it restarts. */
const WANT: readonly (readonly [string, string])[] = [
  ['holdCpuMhz', 'wantCpuMhz'],
  ['holdMemoryMiB', 'wantMemoryMiB'],
  ['holdActiveCpuMhz', 'wantActiveCpuMhz'],
  ['holdActiveMemoryMiB', 'wantActiveMemoryMiB'],
]

/**
 * HA restarts (failure) or DRS vMotions (maintenance) a VM within its cluster, keeping its rule.
 * HA registers a powered-off VM on a healthy host without powering it on. When no host can take
 * it, HA waits for unreserved capacity and retries the placement (vSphere 6.0 availability docs,
 * "VM restart priority"): the VM waits, Pending, and is restarted when capacity frees.
 */
function vmMoved(p: Planner, id: string, host: LabNode, failed: boolean): void {
  const name = String(p.get('objects', id, 'name') ?? id)
  const off = p.status(id) === 'PoweredOff'
  const { placement, rule, bent } = relocation(p, id, host.parentId ?? '', heldNeed(p, id), failed)
  const to = placement.chosen
  const actor = failed ? LANES.ha : LANES.drs
  const action = failed ? 'ha-restart' : 'vmotion'
  if (to === null) {
    p.interrupted.add(id)
    const owner = p.get('objects', id, 'owner')
    if (!failed) {
      const why = `DRS cannot evacuate ${name}: no other host can take it, so the lab powers it off (assumed)`
      p.emit({
        sequence: 'fault',
        object: id,
        actor,
        target: LANES.vcenter,
        action,
        text: `${why}. ${placement.explanation}`,
        placement,
        set: [
          ...release(p, id),
          ...nsRelease(p, id, (k) => k.startsWith('rp:')),
          ...status(id, STATUS.failed, why),
        ],
        failure: { code: 'no-feasible-host', reason: why },
      })
    } else {
      const ruleBlocks = rule?.hard === true && placement.rows.some((r) => r.rules?.[0]?.pass === false)
      const why = ruleBlocks
        ? `vSphere HA does not restart ${name}: every host left that could take it already runs one of the ${rule.name}, and that rule is hard (${rule.source}; that HA declines such a restart, as for VM anti-affinity rules it must respect, is inferred); it waits for a host that allows it`
        : !p.r.hostsOf(host.parentId ?? '').some((h) => p.get('hosts', h.id, 'state') === 'connected')
          ? `vSphere HA cannot restart ${name}: every host of its cluster is down; it waits for one to come back`
          : `vSphere HA cannot restart ${name} yet: no other host has the unreserved capacity; it waits for some and retries`
      const keep: Change[] = []
      for (const [hold, want] of WANT)
        if (p.num('objects', id, hold) > 0) keep.push(['objects', id, want, p.num('objects', id, hold)])
      keep.push(
        ['objects', id, 'wantMhz', p.num('hosts', host.id, 'mhzPerCore')],
        ['objects', id, 'wantCluster', host.parentId ?? ''],
      )
      p.emit({
        sequence: 'fault',
        object: id,
        actor,
        target: LANES.vcenter,
        action,
        text: `${why}. ${placement.explanation}${p.get('objects', id, 'kind') === 'control-plane-vm' ? ' The Supervisor runs on with the other control-plane VMs.' : ''}`,
        placement,
        set: [...keep, ...release(p, id), ...status(id, STATUS.pending, why), ...waiting(p, id, 'ha')],
        failure: { code: 'no-feasible-host', reason: why },
      })
    }
    if (typeof owner === 'string' && p.get('objects', owner, 'status') !== STATUS.configuring) {
      settleTkc(p, owner)
      nodeHostLost(p, id)
    }
    return
  }
  const breaks = placement.rows.find((r) => r.chosen)?.rules?.[0]?.pass === false
  if (breaks && rule) p.broken.add(rule.id)
  const note = breaks
    ? bent
      ? ` It shares a host with another of the ${rule!.name} while ${host.name} is in maintenance: vSphere bends the firm policy then [KC]; DRS separates them when a host allows it.`
      : ` This breaks the soft rule of ${rule!.name} (${rule!.source}): no other host was left; DRS separates them when a host allows it.`
    : ''
  const toName = String(p.get('hosts', to, 'name'))
  migrate(
    p,
    id,
    to,
    {
      sequence: 'fault',
      actor,
      target: hostdLane(to),
      action,
      text: off
        ? `${failed ? 'vSphere HA registers' : 'DRS migrates'} ${name}, powered off, on ${toName}${failed ? ' (HA registers powered-off VMs on a healthy host after a failure but does not power them on)' : ''}. ${placement.explanation}`
        : failed
          ? `vSphere HA restarts ${name} on ${toName}.${note} ${placement.explanation}`
          : `DRS vMotions ${name} to ${toName} while ${host.name} enters maintenance.${note} ${placement.explanation}`,
      placement,
    },
    off
      ? `${name} is registered on ${toName}, still powered off.`
      : `${name} is ${failed ? 'powered on again' : 'running'} on ${toName}.`,
  )
  // A cluster node HA restarted: its Node was NotReady meanwhile (its MachineHealthCheck says so).
  if (failed && !off && p.get('objects', id, 'kind') === 'tkc-node') nodeHostLost(p, id)
}

/** Where HA or DRS can put a VM within `cluster`, keeping its rule (bent during maintenance [KC]). */
function relocation(
  p: Planner,
  id: string,
  cluster: string,
  need: ReturnType<typeof heldNeed>,
  failed: boolean,
) {
  const ruleId = p.get('objects', id, 'apart')
  const rule = typeof ruleId === 'string' ? ruleById(p, ruleId) : null
  const bent = rule !== null && rule.hard && !failed
  const rules: ApartNeed[] = rule
    ? [{ rule: bent ? { ...rule, hard: false } : rule, taken: takenHosts(p, rule.id, id) }]
    : []
  const hosts = p.r.hostsOf(cluster).map((h) => h.id)
  const placement = place(p.state, hosts, { ...need, ...(rules.length ? { rules } : {}) })
  placement.by = failed ? 'ha' : 'drs'
  return { placement, rule, bent }
}

/** A VM waiting for HA: restarted in its cluster when a host can take it (`why` says what prompted it). */
export function haRestart(p: Planner, id: string, why: string): boolean {
  const mhz = p.num('objects', id, 'wantMhz') || 1
  const cluster = String(p.get('objects', id, 'wantCluster') ?? '')
  const need = {
    reserveCpuMillis: Math.ceil((p.num('objects', id, 'wantCpuMhz') * 1000) / mhz),
    reserveMemoryMiB: p.num('objects', id, 'wantMemoryMiB'),
    overheadMemoryMiB: 0,
  }
  const { placement, rule } = relocation(p, id, cluster, need, true)
  const to = placement.chosen
  if (to === null) return false
  const name = String(p.get('objects', id, 'name') ?? id)
  const toName = String(p.get('hosts', to, 'name'))
  const breaks = placement.rows.find((r) => r.chosen)?.rules?.[0]?.pass === false
  if (breaks && rule) p.broken.add(rule.id)
  const cpu = p.num('objects', id, 'wantCpuMhz')
  p.unschedulable.delete(id)
  p.emit({
    sequence: 'fault',
    object: id,
    actor: LANES.ha,
    target: hostdLane(to),
    action: 'ha-restart',
    text: `vSphere HA restarts ${name} on ${toName}, ${why}.${breaks && rule ? ` This breaks the soft rule of ${rule.name} (${rule.source}).` : ''} ${placement.explanation}`,
    placement,
    set: [
      ...WANT.map(([, want]) => ['objects', id, want, null] as const),
      ['objects', id, 'wantMhz', null],
      ['objects', id, 'wantCluster', null],
      ['objects', id, 'unschedulable', null],
      ...holdOn(p, id, to, {
        cpuMhz: Math.ceil((cpu * p.num('hosts', to, 'mhzPerCore')) / mhz),
        memoryMiB: p.num('objects', id, 'wantMemoryMiB'),
        podCpuMillis: 0,
        podMemoryMiB: 0,
        activeCpuMhz: p.num('objects', id, 'wantActiveCpuMhz'),
        activeMemoryMiB: p.num('objects', id, 'wantActiveMemoryMiB'),
      }),
      ...status(id, STATUS.running),
    ],
  })
  const owner = p.get('objects', id, 'owner')
  if (typeof owner === 'string' && p.get('objects', owner, 'status') !== STATUS.configuring)
    settleTkc(p, owner)
  return true
}
