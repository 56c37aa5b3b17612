import { gib, naturalKey } from './placement-words'
import { millisToMhz } from './sizing'
import type { EngineState, PlacementRule, StateRecord } from './types'

/** A rule that keeps VMs apart, with the hosts another member already runs on (host id to its name). */
export interface ApartNeed {
  rule: PlacementRule
  taken: ReadonlyMap<string, string>
}

/** What a placement asks of a host. Pods pass `kube`; VMs are placed by DRS alone. */
export interface PlacementNeed {
  /** What kube-scheduler counts (pod requests); undefined for VMs. */
  kube?: { cpuMillis: number; memoryMiB: number }
  /** vSphere reservation, CPU in millicores (converted per host to MHz) and memory in MiB. */
  reserveCpuMillis: number
  reserveMemoryMiB: number
  overheadMemoryMiB: number
  /** Hosts DRS must avoid (another zone, a full zone resource pool), with the reason shown. */
  avoid?: ReadonlyMap<string, string>
  /** Rules that keep VMs apart, each with the hosts another member already runs on. */
  rules?: readonly ApartNeed[]
}

export type Down = 'failed' | 'maintenance' | 'no-spherelet' | null
export const DOWN_TEXT: Readonly<Record<Exclude<Down, null>, string>> = {
  failed: 'host failed: node NotReady',
  maintenance: 'host in maintenance mode: node unschedulable',
  'no-spherelet': 'no running Spherelet: not a Supervisor node',
}

/** Why DRS rejects a host: down (VMs; pods met NodeReady), avoided, a hard rule, or short of unreserved capacity. */
export type Short = 'down' | 'avoid' | 'rule' | 'cpu' | 'memory' | null

export const num = (rec: StateRecord, key: string) => Number(rec[key] ?? 0)
const permille = (part: number, whole: number) => (whole <= 0 ? 1000 : Math.floor((part * 1000) / whole))

// Spherelet ids are asked per host per placement: build each string once.
const sphereletIds = new Map<string, string>()
const sphereletOf = (hostId: string) => {
  let id = sphereletIds.get(hostId)
  if (id === undefined) sphereletIds.set(hostId, (id = `${hostId}/spherelet`))
  return id
}

// Names are compared only on exact ties, but a tie may recur on every placement: keep each key.
const sortNames = new Map<string, string>()
export const sortName = (name: string) => {
  let key = sortNames.get(name)
  if (key === undefined) sortNames.set(name, (key = naturalKey(name)))
  return key
}

const allocCpuMillis = (h: StateRecord) => (num(h, 'capacityCpuMhz') / num(h, 'mhzPerCore')) * 1000

/**
 * Every host's verdicts for one placement, column by column (index i is the i-th host of the
 * placement that exists in the state): nothing is built per host, so deciding costs a few
 * numbers per host; the table (placement-table.ts) and the sentences are made from these columns.
 */
export class Assessment {
  readonly ids: string[]
  readonly recs: StateRecord[]
  readonly down: Down[]
  /** What kube-scheduler's NodeResourcesFit finds short (pods), or null. */
  readonly kubeShort: ('cpu' | 'memory' | null)[]
  /** LeastAllocated score of a host kube-scheduler kept; null when filtered out or a VM. */
  readonly score: (number | null)[]
  /** Soft rules the host would break, and the member of the first hard rule running there. */
  readonly soft: Int32Array
  readonly hard: (string | null)[]
  /** DRS's verdict: undefined when the host never reached DRS, null when it passes. */
  readonly drs: (Short | undefined)[]
  /** Active memory and CPU per mille of capacity (DRS's preference). */
  readonly mem: Int32Array
  readonly cpu: Int32Array
  /** Hosts in the columns (those of the placement that exist in the state). */
  length = 0
  /** Hosts kube-scheduler kept (all of them for VMs), and hosts DRS found feasible. */
  kept = 0
  readonly feasible: number[] = []

  constructor(
    readonly state: EngineState,
    readonly need: PlacementNeed,
    size: number,
  ) {
    // Columns sized once: a placement on 64 hosts fills them without growing them.
    this.ids = new Array<string>(size)
    this.recs = new Array<StateRecord>(size)
    this.down = new Array<Down>(size)
    this.kubeShort = new Array<'cpu' | 'memory' | null>(size)
    this.score = new Array<number | null>(size)
    this.soft = new Int32Array(size)
    this.hard = new Array<string | null>(size)
    this.drs = new Array<Short | undefined>(size)
    this.mem = new Int32Array(size)
    this.cpu = new Int32Array(size)
  }

