import { formatMemory } from '../../domain/units'
import type { VmClass } from '../../domain/vm-classes'
import { holdOn, largerThanHost, nsHold, status, type Hold, type StateReader } from '../accounting'
import { joinRule, takenHosts, type RuleBook } from '../anti-affinity'
import { hostdLane, LANES } from '../lanes'
import { count, place, type PlacementNeed } from '../placement'
import type { Change, Planner } from '../planner'
import { poolUsedKey, type PoolResource } from '../quota'
import type { NsScope } from '../scope'
import { millisToMhz, VM_OVERHEAD_MIB } from '../sizing'
import { STATUS } from '../state'
import { jobConditions } from '../vm-conditions'
import { fullZones } from '../zones'
import { waiting, type Retry } from './pod'
import { releaseVmResources, vmClassOf, type VmJob } from './vm-lifecycle'

/** What DRS must find for a running VM of this class: its reservation plus overhead. */
export const vmNeed = (cls: VmClass): PlacementNeed => ({
  reserveCpuMillis: cls.reservedCpuMillis,
  reserveMemoryMiB: cls.reservedMemoryMiB,
  overheadMemoryMiB: VM_OVERHEAD_MIB,
})

/** What a placed VM holds on a host of that core speed; a powered-off VM holds nothing but its place. */
export function vmHold(cls: VmClass, mhzPerCore: number, on = true): Hold {
  const cpu = on ? millisToMhz(cls.reservedCpuMillis, mhzPerCore) : 0
  const memory = on ? cls.reservedMemoryMiB + VM_OVERHEAD_MIB : 0
  return {
    cpuMhz: cpu,
    memoryMiB: memory,
    podCpuMillis: 0,
    podMemoryMiB: 0,
    // A best-effort VM reserves nothing; its active usage is assumed to be half its size.
    activeCpuMhz: on ? cpu || Math.ceil((cls.vcpus * mhzPerCore) / 2) : 0,
    activeMemoryMiB: on ? (cls.reservedMemoryMiB > 0 ? memory : Math.ceil(cls.memoryMiB / 2)) : 0,
  }
}

/** What placing a VM asks, as the flow and validate's quiet pass both decide it. */
export interface VmAsk {
  cls: VmClass
  /** Its reservation against its zone's namespace resource pool (nothing when powered off). */
  want: Record<PoolResource, number>
  /** The hosts it may go to: its zone's, or all the Supervisor's. */
  hosts: readonly string[]
  full: ReturnType<typeof fullZones>
  /** Every zone it may go to has a full resource pool. */
  blocked: boolean
  need: PlacementNeed
}

/**
 * Where a VM may go and what DRS must find there: within its zone (a cluster node on three
 * zones) or any zone, avoiding zones whose namespace pool cannot take its reservation, apart
 * from the other members of its rule where it can. A powered-off VM asks no reservation
 * (reservations are admitted at power-on, DOMAIN.md 4d step 8).
 */
export function vmAsk(p: StateReader & RuleBook & Pick<Planner, 'r'>, job: VmJob, scope: NsScope): VmAsk {
  const cls = vmClassOf(p.r, scope, job.className)
  const on = job.powerOn
  const want = {
    cpuMhz: on ? millisToMhz(cls.reservedCpuMillis, scope.mhzPerCore) : 0,
    memoryMiB: on ? cls.reservedMemoryMiB : 0,
  }
  const hosts = job.zone ? (scope.zones.find((z) => z.id === job.zone)?.hostIds ?? []) : scope.hostIds
  const full = fullZones(p, scope, want)
  const rules = job.rule ? [{ rule: job.rule, taken: takenHosts(p, job.rule.id, job.id) }] : undefined
  const need: PlacementNeed = {
    ...(on ? vmNeed(cls) : { reserveCpuMillis: 0, reserveMemoryMiB: 0, overheadMemoryMiB: 0 }),
    avoid: full.byHost,
    ...(rules ? { rules } : {}),
  }
  return { cls, want, hosts, full, blocked: hosts.every((h) => full.byHost.has(h)), need }
}

/** The reservation a placed VM counts in its zone's namespace pool, as a hold records it. */
export const zoneHold = (zone: string, want: Readonly<Record<PoolResource, number>>) => ({
  [poolUsedKey(zone, 'cpuMhz')]: want.cpuMhz,
  [poolUsedKey(zone, 'memoryMiB')]: want.memoryMiB,
})

/**
 * Placement, deployment and power-on of a VM whose network is ready (DOMAIN.md 4d steps 6 to
 * 9), as `vmAsk` decides it. A VM no host can take stays Pending and VM Operator retries it when
 * capacity frees (`retry`: only a success makes steps then). Returns true when the VM ends
 * running (or powered off, as asked).
 */
