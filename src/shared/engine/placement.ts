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

function hostDown(host: StateRecord, spherelet: StateRecord | undefined, isPod: boolean): string | null {
  if (host['state'] === 'failed') return 'host failed: node NotReady'
  if (host['state'] === 'maintenance') return 'host in maintenance mode: node unschedulable'
  if (isPod && spherelet?.['status'] !== 'Running') return 'no running Spherelet: not a Supervisor node'
  return null
}

/** Why kube-scheduler's NodeResourcesFit rejects a host for these requests, or null. */
function kubeFit(h: StateRecord, kube: { cpuMillis: number; memoryMiB: number }): string | null {
  const capMem = num(h, 'capacityMemoryMiB')
  const allocCpu = (num(h, 'capacityCpuMhz') / num(h, 'mhzPerCore')) * 1000
  const usedCpu = num(h, 'podCpuMillis') + kube.cpuMillis
  const usedMem = num(h, 'podMemoryMiB') + kube.memoryMiB
  return usedCpu > allocCpu
    ? `Insufficient cpu: ${usedCpu}m requested of ${allocCpu}m allocatable`
    : usedMem > capMem
      ? `Insufficient memory: ${gib(usedMem)} requested of ${gib(capMem)} allocatable`
      : null
}

function kubeVerdicts(
  h: StateRecord,
  down: string | null,
  kube: { cpuMillis: number; memoryMiB: number },
): FilterVerdict[] {
  const fit = kubeFit(h, kube)
  return [
    down === null ? READY_PASS : { filter: 'NodeReady', pass: false, reason: down },
    fit === null ? FIT_PASS : { filter: 'NodeResourcesFit', pass: false, reason: fit },
  ]
}

/** kube-scheduler's LeastAllocated score (0-100) of a host that passed the filters. */
function kubeScore(h: StateRecord, kube: { cpuMillis: number; memoryMiB: number }): number {
  const allocCpu = (num(h, 'capacityCpuMhz') / num(h, 'mhzPerCore')) * 1000
  const capMem = num(h, 'capacityMemoryMiB')
  const usedCpu = num(h, 'podCpuMillis') + kube.cpuMillis
  const usedMem = num(h, 'podMemoryMiB') + kube.memoryMiB
  return Math.round(((1 - usedCpu / allocCpu + (1 - usedMem / capMem)) / 2) * 100)
}

/** Why DRS rejects a host: down (VMs; pods met NodeReady), avoided, or short of unreserved capacity. */
function drsProblem(id: string, h: StateRecord, down: string | null, need: PlacementNeed): string | null {
  const needCpu = millisToMhz(need.reserveCpuMillis, num(h, 'mhzPerCore'))
  const needMem = need.reserveMemoryMiB + need.overheadMemoryMiB
  const unreservedCpu = num(h, 'capacityCpuMhz') - num(h, 'reservedCpuMhz')
  const unreservedMem = num(h, 'capacityMemoryMiB') - num(h, 'reservedMemoryMiB')
  return (
    (need.kube === undefined ? down : null) ??
    need.avoid?.get(id) ??
    (unreservedCpu < needCpu
      ? `unreserved CPU ${unreservedCpu} MHz < ${needCpu} MHz reservation`
      : unreservedMem < needMem
        ? `unreserved memory ${gib(unreservedMem)} < ${gib(need.reserveMemoryMiB)} reservation + ${gib(need.overheadMemoryMiB)} overhead`
        : null)
  )
}

/** DRS's preference among feasible hosts: lower active memory, then lower active CPU (per mille). */
const drsRank = (h: StateRecord) => [
  permille(num(h, 'activeMemoryMiB'), num(h, 'capacityMemoryMiB')),
  permille(num(h, 'activeCpuMhz'), num(h, 'capacityCpuMhz')),
]

/**
 * True when DRS prefers `a` over `b`. On an exact tie the host listed first (host ids in order)
 * wins: DRS publishes no tie rule, so the lab takes a fixed one (assumed), which keeps placement
 * independent of the seed and lets `validate` predict it.
 */
const prefers = (a: readonly number[], b: readonly number[]) =>
  a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!)

const downOf = (state: EngineState, id: string, isPod: boolean) =>
  hostDown(state.hosts[id]!, state.objects[`${id}/spherelet`], isPod)

/**
 * The host a placement picks, without the table: the same verdicts and order as `place`, for
 * `validate`'s quiet pass. `stage` says who left no host: kube-scheduler's filters or DRS.
 */
export function pickHost(
  state: EngineState,
  hostIds: readonly string[],
  need: PlacementNeed,
): { host: string | null; stage: 'kube' | 'drs' } {
  let best: string | null = null
  let bestRank: number[] = []
  let passedKube = need.kube === undefined
  for (const id of hostIds) {
    const h = state.hosts[id]
    if (!h) continue
    const down = downOf(state, id, need.kube !== undefined)
    if (need.kube && (down !== null || kubeFit(h, need.kube) !== null)) continue
    passedKube = true
    if (drsProblem(id, h, down, need) !== null) continue
    const rank = drsRank(h)
    if (best === null || prefers(rank, bestRank)) {
      best = id
      bestRank = rank
    }
  }
  return { host: best, stage: passedKube ? 'drs' : 'kube' }
}

/**
 * Explained placement (DOMAIN.md 5). For a vSphere Pod kube-scheduler filters (node ready,
 * NodeResourcesFit on requests) and scores (LeastAllocated), then DRS takes the feasible hosts
 * and keeps those whose unreserved capacity covers reservation + overhead, preferring lower
 * active memory, then lower active CPU; exact ties go to the first host in order (`prefers`).
 */
export function place(state: EngineState, hostIds: readonly string[], need: PlacementNeed): Placement {
  const isPod = need.kube !== undefined
  const rows: PlacementRow[] = []
  let chosen: PlacementRow | undefined
  let chosenRank: number[] = []
  for (const id of hostIds) {
    const h = state.hosts[id]
    if (!h) continue
    const down = downOf(state, id, isPod)
    const filters = need.kube ? kubeVerdicts(h, down, need.kube) : []
    const kubeOk = filters.every((f) => f.pass)
    const score = need.kube && kubeOk ? kubeScore(h, need.kube) : null
    const why = kubeOk ? drsProblem(id, h, down, need) : null
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
    if (row.drs?.pass !== true) continue
    const rank = drsRank(h)
    if (!chosen || prefers(rank, chosenRank)) {
      chosen = row
      chosenRank = rank
    }
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
