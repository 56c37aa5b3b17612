import type { ResolvedTopology } from '../domain/resolve'
import type { LabNode } from '../domain/topology'
import { status } from './accounting'
import { registryOf } from './flows/pod-start'
import { hostDown } from './host-down'
import { LANES } from './lanes'
import { quotaKey, type QuotaCounter } from './fields'
import type { Change, Planner } from './planner'
import { poolIds } from './scope'
import type { Fault } from './types'
import { zoneLimitChanges } from './zones'
import { draftBase } from './draft-base'

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
  const base = draftBase({ sequence: 'fault' as const, action: 'fault' })
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
      // A CPU or memory limit is also the limit of the namespace's resource pool(s), per zone.
      const zones = p.scope(ns.id)?.zones ?? []
      const pools: Change[] =
        what === 'cpu' || what === 'memory'
          ? zoneLimitChanges(ns.id, zones, what === 'cpu' ? 'cpuMhz' : 'memoryMiB', amount)
          : []
      p.emit({
        ...base,
        object: ns.id,
        actor: LANES.user,
        target: LANES.wcpsvc,
        text: `Fault: the admin changes namespace ${ns.name}'s ${what} limit from ${before ?? 'unlimited'} to ${amount}. Objects already admitted keep running; new ones are checked against it.`,
        set: [['namespaces', ns.id, key, amount], ...pools],
      })
      return
    }
    case 'ip-exhaustion': {
      const node = findNode(p.r, fault.target, ['namespace', 'supervisor', 'network'])!
      const pools: string[] = []
      const supervisors =
        node.kind === 'namespace'
          ? []
          : node.kind === 'supervisor'
            ? [node]
            : p.r.ofKind('supervisor').filter((sv) => p.r.networkOf(sv.id)?.id === node.id)
      if (node.kind === 'namespace') {
        const scope = p.scope(node.id)
        if (scope) pools.push(scope.podPool)
      }
      // A Supervisor's namespace network, and every namespace segment carved from it.
      for (const sv of supervisors) {
        pools.push(poolIds(sv.id).namespaces)
        for (const ns of p.r.index.children.get(sv.id) ?? []) {
          const scope = ns.kind === 'namespace' ? p.scope(ns.id) : null
          if (scope && !pools.includes(scope.podPool)) pools.push(scope.podPool)
        }
      }
      const nsx =
        (node.kind === 'namespace'
          ? p.scope(node.id)?.stack.nsx
          : supervisors.length === 0 || supervisors.some((sv) => p.svScope(sv.id)?.stack.nsx)) ?? true
      p.emit({
        ...base,
        object: node.id,
        actor: nsx ? LANES.nsx : LANES.vcenter,
        target: nsx ? LANES.nsx : LANES.vcenter,
        text: nsx
          ? `Fault: NSX has no free address left in the namespace network of ${node.name}; new vNICs cannot get an IP.`
          : `Fault: the workload network of ${node.name} has no free address left; new network interfaces cannot get an IP.`,
        set: pools.map((id) => ['pools', id, 'exhausted', true] as const),
        failure: { code: 'ip-exhausted', reason: `IP pool of ${node.name} exhausted` },
      })
      return
    }
  }
}
