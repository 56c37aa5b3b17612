import type { PlacementRow, PlacementRule } from './types'

/** A rule that keeps VMs apart, with the hosts another member already runs on (host id to its name). */
export interface ApartNeed {
  rule: PlacementRule
  taken: ReadonlyMap<string, string>
}

/** A host DRS found feasible, with what it ranks by (placement.ts `preferred`). */
export interface Ranked {
  row: PlacementRow
  /** Soft rules the host would break. */
  conflicts: number
  /** Active memory and CPU, per mille of capacity. */
  mem: number
  cpu: number
}

/** Memory for a sentence: whole GiB plainly, otherwise GiB to one decimal. */
export const gib = (mib: number) =>
  mib % 1024 === 0 && mib > 0
    ? `${mib / 1024} GiB`
    : mib < 1024
      ? `${mib} MiB`
      : `${(mib / 1024).toFixed(1)} GiB`

/** DRS's order among feasible hosts as far as the explanation reads it (placement.ts `rank`). */
export interface Ranking {
  /** The chosen host and those tied with it (`ties` of them), then up to BUSIER_SHOWN busier hosts. */
  top: readonly Ranked[]
  ties: number
  /** Feasible hosts in all. */
  count: number
  /** Feasible hosts after the tied ones that break no more soft rules than the chosen. */
  busier: number
  /** Whether some feasible host was passed over for breaking a soft rule. */
  skipped: boolean
}

/** How many busier hosts an explanation names before "N more". */
export const BUSIER_SHOWN = 3

/**
 * A placement in one sentence (DOMAIN.md 5): what kube-scheduler kept and scored, what DRS
 * rejected and why it picks the host it picks (ties said as ties, with the lab's tie rule), and
 * whether the pick keeps each anti-affinity rule.
 */
export function explain(
  rows: readonly PlacementRow[],
  ranking: Ranking,
  isPod: boolean,
  rules: readonly ApartNeed[],
  hostName: (id: string) => string,
): string {
  const parts = explainScheduler(rows, isPod)
  parts.push(...explainDrs(rows, ranking))
  if (rules.length > 0) parts.push(...explainRules(rules, ranking, hostName))
  return parts.join('; ') + '.'
}

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
function explainDrs(rows: readonly PlacementRow[], ranking: Ranking): string[] {
  const { top, ties, count: feasible } = ranking
  const chosen = top[0]
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
  if (feasible === 1) {
    parts.push(`DRS picks ${name}, the only feasible host`)
    return parts
  }
  const rest = top.slice(ties)
  const busier = () => {
    const shown = rest.map((f) => `${gib(f.row.activeMemoryMiB)} on ${f.row.hostName}`)
    if (ranking.busier > rest.length) shown.push(`${ranking.busier - rest.length} more`)
    return shown.join(', ')
  }
  if (ties > 1) {
    const level = top.slice(0, ties)
    const who =
      ties === feasible
        ? `${ties === 2 ? 'both' : `all ${count(ties)}`} ${ties === rows.length ? '' : 'feasible '}hosts`
        : ties > 4
          ? `${count(ties)} hosts`
          : listNames(level.map((f) => f.row.hostName))
    const mems = new Set(level.map((f) => f.row.activeMemoryMiB))
    const at =
      mems.size === 1
        ? `${gib(chosen.row.activeMemoryMiB)} active memory`
        : `${(chosen.mem / 10).toFixed(1)}% active memory`
    parts.push(
      `${who} tie at ${at}; DRS picks ${name}, the first of them by name (DRS publishes no tie-break; the lab's rule, assumed)` +
        (rest.length > 0 ? ` (busier: ${busier()})` : ''),
    )
    return parts
  }
  // Hosts that would break a soft rule rank after every host that keeps it.
  const keepers = ranking.skipped ? ' among the hosts that keep its soft rule' : ''
  const next = rest[0]
  if (!next) {
    parts.push(`DRS picks ${name}, the only feasible host that keeps the soft rule`)
    return parts
  }
  parts.push(
    next.mem === chosen.mem
      ? `DRS picks ${name}: the same active memory as ${next.row.hostName} and the least active CPU${keepers} (${chosen.row.activeCpuMhz} MHz vs ${next.row.activeCpuMhz} MHz)`
      : `DRS picks ${name}, the lowest active usage${keepers} (${gib(chosen.row.activeMemoryMiB)} active memory vs ${busier()})`,
  )
  return parts
}

/** Whether the pick keeps each rule, and what breaking a soft one means. */
function explainRules(
  needs: readonly ApartNeed[],
  ranking: Ranking,
  hostName: (id: string) => string,
): string[] {
  const chosen = ranking.top[0]
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
          `this keeps ${rule.name} apart (${listNames([...taken.keys()].map(hostName).sort(byName))} already run${taken.size === 1 ? 's' : ''} one)`,
        )
      return
    }
    out.push(
      `no feasible host keeps ${rule.name} apart (each of the ${count(ranking.count)} already runs a member: fewer hosts than members), so the soft rule is broken (${rule.source}); DRS separates them when a host allows it`,
    )
  })
  return out
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
/** A small count in words, a large one in digits. */
export const count = (n: number) => WORDS[n] ?? String(n)

/** Names in reading order: esxi-2 before esxi-10. */
export const naturalKey = (name: string) => name.replace(/\d+/g, (d) => d.padStart(10, '0'))
const byName = (a: string, b: string) => (naturalKey(a) < naturalKey(b) ? -1 : 1)

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
