import { formatMemory } from '../domain/units'
import { millisToMhz } from './sizing'
import type { EngineState, FilterVerdict, Placement, PlacementRow, StateRecord } from './types'

/** What a placement asks of a host. Pods pass `requestCpuMillis`; VMs are placed by DRS alone. */
export interface PlacementNeed {
  /** What kube-scheduler counts (pod requests); undefined for VMs. */
  kube?: { cpuMillis: number; memoryMiB: number }
  /** vSphere reservation, CPU in millicores (converted per host to MHz) and memory in MiB. */
  reserveCpuMillis: number
  reserveMemoryMiB: number
  overheadMemoryMiB: number
  /** Hosts DRS must avoid (anti-affinity), with the reason shown. */
  avoid?: ReadonlyMap<string, string>
}

const num = (rec: StateRecord, key: string) => Number(rec[key] ?? 0)
// Passing verdicts are identical on most rows of most tables: share one frozen copy of each
// (a 10,000-pod run holds 640,000 rows).
const READY_PASS: FilterVerdict = Object.freeze({ filter: 'NodeReady', pass: true })
const FIT_PASS: FilterVerdict = Object.freeze({ filter: 'NodeResourcesFit', pass: true })
const DRS_PASS: NonNullable<PlacementRow['drs']> = Object.freeze({ pass: true })
const permille = (part: number, whole: number) => (whole <= 0 ? 1000 : Math.floor((part * 1000) / whole))
/** Memory for a sentence: whole GiB plainly, otherwise GiB to one decimal. */
export const gib = (mib: number) =>
  mib % 1024 === 0 ? formatMemory(mib) : mib < 1024 ? `${mib} MiB` : `${(mib / 1024).toFixed(1)} GiB`

type Down = 'failed' | 'maintenance' | 'no-spherelet' | null
const DOWN_TEXT: Readonly<Record<Exclude<Down, null>, string>> = {
  failed: 'host failed: node NotReady',
  maintenance: 'host in maintenance mode: node unschedulable',
  'no-spherelet': 'no running Spherelet: not a Supervisor node',
}

// Spherelet ids are asked per host per placement: build each string once.
const sphereletIds = new Map<string, string>()
const sphereletOf = (hostId: string) => {
  let id = sphereletIds.get(hostId)
  if (id === undefined) sphereletIds.set(hostId, (id = `${hostId}/spherelet`))
  return id
}

function hostDown(state: EngineState, id: string, isPod: boolean): Down {
  const h = state.hosts[id]!
  if (h['state'] === 'failed') return 'failed'
  if (h['state'] === 'maintenance') return 'maintenance'
  if (isPod && state.objects[sphereletOf(id)]?.['status'] !== 'Running') return 'no-spherelet'
  return null
}

type Kube = { cpuMillis: number; memoryMiB: number }

/** Which resource kube-scheduler's NodeResourcesFit finds short on a host, or null. */
function kubeShort(h: StateRecord, kube: Kube): 'cpu' | 'memory' | null {
  const allocCpu = (num(h, 'capacityCpuMhz') / num(h, 'mhzPerCore')) * 1000
  if (num(h, 'podCpuMillis') + kube.cpuMillis > allocCpu) return 'cpu'
  if (num(h, 'podMemoryMiB') + kube.memoryMiB > num(h, 'capacityMemoryMiB')) return 'memory'
  return null
}

function kubeVerdicts(h: StateRecord, down: Down, kube: Kube): FilterVerdict[] {
  const short = kubeShort(h, kube)
  const allocCpu = (num(h, 'capacityCpuMhz') / num(h, 'mhzPerCore')) * 1000
  const fit =
    short === 'cpu'
      ? `Insufficient cpu: ${num(h, 'podCpuMillis') + kube.cpuMillis}m requested of ${allocCpu}m allocatable`
      : short === 'memory'
        ? `Insufficient memory: ${gib(num(h, 'podMemoryMiB') + kube.memoryMiB)} requested of ${gib(num(h, 'capacityMemoryMiB'))} allocatable`
        : null
  return [
    down === null ? READY_PASS : { filter: 'NodeReady', pass: false, reason: DOWN_TEXT[down] },
    fit === null ? FIT_PASS : { filter: 'NodeResourcesFit', pass: false, reason: fit },
  ]
}

