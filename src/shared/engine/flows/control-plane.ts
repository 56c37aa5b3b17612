import { CONTROL_PLANE_SIZES } from '../../domain/control-plane-sizes'
import type { LabNode } from '../../domain/topology'
import { formatMemory } from '../../domain/units'
import { holdOn, status } from '../accounting'
import { allocate, holdAddress, ledger } from '../addresses'
import { joinRule, supervisorRule, takenHosts } from '../anti-affinity'
import { hostdLane, LANES } from '../lanes'
import { count, decide } from '../placement'
import type { Planner } from '../planner'
import { poolIds, type SvScope } from '../scope'
import { STATUS } from '../state'

/** "one zone", "three zones (a, b and c)". */
export function zonesText(scope: SvScope): string {
  const n = scope.zones.length
  return n <= 1 ? 'one zone' : `${count(n)} zones (${scope.zones.map((z) => z.name).join(', ')})`
}

/** "the API server", "the three API servers": as many as the Supervisor has. */
export const apiServersText = (n: number) =>
  n === 1 ? 'the single API server' : `the ${count(n)} API servers`

/**
 * ESX Agent Manager deploys the control-plane VMs (DOMAIN.md 4a step 4): one per zone on a
 * three-zone Supervisor [D8-ARCH][TVS-AZ], each on a host of its own (the firm anti-affinity
 * policy, [KC]), each with one of the five consecutive management addresses [TVS]. Returns
 * false when a VM finds no host; the Supervisor has then failed.
 */
export function deployControlPlane(
  p: Planner,
  sv: LabNode & { kind: 'supervisor' },
  scope: SvScope,
): boolean {
  const spec = p.r.spec(sv)
  const size = CONTROL_PLANE_SIZES[spec.size]
  const rule = supervisorRule(sv.id, sv.name)
  const mgmt = poolIds(sv.id).management
  const n = spec.controlPlaneCount
  const perZone = new Map<string, number>()
  for (let i = 1; i <= n; i++) {
    // While a host is in maintenance, vSphere bends the firm policy and allows two on one host [KC].
    const bent = scope.hostIds.some((h) => p.get('hosts', h, 'state') === 'maintenance')
    const vmId = `${sv.id}/cp-${i}`
    // One per zone: only zones holding the fewest control-plane VMs so far are candidates.
    const live = (z: SvScope['zones'][number]) =>
      z.hostIds.some((h) => p.get('hosts', h, 'state') === 'connected')
    const fewest = Math.min(...scope.zones.filter(live).map((z) => perZone.get(z.id) ?? 0))
    const avoid = new Map<string, string>()
    if (scope.zones.length > 1)
      for (const z of scope.zones)
        if ((perZone.get(z.id) ?? 0) > fewest)
          for (const h of z.hostIds)
            avoid.set(h, `zone ${z.name} already has a control-plane VM (one per zone)`)
    const d = decide(p, scope.hostIds, {
      reserveCpuMillis: 0,
      reserveMemoryMiB: 0,
      overheadMemoryMiB: 0,
      avoid,
      rules: [{ rule: bent ? { ...rule, hard: false } : rule, taken: takenHosts(p, rule.id, vmId) }],
    })
    const placement = { ...d.placement, by: 'eam' as const }
    const hostId = d.chosen
    const shares = d.breaks
    if (shares) p.broken.add(rule.id)
    if (hostId === null) {
      const why = `no connected host without a control-plane VM is left for control-plane VM ${i} of ${n}`
      p.emit({
        sequence: 'supervisor',
        object: sv.id,
        actor: LANES.eam,
        target: LANES.vcenter,
        action: 'cp-vm-deploy',
        text: `ControlPlaneVMsDeployed=False: ESX Agent Manager finds ${why}; enabling fails. ${placement.explanation}`,
        placement,
        set: status(sv.id, STATUS.failed, why),
        failure: { code: 'no-feasible-host', reason: why },
      })
      p.interrupted.add(sv.id)
      return false
    }
    const zone = scope.zoneOf.get(hostId) ?? ''
    perZone.set(zone, (perZone.get(zone) ?? 0) + 1)
    const l = ledger(p)
    const ip = allocate(l, mgmt)
    const mhz = p.num('hosts', hostId, 'mhzPerCore')
    const hostName = String(p.get('hosts', hostId, 'name'))
    const zoneName = scope.zones.find((z) => z.id === zone)?.name ?? zone
    p.emit({
      sequence: 'supervisor',
      object: sv.id,
      actor: LANES.eam,
      target: hostdLane(hostId),
      action: 'cp-vm-deploy',
      text:
        `ControlPlaneVMsDeployed (${i}/${n}): ESX Agent Manager deploys SupervisorControlPlaneVM (${i}) on ${hostName}` +
        (scope.zones.length > 1 ? ` in zone ${zoneName} (one per zone)` : '') +
        (shares
          ? `, on a host that already runs one (a host is in maintenance mode, when vSphere bends the firm anti-affinity policy [KC])`
          : n > 1
            ? ', on a host of its own (EAM anti-affinity policy, firm [KC])'
            : '') +
        `; it takes ${ip ? ip.address : 'no address'}, one of the five consecutive management addresses (the VMs, a floating IP and an upgrade spare), and counts ${formatMemory(size.memoryMiB)} as active usage (no reservation; assumed). ${placement.explanation}`,
      placement,
      set: [
        ['objects', vmId, 'kind', 'control-plane-vm'],
        ['objects', vmId, 'name', `supervisorcontrolplanevm-${i}`],
        ['objects', vmId, 'supervisor', sv.id],
        joinRule(p, vmId, rule),
        ...status(vmId, STATUS.running),
        ...l.changes,
        ...(ip ? holdAddress(vmId, 'ip', mgmt, ip) : []),
        ...holdOn(p, vmId, hostId, {
          cpuMhz: 0,
          memoryMiB: 0,
          podCpuMillis: 0,
          podMemoryMiB: 0,
          activeCpuMhz: Math.ceil((size.vcpus * mhz) / 4),
          activeMemoryMiB: size.memoryMiB,
        }),
      ],
    })
  }
  return true
}
