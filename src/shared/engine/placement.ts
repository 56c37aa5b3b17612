import { millisToMhz } from './sizing'
import type { EngineState, FilterVerdict, Placement, PlacementRow, PlacementRule, StateRecord } from './types'

/** What a placement asks of a host. Pods pass `requestCpuMillis`; VMs are placed by DRS alone. */
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

export interface ApartNeed {
  rule: PlacementRule
  /** Host id to the name of the member already there. */
  taken: ReadonlyMap<string, string>
}

interface Ranked {
  row: PlacementRow
  /** Soft rules the host would break. */
  conflicts: number
  mem: number
  cpu: number
}

const num = (rec: StateRecord, key: string) => Number(rec[key] ?? 0)
// Passing verdicts are identical on most rows of most tables: share one frozen copy of each
// (a 10,000-pod run holds 640,000 rows).
const READY_PASS: FilterVerdict = Object.freeze({ filter: 'NodeReady', pass: true })
const FIT_PASS: FilterVerdict = Object.freeze({ filter: 'NodeResourcesFit', pass: true })
const DRS_PASS: NonNullable<PlacementRow['drs']> = Object.freeze({ pass: true })
const RULE_PASS = Object.freeze({ pass: true })
const permille = (part: number, whole: number) => (whole <= 0 ? 1000 : Math.floor((part * 1000) / whole))
/** Memory for a sentence: whole GiB plainly, otherwise GiB to one decimal. */
export const gib = (mib: number) =>
  mib % 1024 === 0 && mib > 0
    ? `${mib / 1024} GiB`
    : mib < 1024
      ? `${mib} MiB`
      : `${(mib / 1024).toFixed(1)} GiB`

function hostDown(host: StateRecord, spherelet: StateRecord | undefined, isPod: boolean): string | null {
  if (host['state'] === 'failed') return 'host failed: node NotReady'
  if (host['state'] === 'maintenance') return 'host in maintenance mode: node unschedulable'
  if (isPod && spherelet?.['status'] !== 'Running') return 'no running Spherelet: not a Supervisor node'
  return null
}

/**
 * Explained placement (DOMAIN.md 5). For a vSphere Pod kube-scheduler filters (node ready,
 * NodeResourcesFit on requests) and scores (LeastAllocated), then DRS takes the feasible hosts
 * and keeps those whose unreserved capacity covers reservation + overhead and break no hard
 * rule, preferring hosts that break no soft rule, then lower active memory, then lower active
 * CPU; `tieBreak` (0..1, seeded) settles exact ties (DRS publishes no tie-break; assumed).
 */
export function place(
  state: EngineState,
  hostIds: readonly string[],
  need: PlacementNeed,
  tieBreak: number,
): Placement {
  const isPod = need.kube !== undefined
  const rows: PlacementRow[] = []
  const feasible: Ranked[] = []
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
    let conflicts = 0
    let hardWhy: string | null = null
    const verdicts = need.rules?.map(({ rule, taken }) => {
      const other = taken.get(id)
      if (other === undefined) return RULE_PASS
      if (rule.hard) hardWhy ??= `anti-affinity: ${other} runs here`
      else conflicts++
      return { pass: false, reason: `${other} runs here` }
    })
    let drs: PlacementRow['drs'] = null
    if (reachesDrs) {
      const avoid = need.avoid?.get(id)
      const why =
        (!isPod ? down : null) ??
        avoid ??
        hardWhy ??
        (unreservedCpu < needCpu
          ? `unreserved CPU ${unreservedCpu} MHz < ${needCpu} MHz reservation`
          : unreservedMem < needMem
            ? `unreserved memory ${gib(unreservedMem)} < ${gib(need.reserveMemoryMiB)} reservation + ${gib(need.overheadMemoryMiB)} overhead`
            : null)
      drs = why === null ? DRS_PASS : { pass: false, reason: why }
    }
    const row: PlacementRow = {
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
    }
    if (verdicts) row.rules = verdicts
    rows.push(row)
    if (drs?.pass === true)
      feasible.push({
        row,
        conflicts,
        mem: permille(row.activeMemoryMiB, capMem),
        cpu: permille(row.activeCpuMhz, capCpu),
      })
  }
  // DRS keeps the soft rules where it can, then prefers lower active memory, then lower active
  // CPU (per mille of capacity).
  feasible.sort((a, b) => a.conflicts - b.conflicts || a.mem - b.mem || a.cpu - b.cpu)
  let ties = 0
  const first = feasible[0]
  if (first) while (ties < feasible.length && same(feasible[ties]!, first)) ties++
  const chosen = first ? (feasible[Math.floor(tieBreak * ties)] ?? first) : undefined
  if (chosen) chosen.row.chosen = true
  const parts = explainScheduler(rows, isPod)
  parts.push(...explainDrs(rows, feasible, ties, chosen))
  if (need.rules && need.rules.length > 0) parts.push(...explainRules(need.rules, rows, feasible, chosen))
  return {
    by: isPod ? 'kube-scheduler+drs' : 'drs',
    rows,
    chosen: chosen?.row.host ?? null,
    explanation: parts.join('; ') + '.',
    ...(need.rules && need.rules.length > 0 ? { rules: need.rules.map((n) => n.rule) } : {}),
  }
}

