import type { ResolvedTopology } from '../domain/resolve'
import type { LabNode } from '../domain/topology'
import { holdOn, nsRelease, release, status } from './accounting'
import { registryOf } from './flows/pod-resources'
import { replicaJob, settleDeployment } from './flows/deployment'
import { runPod } from './flows/pod'
import { releasePodResources } from './flows/pod-resources'
import { hostdLane, LANES } from './lanes'
import { place } from './placement'
import type { Change, Planner } from './planner'
import { poolIds } from './scope'
import { STATUS } from './state'
import type { Fault } from './types'
import { quotaKey, type QuotaCounter } from './fields'

/** A fault that cannot apply to the topology (unknown target, bad value); `plan` throws it. */
export class FaultError extends Error {}

const QUOTA_KEYS: Readonly<Record<string, QuotaCounter>> = {
  pods: 'pods',
  cpu: 'cpuMhz',
  memory: 'memoryMiB',
  storage: 'storageMiB',
}

function findNode(r: ResolvedTopology, target: string, kinds: readonly string[]): LabNode | undefined {
  const byId = r.index.byId.get(target)
  if (byId && kinds.includes(byId.kind)) return byId
  for (const kind of kinds) {
    const n = r.byName(kind as LabNode['kind'], target)
    if (n) return n
  }
  return undefined
}

/** Registries the lab's containers pull from. */
export function registriesOf(r: ResolvedTopology): string[] {
  const out = new Set<string>()
  for (const kind of ['pod', 'deployment'] as const)
    for (const n of r.ofKind(kind))
      for (const c of r.spec(n as LabNode & { kind: typeof kind }).containers) out.add(registryOf(c.image))
  return [...out].sort()
}

/** Why a fault cannot apply to this topology (unknown target, bad value), or null. */
export function faultProblem(r: ResolvedTopology, fault: Fault): string | null {
  switch (fault.kind) {
    case 'host-failure':
    case 'host-maintenance':
      return findNode(r, fault.target, ['host']) ? null : `no ESXi host with id or name "${fault.target}"`
    case 'registry-outage': {
      const regs = registriesOf(r)
      if (!regs.includes(fault.target))
        return `no container image pulls from registry "${fault.target}" (the lab uses: ${regs.join(', ') || 'none'})`
      if (fault.value !== undefined && !/^\d+$/.test(fault.value))
        return `registry-outage takes a duration in ms, not "${fault.value}"`
      return null
    }
    case 'quota-change':
      if (!findNode(r, fault.target, ['namespace'])) return `no namespace with id or name "${fault.target}"`
      if (fault.value !== undefined && !/^(pods|cpu|memory|storage)=\d+$/.test(fault.value))
        return `quota-change takes pods=N, cpu=MHz, memory=MiB or storage=MiB, not "${fault.value}"`
      return null
    case 'ip-exhaustion':
      return findNode(r, fault.target, ['namespace', 'supervisor', 'network'])
        ? null
        : `no namespace, Supervisor or network with id or name "${fault.target}"`
  }
}

/** Injects a fault as a step, then plays its consequences (DOMAIN.md 5). */
export function handleFault(p: Planner, fault: Fault): void {
  const base = { sequence: 'fault' as const, action: 'fault' }
  switch (fault.kind) {
    case 'host-failure':
    case 'host-maintenance': {
      const host = findNode(p.r, fault.target, ['host'])!
      hostDown(p, host, fault.kind === 'host-failure' ? 'failed' : 'maintenance')
      return
    }
    case 'registry-outage': {
      const id = `registry/${fault.target}`
      const until = fault.value === undefined ? null : p.now + Number(fault.value)
      p.emit({
        ...base,
        object: id,
        actor: LANES.images,
        target: LANES.images,
        text: `Fault: registry ${fault.target} becomes unreachable${until === null ? ' for the rest of the run' : ` for ${Number(fault.value) / 1000} s`}; image pulls from it fail.`,
        set: [
          ['objects', id, 'kind', 'registry'],
          ['objects', id, 'name', fault.target],
          ['objects', id, 'until', until],
          ...status(id, 'Unavailable'),
        ],
        failure: { code: 'registry-outage', reason: `registry ${fault.target} unreachable` },
      })
      return
    }
    case 'quota-change': {
      const ns = findNode(p.r, fault.target, ['namespace'])!
      const [what, amount] =
        fault.value === undefined
          ? ['pods', p.num('namespaces', ns.id, 'pods')]
          : [fault.value.split('=')[0]!, Number(fault.value.split('=')[1])]
      const key = quotaKey(QUOTA_KEYS[what]!)
      const before = p.get('namespaces', ns.id, key)
      p.emit({
        ...base,
        object: ns.id,
        actor: LANES.user,
        target: LANES.wcpsvc,
        text: `Fault: the admin changes namespace ${ns.name}'s ${what} limit from ${before ?? 'unlimited'} to ${amount}. Objects already admitted keep running; new ones are checked against it.`,
        set: [['namespaces', ns.id, key, amount]],
      })
      return
    }
    case 'ip-exhaustion': {
      const node = findNode(p.r, fault.target, ['namespace', 'supervisor', 'network'])!
      const pools: string[] = []
      if (node.kind === 'namespace') {
        const scope = p.scope(node.id)
        if (scope) pools.push(scope.podPool)
      } else if (node.kind === 'supervisor') pools.push(poolIds(node.id).namespaces)
      else
        for (const sv of p.r.ofKind('supervisor'))
          if (p.r.networkOf(sv.id)?.id === node.id) pools.push(poolIds(sv.id).namespaces)
      p.emit({
        ...base,
        object: node.id,
        actor: LANES.nsx,
        target: LANES.nsx,
        text: `Fault: NSX has no free address left in the namespace network of ${node.name}; new vNICs cannot get an IP.`,
        set: pools.map((id) => ['pools', id, 'exhausted', true] as const),
        failure: { code: 'ip-exhausted', reason: `IP pool of ${node.name} exhausted` },
      })
      return
    }
  }
}

