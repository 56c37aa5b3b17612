import { explain, gib, naturalKey, type ApartNeed, type Ranked } from './placement-explain'
import { millisToMhz } from './sizing'
import type { EngineState, FilterVerdict, Placement, PlacementRow, StateRecord } from './types'

export { count, gib, type ApartNeed, type Ranked } from './placement-explain'

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

const num = (rec: StateRecord, key: string) => Number(rec[key] ?? 0)
// Passing verdicts are identical on most rows of most tables: share one frozen copy of each
// (a 10,000-pod run holds 640,000 rows).
const READY_PASS: FilterVerdict = Object.freeze({ filter: 'NodeReady', pass: true })
const FIT_PASS: FilterVerdict = Object.freeze({ filter: 'NodeResourcesFit', pass: true })
const DRS_PASS: NonNullable<PlacementRow['drs']> = Object.freeze({ pass: true })
const RULE_PASS = Object.freeze({ pass: true })
const permille = (part: number, whole: number) => (whole <= 0 ? 1000 : Math.floor((part * 1000) / whole))

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

/** The soft rules a host breaks, and the first hard one, if any (a member of it runs there). */
function ruleConflicts(id: string, need: PlacementNeed): { soft: number; hard: string | null } {
  let soft = 0
  let hard: string | null = null
  for (const { rule, taken } of need.rules ?? []) {
    const other = taken.get(id)
    if (other === undefined) continue
    if (rule.hard) hard ??= other
    else soft++
  }
  return { soft, hard }
}

type Short = 'down' | 'avoid' | 'rule' | 'cpu' | 'memory' | null

/** Why DRS rejects a host: down (VMs; pods met NodeReady), avoided, a hard rule, or short of unreserved capacity. */
function drsShort(id: string, h: StateRecord, down: Down, need: PlacementNeed, hard: string | null): Short {
  if (need.kube === undefined && down !== null) return 'down'
  if (need.avoid?.has(id)) return 'avoid'
  if (hard !== null) return 'rule'
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

function drsText(
  id: string,
  h: StateRecord,
  short: Exclude<Short, null>,
  down: Down,
  need: PlacementNeed,
  hard: string | null,
): string {
  if (short === 'down') return DOWN_TEXT[down!]
  if (short === 'avoid') return need.avoid!.get(id)!
  if (short === 'rule') return `anti-affinity: ${hard} runs here`
  if (short === 'cpu')
    return `unreserved CPU ${num(h, 'capacityCpuMhz') - num(h, 'reservedCpuMhz')} MHz < ${millisToMhz(need.reserveCpuMillis, num(h, 'mhzPerCore'))} MHz reservation`
  return `unreserved memory ${gib(num(h, 'capacityMemoryMiB') - num(h, 'reservedMemoryMiB'))} < ${gib(need.reserveMemoryMiB)} reservation + ${gib(need.overheadMemoryMiB)} overhead`
}

/**
 * DRS's preference among feasible hosts: one that keeps the soft rules, then lower active memory,
 * then lower active CPU (per mille of capacity). An exact tie goes to the host first by name
 * (numbers in names read as numbers): DRS publishes no tie rule, so the lab takes a fixed one
 * (assumed), which keeps placement independent of the seed and lets `validate` predict it.
 * Negative when `a` is preferred.
 */
export function preferred(a: Ranked, b: Ranked): number {
  return (
    a.conflicts - b.conflicts ||
    a.mem - b.mem ||
    a.cpu - b.cpu ||
    (naturalKey(a.row.hostName) < naturalKey(b.row.hostName) ? -1 : 1)
  )
}

const ranked = (h: StateRecord, row: PlacementRow, conflicts: number): Ranked => ({
  row,
  conflicts,
  mem: permille(num(h, 'activeMemoryMiB'), num(h, 'capacityMemoryMiB')),
  cpu: permille(num(h, 'activeCpuMhz'), num(h, 'capacityCpuMhz')),
})

/** Just enough of a row for ranking (the quiet pass builds no table). */
const bareRow = (id: string, h: StateRecord): PlacementRow =>
  ({ host: id, hostName: String(h['name'] ?? id) }) as PlacementRow

/**
 * The host a placement picks, without the table: the same verdicts and order as `place`, for
 * `validate`'s quiet pass. `stage` says who left no host: kube-scheduler's filters or DRS;
 * `breaks` whether the pick breaks a soft rule (no feasible host keeps it).
 */
export function pickHost(
  state: EngineState,
  hostIds: readonly string[],
  need: PlacementNeed,
): { host: string | null; stage: 'kube' | 'drs'; breaks: boolean } {
  let best: Ranked | null = null
  const isPod = need.kube !== undefined
  let passedKube = !isPod
  for (const id of hostIds) {
    const h = state.hosts[id]
    if (!h) continue
    const down = hostDown(state, id, isPod)
    if (need.kube && (down !== null || kubeShort(h, need.kube) !== null)) continue
    passedKube = true
    const rules = ruleConflicts(id, need)
    if (drsShort(id, h, down, need, rules.hard) !== null) continue
    const r = ranked(h, bareRow(id, h), rules.soft)
    if (best === null || preferred(r, best) < 0) best = r
  }
  return {
    host: best?.row.host ?? null,
    stage: passedKube ? 'drs' : 'kube',
    breaks: best !== null && best.conflicts > 0,
  }
}

/**
 * Explained placement (DOMAIN.md 5). For a vSphere Pod kube-scheduler filters (node ready,
 * NodeResourcesFit on requests) and scores (LeastAllocated), then DRS takes the feasible hosts
 * and keeps those whose unreserved capacity covers reservation + overhead and break no hard
 * rule, preferring (`preferred`) hosts that break no soft rule, then lower active memory, then
 * lower active CPU; exact ties go to the first host by name.
 */
export function place(state: EngineState, hostIds: readonly string[], need: PlacementNeed): Placement {
  const isPod = need.kube !== undefined
  const rows: PlacementRow[] = []
  const feasible: Ranked[] = []
  for (const id of hostIds) {
    const h = state.hosts[id]
    if (!h) continue
    const down = hostDown(state, id, isPod)
    const filters = need.kube ? kubeVerdicts(h, down, need.kube) : []
    const kubeOk = filters.every((f) => f.pass)
    const score = need.kube && kubeOk ? kubeScore(h, need.kube) : null
    const rules = ruleConflicts(id, need)
    const short = kubeOk ? drsShort(id, h, down, need, rules.hard) : null
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
      drs: !kubeOk
        ? null
        : short === null
          ? DRS_PASS
          : { pass: false, reason: drsText(id, h, short, down, need, rules.hard) },
      chosen: false,
    }
    if (need.rules)
      row.rules = need.rules.map(({ taken }) => {
        const other = taken.get(id)
        return other === undefined ? RULE_PASS : { pass: false, reason: `${other} runs here` }
      })
    rows.push(row)
    if (row.drs?.pass === true) feasible.push(ranked(h, row, rules.soft))
  }
  feasible.sort(preferred)
  const chosen = feasible[0]
  if (chosen) chosen.row.chosen = true
  const hasRules = need.rules !== undefined && need.rules.length > 0
  return {
    by: isPod ? 'kube-scheduler+drs' : 'drs',
    rows,
    chosen: chosen?.row.host ?? null,
    explanation: explain(rows, feasible, isPod, need.rules ?? [], (id) =>
      String(state.hosts[id]?.['name'] ?? id),
    ),
    ...(hasRules ? { rules: need.rules!.map((n) => n.rule) } : {}),
  }
}