  get isPod(): boolean {
    return this.need.kube !== undefined
  }

  name(i: number): string {
    return String(this.recs[i]!['name'] ?? this.ids[i])
  }

  /** The first kube-scheduler filter a host fails, with why, or null. */
  kubeReason(i: number): string | null {
    const down = this.down[i]!
    return down !== null ? DOWN_TEXT[down] : this.fitReason(i)
  }

  /** Why NodeResourcesFit rejects a host (pod requests against allocatable), or null. */
  fitReason(i: number): string | null {
    const h = this.recs[i]!
    const kube = this.need.kube!
    const short = this.kubeShort[i]
    if (short === 'cpu')
      return `Insufficient cpu: ${num(h, 'podCpuMillis') + kube.cpuMillis}m requested of ${allocCpuMillis(h)}m allocatable`
    if (short === 'memory')
      return `Insufficient memory: ${gib(num(h, 'podMemoryMiB') + kube.memoryMiB)} requested of ${gib(num(h, 'capacityMemoryMiB'))} allocatable`
    return null
  }

  /** Why DRS rejects a host, or null when it passes (or never reached DRS). */
  drsReason(i: number): string | null {
    const short = this.drs[i]
    if (short === null || short === undefined) return null
    const h = this.recs[i]!
    const need = this.need
    if (short === 'down') return DOWN_TEXT[this.down[i]!]
    if (short === 'avoid') return need.avoid!.get(this.ids[i]!)!
    if (short === 'rule') return `anti-affinity: ${this.hard[i]} runs here`
    if (short === 'cpu')
      return `unreserved CPU ${num(h, 'capacityCpuMhz') - num(h, 'reservedCpuMhz')} MHz < ${millisToMhz(need.reserveCpuMillis, num(h, 'mhzPerCore'))} MHz reservation`
    return `unreserved memory ${gib(num(h, 'capacityMemoryMiB') - num(h, 'reservedMemoryMiB'))} < ${gib(need.reserveMemoryMiB)} reservation + ${gib(need.overheadMemoryMiB)} overhead`
  }

  /** DRS's preference (placement.ts `preferred`) between feasible hosts i and j: negative when i wins. */
  compare(i: number, j: number): number {
    return (
      this.soft[i]! - this.soft[j]! ||
      this.mem[i]! - this.mem[j]! ||
      this.cpu[i]! - this.cpu[j]! ||
      (sortName(this.name(i)) < sortName(this.name(j)) ? -1 : 1)
    )
  }
}

function hostDown(state: EngineState, id: string, h: StateRecord, isPod: boolean): Down {
  const s = h['state']
  if (s === 'failed') return 'failed'
  if (s === 'maintenance') return 'maintenance'
  if (isPod && state.objects[sphereletOf(id)]?.['status'] !== 'Running') return 'no-spherelet'
  return null
}

/** A host's figures a placement reads, each read by name (one hidden class, a fast load each). */
function figuresOf(h: StateRecord) {
  return {
    mhzPerCore: Number(h['mhzPerCore'] ?? 0),
    capacityCpuMhz: Number(h['capacityCpuMhz'] ?? 0),
    capacityMemoryMiB: Number(h['capacityMemoryMiB'] ?? 0),
    reservedCpuMhz: Number(h['reservedCpuMhz'] ?? 0),
    reservedMemoryMiB: Number(h['reservedMemoryMiB'] ?? 0),
    podCpuMillis: Number(h['podCpuMillis'] ?? 0),
    podMemoryMiB: Number(h['podMemoryMiB'] ?? 0),
    activeCpuMhz: Number(h['activeCpuMhz'] ?? 0),
    activeMemoryMiB: Number(h['activeMemoryMiB'] ?? 0),
  }
}
type Figures = ReturnType<typeof figuresOf>

function drsShort(id: string, f: Figures, down: Down, need: PlacementNeed, hard: string | null): Short {
  if (need.kube === undefined && down !== null) return 'down'
  if (need.avoid?.has(id)) return 'avoid'
  if (hard !== null) return 'rule'
  if (f.capacityCpuMhz - f.reservedCpuMhz < millisToMhz(need.reserveCpuMillis, f.mhzPerCore)) return 'cpu'
  if (f.capacityMemoryMiB - f.reservedMemoryMiB < need.reserveMemoryMiB + need.overheadMemoryMiB)
    return 'memory'
  return null
}