const same = (a: Ranked, b: Ranked) => a.conflicts === b.conflicts && a.mem === b.mem && a.cpu === b.cpu

function explainScheduler(rows: readonly PlacementRow[], isPod: boolean): string[] {
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
  return parts
}

/** What DRS rejected and why it picks the host it picks, ties said as ties. */
function explainDrs(
  rows: readonly PlacementRow[],
  feasible: readonly Ranked[],
  ties: number,
  chosen: Ranked | undefined,
): string[] {
  const parts: string[] = []
  // Hosts rejected for the same reason (a full zone pool, a failed host) are named together.
  const byReason = new Map<string, string[]>()
  for (const r of rows)
    if (r.drs?.pass === false) {
      const why = r.drs.reason ?? 'rejected'
      const list = byReason.get(why)
      if (list) list.push(r.hostName)
      else byReason.set(why, [r.hostName])
    }
  if (byReason.size > 0)
    parts.push(
      `DRS rejects ${[...byReason].map(([why, names]) => `${listNames(names)} (${why})`).join('; ')}`,
    )
  if (!chosen) {
    parts.push('no host is feasible')
    return parts
  }
  const name = chosen.row.hostName
  if (feasible.length === 1) {
    parts.push(`DRS picks ${name}, the only feasible host`)
    return parts
  }
  const rest = feasible.slice(ties).filter((f) => f.conflicts === chosen.conflicts)
  const busier = (list: readonly Ranked[]) => {
    const shown = list.slice(0, 3).map((f) => `${gib(f.row.activeMemoryMiB)} on ${f.row.hostName}`)
    if (list.length > 3) shown.push(`${list.length - 3} more`)
    return shown.join(', ')
  }
  if (ties > 1) {
    const tied = feasible.slice(0, ties)
    const who =
      ties === feasible.length
        ? `all ${count(ties)} ${ties === rows.length ? '' : 'feasible '}hosts`
        : ties > 4
          ? `${count(ties)} hosts`
          : listNames(tied.map((f) => f.row.hostName))
    const mems = new Set(tied.map((f) => f.row.activeMemoryMiB))
    const at =
      mems.size === 1
        ? `${gib(chosen.row.activeMemoryMiB)} active memory`
        : `${(chosen.mem / 10).toFixed(1)}% active memory`
    parts.push(
      `${who} tie at ${at}; DRS picks ${name} by the run's seeded draw among them (DRS publishes no tie-break; assumed)` +
        (rest.length > 0 ? ` (busier: ${busier(rest)})` : ''),
    )
    return parts
  }
  const next = rest[0]
  if (!next) {
    parts.push(`DRS picks ${name}`)
    return parts
  }
  parts.push(
    next.mem === chosen.mem
      ? `DRS picks ${name}: the same active memory as ${next.row.hostName} and the least active CPU (${chosen.row.activeCpuMhz} MHz vs ${next.row.activeCpuMhz} MHz)`
      : `DRS picks ${name}, the lowest active usage (${gib(chosen.row.activeMemoryMiB)} active memory vs ${busier(rest)})`,
  )
  return parts
}

/** Whether the pick keeps each rule, and what breaking a soft one means. */
function explainRules(
  needs: readonly ApartNeed[],
  rows: readonly PlacementRow[],
  feasible: readonly Ranked[],
  chosen: Ranked | undefined,
): string[] {
  const out: string[] = []
  needs.forEach(({ rule, taken }, i) => {
    const kept = chosen?.row.rules?.[i]?.pass !== false
    if (!chosen) {
      if (rule.hard && taken.size > 0) out.push(`${rule.name} may not share a host (${rule.source})`)
      return
    }
    if (kept) {
      if (taken.size > 0)
        out.push(
          `this keeps ${rule.name} apart (${listNames(hostNamesOf(taken, rows))} already run${taken.size === 1 ? 's' : ''} one)`,
        )
      return
    }
    out.push(
      `no feasible host keeps ${rule.name} apart (each of the ${count(feasible.length)} already runs a member: fewer hosts than members), so the soft rule is broken (${rule.source}); DRS separates them when a host allows it`,
    )
  })
  return out
}

/** Names of the taken hosts shown in the table (ids when a host is not shown). */
function hostNamesOf(taken: ReadonlyMap<string, string>, rows: readonly PlacementRow[]): string[] {
  return [...taken.keys()].sort().map((h) => rows.find((r) => r.host === h)?.hostName ?? h)
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
/** A small count in words, a large one in digits. */
export const count = (n: number) => WORDS[n] ?? String(n)

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