export function deployVm(p: Planner, job: VmJob, scope: NsScope, retry?: Retry): boolean {
  const { id } = job
  const base = { sequence: job.sequence, object: id }
  const ask = vmAsk(p, job, scope)
  const { cls, want } = ask
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
  if (ask.blocked) {
    if (retry) return false
    return fail(
      'vm-place',
      `The namespace resource pool limit blocks ${job.name}'s reservation (${want.cpuMhz} MHz, ${formatMemory(want.memoryMiB)}): ${ask.full.reasons.join('; ')} (assumed from resource pool semantics).`,
      'namespace-limit-reached',
      `namespace ${scope.ns.name} CPU/memory limit reached: the reservation does not fit under the resource pool limit${scope.zones.length > 1 ? ' of any zone' : ''}`,
    )
  }
  const placement = place(p.state, ask.hosts, ask.need)
  const hostId = placement.chosen
  if (hostId === null) {
    if (retry) return false
    const cond = jobConditions(p.r, job).placement
    // NoAvailableHosts when no host it may go to is up, InsufficientResources otherwise [VMOP].
    const up = ask.hosts.some((h) => p.get('hosts', h, 'state') === 'connected')
    const reason = up ? 'InsufficientResources' : 'NoAvailableHosts'
    const why = `${cond ? `${cond}=False (${reason})` : `no host (${reason})`}: ${placement.explanation}`
    p.emit({
      ...base,
      actor: LANES.vmop,
      target: LANES.drs,
      action: 'vm-place',
      text: `vCenter finds no host for ${job.name}; VM Operator keeps it Pending and retries when ${up ? 'capacity frees' : 'a host it may go to is up again'}. ${placement.explanation}`,
      placement,
      set: [...status(id, STATUS.pending, why), ...waiting(p, id, 'vm')],
      failure: { code: 'no-feasible-host', reason: why },
    })
    return false
  }
  const hold = vmHold(cls, p.num('hosts', hostId, 'mhzPerCore'), on)
  const zone = scope.zoneOf.get(hostId) ?? ''
  const zoneName = scope.zones.find((z) => z.id === zone)?.name ?? zone
  if (job.rule && placement.rows.find((r) => r.chosen)?.rules?.[0]?.pass === false) p.broken.add(job.rule.id)
  p.unschedulable.delete(id)
  const again = retry ? `VM Operator retries ${job.name}, Pending for lack of capacity, ${retry.why}: ` : ''
  const holdNs: Change[] = on ? nsHold(p, id, scope.ns.id, zoneHold(zone, want)) : []
  p.emit({
    ...base,
    actor: LANES.vmop,
    target: LANES.drs,
    action: 'vm-place',
    text: `${again}VM Operator asks vCenter to place ${job.name} (class ${cls.name}: ${cls.vcpus} vCPU, ${formatMemory(cls.memoryMiB)}, ${on ? `reservation ${hold.cpuMhz} MHz / ${formatMemory(cls.reservedMemoryMiB)}` : 'powered off, so no reservation'})${zonesText(scope.zones.length, job.zone !== undefined, zoneName)}: ${placement.explanation}`,
    placement,
    set: [
      ...status(id, STATUS.scheduled),
      ['objects', id, 'unschedulable', null],
      ...(job.rule ? [joinRule(p, id, job.rule)] : []),
      ...holdOn(p, id, hostId, hold),
      ...holdNs,
    ],
  })
  if (p.interrupted.has(id)) return false
  return powerOn(p, job, scope, cls, zoneName)
}

/** Where a VM may land, in a sentence: any zone (and which it lands in), or the one it is given. */
function zonesText(zones: number, pinned: boolean, zoneName: string): string {
  if (zones <= 1) return ''
  return pinned
    ? ` in zone ${zoneName}, the one Cluster API gives it`
    : ` across the ${count(zones)} zones; it lands in zone ${zoneName}`
}

/** Deployment from the content library, then power-on (or not, as the spec asks). */
function powerOn(p: Planner, job: VmJob, scope: NsScope, cls: VmClass, zoneName: string): boolean {
  const { id } = job
  const base = { sequence: job.sequence, object: id }
  const host = () => String(p.get('objects', id, 'host'))
  const hostName = () => String(p.get('hosts', host(), 'name'))
  const sc = String(p.get('objects', id, 'storageClass') ?? '')
  p.emit({
    ...base,
    actor: LANES.vcenter,
    target: hostdLane(host()),
    action: 'vm-deploy',
    text: `vCenter deploys the image from the content library into the namespace resource pool${scope.zones.length > 1 ? ` of zone ${zoneName}` : ''} and folder of ${scope.ns.name}${sc ? ` with storage policy ${sc}` : ''}: ${jobConditions(p.r, job).created}.`,
    set: status(id, STATUS.creatingVm),
  })
  if (p.interrupted.has(id)) return false
  if (!job.powerOn) {
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
  if (largerThanHost(p, host(), cls.vcpus, cls.memoryMiB)) {
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
  const { synced, api } = jobConditions(p.r, job)
  p.emit({
    ...base,
    actor: hostdLane(host()),
    target: LANES.vmop,
    action: 'vm-guest',
    text: `Guest customization (cloud-init) runs and VMware Tools report the IP: ${job.name} is ${job.kind === 'tkc-node' ? 'up' : `Running${synced ? `; as vm-operator ${api} defines them, its status can also carry ${synced}` : ''}`}.`,
    set: status(id, STATUS.running),
  })
  return true
}
