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

/**
 * Explained placement (DOMAIN.md 5). For a vSphere Pod kube-scheduler filters (node ready,
 * NodeResourcesFit on requests) and scores (LeastAllocated), then DRS takes the feasible hosts
 * and keeps those whose unreserved capacity covers reservation + overhead, preferring lower
 * active memory, then lower active CPU; `tieBreak` (0..1, seeded) settles exact ties.
 */
export function place(
  state: EngineState,
  hostIds: readonly string[],
  need: PlacementNeed,
  tieBreak: number,
): Placement {
  const isPod = need.kube !== undefined
  const rows: PlacementRow[] = []
  for (const id of hostIds) {
    const h = state.hosts[id]
    if (!h) continue
    const mhz = num(h, 'mhzPerCore')
    const capCpu = num(h, 'capacityCpuMhz')
    const capMem = num(h, 'capacityMemoryMiB')
    const unreservedCpu = capCpu - num(h, 'reservedCpuMhz')
    const unreservedMem = capMem - num(h, 'reservedMemoryMiB')
    const needCpu = millisToMhz(need.reserveCpuMillis, mhz)
    const needMem = need.reserveMemoryMiB + need.overheadMemoryMiB
    const down = hostDown(h, state.objects[`${id}/spherelet`], isPod)
    const filters: FilterVerdict[] = []
    let score: number | null = null
    if (need.kube) {
      filters.push(down === null ? READY_PASS : { filter: 'NodeReady', pass: false, reason: down })
      const allocCpu = (capCpu / mhz) * 1000
      const usedCpu = num(h, 'podCpuMillis') + need.kube.cpuMillis
      const usedMem = num(h, 'podMemoryMiB') + need.kube.memoryMiB
      const fit =
        usedCpu > allocCpu
          ? `Insufficient cpu: ${usedCpu}m requested of ${allocCpu}m allocatable`
          : usedMem > capMem
            ? `Insufficient memory: ${gib(usedMem)} requested of ${gib(capMem)} allocatable`
            : null
      filters.push(fit === null ? FIT_PASS : { filter: 'NodeResourcesFit', pass: false, reason: fit })
      if (filters.every((f) => f.pass))
        score = Math.round(((1 - usedCpu / allocCpu + (1 - usedMem / capMem)) / 2) * 100)
    }
    const reachesDrs = need.kube ? score !== null : true
    let drs: PlacementRow['drs'] = null
    if (reachesDrs) {
      const avoid = need.avoid?.get(id)
      const why =
        (!isPod ? down : null) ??
        avoid ??
        (unreservedCpu < needCpu
          ? `unreserved CPU ${unreservedCpu} MHz < ${needCpu} MHz reservation`
          : unreservedMem < needMem
            ? `unreserved memory ${gib(unreservedMem)} < ${gib(need.reserveMemoryMiB)} reservation + ${gib(need.overheadMemoryMiB)} overhead`
            : null)
      drs = why === null ? DRS_PASS : { pass: false, reason: why }
    }
    rows.push({
      host: id,
      hostName: String(h['name'] ?? id),
      filters,
      score,
      unreservedCpuMhz: unreservedCpu,
      unreservedMemoryMiB: unreservedMem,
      needCpuMhz: needCpu,
      needMemoryMiB: needMem,
      activeCpuMhz: num(h, 'activeCpuMhz'),
      activeMemoryMiB: num(h, 'activeMemoryMiB'),
      drs,
      chosen: false,
    })
  }
  // DRS prefers lower active memory, then lower active CPU (per mille of capacity).
  const feasible: { row: PlacementRow; mem: number; cpu: number }[] = []
  for (const row of rows)
    if (row.drs?.pass === true) {
      const h = state.hosts[row.host]!
      feasible.push({
        row,
        mem: permille(row.activeMemoryMiB, num(h, 'capacityMemoryMiB')),
        cpu: permille(row.activeCpuMhz, num(h, 'capacityCpuMhz')),
      })
    }
  feasible.sort((a, b) => a.mem - b.mem || a.cpu - b.cpu)
  let chosen: PlacementRow | undefined
  const first = feasible[0]
  if (first) {
    let ties = 1
    while (ties < feasible.length && feasible[ties]!.mem === first.mem && feasible[ties]!.cpu === first.cpu)
      ties++
    chosen = (feasible[Math.floor(tieBreak * ties)] ?? first).row
    chosen.chosen = true
  }
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