/** kube-scheduler's LeastAllocated score (0-100) of a host that passed the filters. */
function kubeScore(h: StateRecord, kube: Kube): number {
  const allocCpu = (num(h, 'capacityCpuMhz') / num(h, 'mhzPerCore')) * 1000
  const capMem = num(h, 'capacityMemoryMiB')
  const usedCpu = num(h, 'podCpuMillis') + kube.cpuMillis
  const usedMem = num(h, 'podMemoryMiB') + kube.memoryMiB
  return Math.round(((1 - usedCpu / allocCpu + (1 - usedMem / capMem)) / 2) * 100)
}

/** Why DRS rejects a host: down (VMs; pods met NodeReady), avoided, or short of unreserved capacity. */
function drsShort(
  id: string,
  h: StateRecord,
  down: Down,
  need: PlacementNeed,
): 'down' | 'avoid' | 'cpu' | 'memory' | null {
  if (need.kube === undefined && down !== null) return 'down'
  if (need.avoid?.has(id)) return 'avoid'
  if (
    num(h, 'capacityCpuMhz') - num(h, 'reservedCpuMhz') <
    millisToMhz(need.reserveCpuMillis, num(h, 'mhzPerCore'))
  )
    return 'cpu'
  if (
    num(h, 'capacityMemoryMiB') - num(h, 'reservedMemoryMiB') <
    need.reserveMemoryMiB + need.overheadMemoryMiB
  )
    return 'memory'
  return null
}

function drsText(id: string, h: StateRecord, down: Down, need: PlacementNeed): string | null {
  const short = drsShort(id, h, down, need)
  if (short === null) return null
  if (short === 'down') return DOWN_TEXT[down!]
  if (short === 'avoid') return need.avoid!.get(id)!
  if (short === 'cpu')
    return `unreserved CPU ${num(h, 'capacityCpuMhz') - num(h, 'reservedCpuMhz')} MHz < ${millisToMhz(need.reserveCpuMillis, num(h, 'mhzPerCore'))} MHz reservation`
  return `unreserved memory ${gib(num(h, 'capacityMemoryMiB') - num(h, 'reservedMemoryMiB'))} < ${gib(need.reserveMemoryMiB)} reservation + ${gib(need.overheadMemoryMiB)} overhead`
}

/**
 * DRS's preference among feasible hosts: lower active memory, then lower active CPU (per mille
 * of capacity). True when `h` beats the best so far. On an exact tie the host listed first (host
 * ids in order) stays: DRS publishes no tie rule, so the lab takes a fixed one (assumed), which
 * keeps placement independent of the seed and lets `validate` predict it.
 */
class Best {
  id: string | null = null
  private mem = 0
  private cpu = 0
  offer(id: string, h: StateRecord): boolean {
    const mem = permille(num(h, 'activeMemoryMiB'), num(h, 'capacityMemoryMiB'))
    const cpu = permille(num(h, 'activeCpuMhz'), num(h, 'capacityCpuMhz'))
    if (this.id !== null && (mem > this.mem || (mem === this.mem && cpu >= this.cpu))) return false
    this.id = id
    this.mem = mem
    this.cpu = cpu
    return true
  }
}

/**
 * The host a placement picks, without the table: the same verdicts and order as `place`, for
 * `validate`'s quiet pass. `stage` says who left no host: kube-scheduler's filters or DRS.
 */
export function pickHost(
  state: EngineState,
  hostIds: readonly string[],
  need: PlacementNeed,
): { host: string | null; stage: 'kube' | 'drs' } {
  const best = new Best()
  const isPod = need.kube !== undefined
  let passedKube = !isPod
  for (const id of hostIds) {
    const h = state.hosts[id]
    if (!h) continue
    const down = hostDown(state, id, isPod)
    if (need.kube && (down !== null || kubeShort(h, need.kube) !== null)) continue
    passedKube = true
    if (drsShort(id, h, down, need) === null) best.offer(id, h)
  }
  return { host: best.id, stage: passedKube ? 'drs' : 'kube' }
}

/**
 * Explained placement (DOMAIN.md 5). For a vSphere Pod kube-scheduler filters (node ready,
 * NodeResourcesFit on requests) and scores (LeastAllocated), then DRS takes the feasible hosts
 * and keeps those whose unreserved capacity covers reservation + overhead, preferring lower
 * active memory, then lower active CPU; exact ties go to the first host in order (`Best`).
 */
