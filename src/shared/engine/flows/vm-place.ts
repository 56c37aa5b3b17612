import { formatMemory } from '../../domain/units'
import { defaultVmClass, type VmClass } from '../../domain/vm-classes'
import { holdOn, nsHold, status } from '../accounting'
import { joinRule, takenHosts } from '../anti-affinity'
import { hostdLane, LANES } from '../lanes'
import { place } from '../placement'
import type { Change, Planner } from '../planner'
import type { NsScope } from '../scope'
import { millisToMhz, VM_OVERHEAD_MIB } from '../sizing'
import { STATUS } from '../state'
import { fullZones, poolUsedKey } from '../zones'
import { waiting, type Retry } from './pod'
import type { VmJob } from './vm-lifecycle'
import { releaseVmResources } from './vm-lifecycle'

/**
 * Placement, deployment and power-on of a VM whose network is ready (DOMAIN.md 4d steps 6 to
 * 9). DRS places it within its zone's share of the namespace limits, apart from the other
 * members of its rule where it can; a powered-off VM is registered on a host but holds no
 * reservation (reservations are admitted at power-on, DOMAIN.md 4d step 8). A VM no host can
 * take stays Pending and VM Operator retries it when capacity frees (`retry`: only a success
 * makes steps then). Returns true when the VM ends running (or powered off, as asked).
 */