function hostDown(p: Planner, host: LabNode, mode: 'failed' | 'maintenance'): void {
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
    if (kind === 'pod') podLost(p, id, host, failed)
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

function vmMoved(p: Planner, id: string, host: LabNode, failed: boolean): void {
  const name = String(p.get('objects', id, 'name') ?? id)
  const sv = p.get('objects', id, 'supervisor')
  const nsId = p.get('objects', id, 'ns')
  const hosts =
    typeof sv === 'string'
      ? p.r.hostsOf(sv).map((h) => h.id)
      : typeof nsId === 'string'
        ? (p.scope(nsId)?.hostIds ?? [])
        : []
  const oldMhz = p.num('hosts', host.id, 'mhzPerCore')
  const held = (k: string) => p.num('objects', id, k)
  const placement = place(
    p.state,
    hosts,
    {
      reserveCpuMillis: Math.ceil((held('holdCpuMhz') * 1000) / oldMhz),
      reserveMemoryMiB: held('holdMemoryMiB'),
      overheadMemoryMiB: 0,
    },
    p.rand(),
  )
  placement.by = failed ? 'ha' : 'drs'
  const to = placement.chosen
  if (to === null) {
    const why = failed
      ? `vSphere HA cannot restart ${name}: no other host can take it`
      : `DRS cannot evacuate ${name}: no other host can take it`
    p.emit({
      sequence: 'fault',
      object: id,
      actor: failed ? LANES.ha : LANES.drs,
      target: LANES.vcenter,
      action: failed ? 'ha-restart' : 'vmotion',
      text: `${why}. ${placement.explanation}`,
      placement,
      set: [...release(p, id), ...status(id, STATUS.failed, why)],
      failure: { code: 'no-feasible-host', reason: why },
    })
    return
  }
  const hold = {
    cpuMhz: Math.ceil((held('holdCpuMhz') * p.num('hosts', to, 'mhzPerCore')) / oldMhz),
    memoryMiB: held('holdMemoryMiB'),
    podCpuMillis: 0,
    podMemoryMiB: 0,
    activeCpuMhz: held('holdActiveCpuMhz'),
    activeMemoryMiB: held('holdActiveMemoryMiB'),
  }
  const moves: Change[] = [...release(p, id)]
  p.emit({
    sequence: 'fault',
    object: id,
    actor: failed ? LANES.ha : LANES.drs,
    target: hostdLane(to),
    action: failed ? 'ha-restart' : 'vmotion',
    text: failed
      ? `vSphere HA restarts ${name} on ${p.get('hosts', to, 'name')}. ${placement.explanation}`
      : `DRS vMotions ${name} to ${p.get('hosts', to, 'name')} while ${host.name} enters maintenance (control-plane VMs may share a host meanwhile). ${placement.explanation}`,
    placement,
    set: moves,
  })
  // Applied as a second step so each field change reads the state the first one left.
  p.emit({
    sequence: 'fault',
    object: id,
    actor: hostdLane(to),
    target: hostdLane(to),
    action: 'vm-power-on',
    text: `${name} is ${failed ? 'powered on again' : 'running'} on ${p.get('hosts', to, 'name')}.`,
    set: holdOn(p, id, to, hold),
  })
}