export function place(state: EngineState, hostIds: readonly string[], need: PlacementNeed): Placement {
  const isPod = need.kube !== undefined
  const rows: PlacementRow[] = []
  let chosen: PlacementRow | undefined
  const best = new Best()
  for (const id of hostIds) {
    const h = state.hosts[id]
    if (!h) continue
    const down = hostDown(state, id, isPod)
    const filters = need.kube ? kubeVerdicts(h, down, need.kube) : []
    const kubeOk = filters.every((f) => f.pass)
    const score = need.kube && kubeOk ? kubeScore(h, need.kube) : null
    const why = kubeOk ? drsText(id, h, down, need) : null
    const row: PlacementRow = {
      host: id,
      hostName: String(h['name'] ?? id),
      filters,
      score,
      unreservedCpuMhz: num(h, 'capacityCpuMhz') - num(h, 'reservedCpuMhz'),
      unreservedMemoryMiB: num(h, 'capacityMemoryMiB') - num(h, 'reservedMemoryMiB'),
      needCpuMhz: millisToMhz(need.reserveCpuMillis, num(h, 'mhzPerCore')),
      needMemoryMiB: need.reserveMemoryMiB + need.overheadMemoryMiB,
      activeCpuMhz: num(h, 'activeCpuMhz'),
      activeMemoryMiB: num(h, 'activeMemoryMiB'),
      drs: !kubeOk ? null : why === null ? DRS_PASS : { pass: false, reason: why },
      chosen: false,
    }
    rows.push(row)
    if (row.drs?.pass === true && best.offer(id, h)) chosen = row
  }
  if (chosen) chosen.chosen = true
  return {
    by: isPod ? 'kube-scheduler+drs' : 'drs',
    rows,
    chosen: chosen?.host ?? null,
    explanation: explain(rows, chosen, isPod),
  }
}

function explain(rows: readonly PlacementRow[], chosen: PlacementRow | undefined, isPod: boolean): string {
  const parts: string[] = []
  if (isPod) {
    const scored = rows.filter((r) => r.score !== null)
    const rejected = rows.filter((r) => r.score === null)
    parts.push(
      `kube-scheduler kept ${scored.length} of ${rows.length} hosts` +
        (rejected.length > 0
          ? ` (${listSome(rejected, (r) => `${r.hostName}: ${r.filters.find((f) => !f.pass)?.reason ?? 'filtered'}`)})`
          : ''),
    )
    if (scored.length > 0) {
      const best = Math.max(...scored.map((r) => r.score ?? 0))
      const top = scored.filter((r) => r.score === best)
      parts.push(
        top.length > 1
          ? `its scores tie ${top.length > 4 ? `${top.length} hosts` : listNames(top.map((r) => r.hostName))} at ${best}`
          : `it scores ${top[0]!.hostName} highest (${best})`,
      )
    }
  }
  const drsRejected = rows.filter((r) => r.drs?.pass === false)
  if (drsRejected.length > 0)
    parts.push(`DRS rejects ${drsRejected.map((r) => `${r.hostName} (${r.drs?.reason})`).join('; ')}`)
  if (chosen) {
    const others = rows.filter((r) => r.drs?.pass === true && r !== chosen)
    const shown = others.slice(0, 3).map((r) => `${gib(r.activeMemoryMiB)} on ${r.hostName}`)
    if (others.length > 3) shown.push(`${others.length - 3} more`)
    parts.push(
      `DRS picks ${chosen.hostName}` +
        (others.length > 0
          ? `, the lowest active usage (${gib(chosen.activeMemoryMiB)} active memory vs ${shown.join(', ')})`
          : ', the only feasible host'),
    )
  } else parts.push('no host is feasible')
  return parts.join('; ') + '.'
}

/** `a`, `a and b`, `a, b and c`. */
function listNames(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** The first few items of a long list, then how many more; the table on the step has them all. */
function listSome(rows: readonly PlacementRow[], show: (r: PlacementRow) => string, max = 4): string {
  const out = rows.slice(0, max).map(show)
  if (rows.length > max) out.push(`and ${rows.length - max} more`)
  return out.join('; ')
}