export function deployVm(p: Planner, job: VmJob, scope: NsScope, retry?: Retry): boolean {
  const { id } = job
  const base = { sequence: job.sequence, object: id }
  const cls = defaultVmClass(job.className) as VmClass
  const on = job.powerOn
  const fail = (action: string, text: string, code: string, reason: string) => {
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: LANES.vcenter,
      action,
      text,
      set: [...releaseVmResources(p, id), ...status(id, STATUS.failed, reason)],
      failure: { code, reason },
    })
    return false
  }
  const resCpuNs = on ? millisToMhz(cls.reservedCpuMillis, scope.mhzPerCore) : 0
  const resMemNs = on ? cls.reservedMemoryMiB : 0
  const hosts = job.zone ? (scope.zones.find((z) => z.id === job.zone)?.hostIds ?? []) : scope.hostIds
  const full = fullZones(p, scope, { cpuMhz: resCpuNs, memoryMiB: resMemNs })
  if (hosts.every((h) => full.byHost.has(h))) {
    if (retry) return false
    return fail(
      'vm-place',
      `The namespace resource pool limit blocks ${job.name}'s reservation (${resCpuNs} MHz, ${formatMemory(resMemNs)}): ${full.reasons.join('; ')} (assumed from resource pool semantics).`,
      'namespace-limit-reached',
      `namespace ${scope.ns.name} CPU/memory limit reached: the reservation does not fit under the resource pool limit${scope.zones.length > 1 ? ' of any zone' : ''}`,
    )
  }
  const rules = job.rule ? [{ rule: job.rule, taken: takenHosts(p, job.rule.id, id) }] : undefined
  const placement = place(
    p.state,
    hosts,
    {
      reserveCpuMillis: on ? cls.reservedCpuMillis : 0,
      reserveMemoryMiB: on ? cls.reservedMemoryMiB : 0,
      overheadMemoryMiB: on ? VM_OVERHEAD_MIB : 0,
      avoid: full.byHost,
      ...(rules ? { rules } : {}),
    },
    p.rand(),
  )
  const hostId = placement.chosen
  if (hostId === null) {
    if (retry) return false
    const why = `VirtualMachineConditionPlacementReady=False (InsufficientResources): ${placement.explanation}`
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: LANES.drs,
      action: 'vm-place',
      text: `vCenter finds no host for ${job.name}; VM Operator keeps it Pending and retries when capacity frees. ${placement.explanation}`,
      placement,
      set: [...status(id, STATUS.pending, why), ...waiting(p, id, 'vm')],
      failure: { code: 'no-feasible-host', reason: why },
    })
    return false
  }
  const mhz = p.num('hosts', hostId, 'mhzPerCore')
  const resCpu = on ? millisToMhz(cls.reservedCpuMillis, mhz) : 0
  const resMem = on ? cls.reservedMemoryMiB + VM_OVERHEAD_MIB : 0
  const zone = scope.zoneOf.get(hostId) ?? ''
  const zoneName = scope.zones.find((z) => z.id === zone)?.name ?? zone
  if (job.rule && placement.rows.find((r) => r.chosen)?.rules?.[0]?.pass === false) p.broken.add(job.rule.id)
  p.unschedulable.delete(id)
  const again = retry ? `VM Operator retries ${job.name}, Pending for lack of capacity, ${retry.why}: ` : ''
  const holdNs: Change[] = on
    ? nsHold(p, id, scope.ns.id, {
        [poolUsedKey(zone, 'cpuMhz')]: resCpuNs,
        [poolUsedKey(zone, 'memoryMiB')]: resMemNs,
      })
    : []
  p.emit({
    ...base,
    actor: LANES.vmop,
    target: LANES.drs,
    action: 'vm-place',
    text: `${again}VM Operator asks vCenter to place ${job.name} (class ${cls.name}: ${cls.vcpus} vCPU, ${formatMemory(cls.memoryMiB)}, ${on ? `reservation ${resCpu} MHz / ${formatMemory(cls.reservedMemoryMiB)}` : 'powered off, so no reservation'})${scope.zones.length > 1 ? ` across the ${scope.zones.length === 3 ? 'three' : scope.zones.length} zones; it lands in zone ${zoneName}` : ''}: ${placement.explanation}`,
    placement,
    set: [
      ...status(id, STATUS.scheduled),
      ['objects', id, 'unschedulable', null],
      ...(job.rule ? [joinRule(p, id, job.rule)] : []),
      ...holdOn(p, id, hostId, {
        cpuMhz: resCpu,
        memoryMiB: resMem,
        podCpuMillis: 0,
        podMemoryMiB: 0,
        // A best-effort VM reserves nothing; its active usage is assumed to be half its size.
        activeCpuMhz: on ? resCpu || Math.ceil((cls.vcpus * mhz) / 2) : 0,
        activeMemoryMiB: on ? (cls.reservedMemoryMiB > 0 ? resMem : Math.ceil(cls.memoryMiB / 2)) : 0,
      }),
      ...holdNs,
    ],
  })
  if (p.interrupted.has(id)) return false
  const host = () => String(p.get('objects', id, 'host'))
  const hostName = () => String(p.get('hosts', host(), 'name'))
  const sc = String(p.get('objects', id, 'storageClass') ?? '')
  p.emit({
    ...base,
    actor: LANES.vcenter,
    target: hostdLane(host()),
    action: 'vm-deploy',
    text: `vCenter deploys the image from the content library into the namespace resource pool${scope.zones.length > 1 ? ` of zone ${zoneName}` : ''} and folder of ${scope.ns.name}${sc ? ` with storage policy ${sc}` : ''}: VirtualMachineCreated.`,
    set: status(id, STATUS.creatingVm),
  })
  if (p.interrupted.has(id)) return false
  if (!on) {
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: LANES.apiserver,
      action: 'vm-power-on',
      text: `${job.name} stays powered off, as its spec asks: it is registered on ${hostName()} and holds no CPU or memory reservation there (vSphere admits reservations at power-on).`,
      set: status(id, 'PoweredOff'),
    })
    return true
  }
  const cores = p.num('hosts', host(), 'capacityCpuMhz') / p.num('hosts', host(), 'mhzPerCore')
  if (cls.vcpus > cores || cls.memoryMiB > p.num('hosts', host(), 'capacityMemoryMiB')) {
    const why = `class ${cls.name} (${cls.vcpus} vCPU, ${formatMemory(cls.memoryMiB)}) is larger than ${hostName()}`
    p.emit({
      ...base,
      actor: LANES.vcenter,
      target: hostdLane(host()),
      action: 'vm-power-on',
      text: `${job.name} cannot power on: class ${cls.name} is larger than ${hostName()}.`,
      set: [...releaseVmResources(p, id), ...status(id, STATUS.failed, why)],
      failure: { code: 'limit-exceeds-host', reason: why },
    })
    return false
  }
  p.emit({
    ...base,
    actor: hostdLane(host()),
    target: hostdLane(host()),
    action: 'vm-power-on',
    text: `hostd powers on ${job.name} on ${hostName()}; DRS admission enforces the class reservation.`,
    set: status(id, STATUS.starting),
  })
  if (p.interrupted.has(id)) return false
  p.emit({
    ...base,
    actor: hostdLane(host()),
    target: LANES.vmop,
    action: 'vm-guest',
    text: `Guest customization (cloud-init) runs and VMware Tools report the IP: ${job.name} is ${job.kind === 'tkc-node' ? 'up' : 'Running'}.`,
    set: status(id, STATUS.running),
  })
  return true
}