/**
 * Two-level placement (DOMAIN.md 5) over `hostIds`, as columns: for a vSphere Pod kube-scheduler
 * filters (node ready, NodeResourcesFit on requests) and scores (LeastAllocated); DRS takes the
 * hosts kube-scheduler kept (every host for a VM) and keeps those whose unreserved capacity covers
 * reservation + overhead and that are not avoided and break no hard rule.
 */
export function assess(state: EngineState, hostIds: readonly string[], need: PlacementNeed): Assessment {
  const a = new Assessment(state, need, hostIds.length)
  const kube = need.kube
  const isPod = kube !== undefined
  for (const id of hostIds) {
    const h = state.hosts[id]
    if (!h) continue
    const f = figuresOf(h)
    const i = a.length++
    a.ids[i] = id
    a.recs[i] = h
    const down = hostDown(state, id, h, isPod)
    a.down[i] = down
    let kubeOk = true
    a.kubeShort[i] = null
    a.score[i] = null
    if (kube) {
      const podCpu = f.podCpuMillis + kube.cpuMillis
      const podMem = f.podMemoryMiB + kube.memoryMiB
      const allocCpu = (f.capacityCpuMhz / f.mhzPerCore) * 1000
      const capMem = f.capacityMemoryMiB
      const short = podCpu > allocCpu ? 'cpu' : podMem > capMem ? 'memory' : null
      a.kubeShort[i] = short
      kubeOk = down === null && short === null
      if (kubeOk) a.score[i] = Math.round(((1 - podCpu / allocCpu + (1 - podMem / capMem)) / 2) * 100)
    }
    let soft = 0
    let hard: string | null = null
    if (need.rules)
      for (const { rule, taken } of need.rules) {
        const other = taken.get(id)
        if (other === undefined) continue
        if (rule.hard) hard ??= other
        else soft++
      }
    a.soft[i] = soft
    a.hard[i] = hard
    if (!kubeOk) {
      a.drs[i] = undefined
      continue
    }
    a.kept++
    const short = drsShort(id, f, down, need, hard)
    a.drs[i] = short
    a.mem[i] = permille(f.activeMemoryMiB, f.capacityMemoryMiB)
    a.cpu[i] = permille(f.activeCpuMhz, f.capacityCpuMhz)
    if (short === null) a.feasible.push(i)
  }
  return a
}

/** How many busier hosts an explanation names before "N more". */
export const BUSIER_SHOWN = 3

/** DRS's order among feasible hosts as far as the explanation reads it. */
export interface Ranking {
  /** The chosen host and those tied with it (`ties` of them), then up to BUSIER_SHOWN busier hosts (host indices). */
  top: readonly number[]
  ties: number
  /** Feasible hosts after the tied ones that break no more soft rules than the chosen. */
  busier: number
  /** Whether some feasible host was passed over for breaking a soft rule. */
  skipped: boolean
}

/**
 * DRS's order among the feasible hosts, as far as the explanation reads it: the chosen host and
 * those tied with it, then the next few of the same soft-rule standing. Selected in a few passes
 * rather than sorted: a 10,000-pod run places on 64 hosts 10,000 times.
 */
export function rank(a: Assessment): Ranking {
  const f = a.feasible
  if (f.length === 0) return { top: [], ties: 0, busier: 0, skipped: false }
  let best = f[0]!
  for (let k = 1; k < f.length; k++) if (a.compare(f[k]!, best) < 0) best = f[k]!
  const level: number[] = []
  const next: number[] = []
  let busier = 0
  let skipped = false
  for (const i of f) {
    if (a.soft[i]! > a.soft[best]!) skipped = true
    else if (a.mem[i] === a.mem[best] && a.cpu[i] === a.cpu[best] && a.soft[i] === a.soft[best]) level.push(i)
    else {
      busier++
      // Keep the BUSIER_SHOWN best of the rest, in order (insertion into a short list).
      let at = next.length
      while (at > 0 && a.compare(i, next[at - 1]!) < 0) at--
      if (at < BUSIER_SHOWN) next.splice(at, 0, i)
      if (next.length > BUSIER_SHOWN) next.pop()
    }
  }
  if (level.length > 1) level.sort((i, j) => a.compare(i, j))
  return { top: level.concat(next), ties: level.length, busier, skipped }
}
