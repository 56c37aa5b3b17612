import type { Assessment, Ranking } from './placement-assess'
import { byName, count, gib, listNames } from './placement-words'

/**
 * A placement in one sentence (DOMAIN.md 5): what kube-scheduler kept and scored, what DRS
 * rejected and why it picks the host it picks (ties said as ties, with the lab's tie rule), and
 * whether the pick keeps each anti-affinity rule. Read from the assessment's columns, so the
 * planner explains without building the per-host table.
 */
export function explain(a: Assessment, ranking: Ranking): string {
  const parts = a.isPod ? explainScheduler(a) : []
  explainDrs(a, ranking, parts)
  if (a.need.rules !== undefined && a.need.rules.length > 0) explainRules(a, ranking, parts)
  return parts.join('; ') + '.'
}

/** Most placements reject nothing and tie nothing odd: their sentences are built without lists. */
function explainScheduler(a: Assessment): string[] {
  const n = a.length
  const rejected: string[] = []
  let best = -1
  let atBest = 0
  const bestNames: string[] = []
  for (let i = 0; i < n; i++) {
    const score = a.score[i]
    if (score === null || score === undefined) {
      if (rejected.length < 4) rejected.push(`${a.name(i)}: ${a.kubeReason(i) ?? 'filtered'}`)
      continue
    }
    if (score > best) {
      best = score
      atBest = 0
      bestNames.length = 0
    }
    if (score === best) {
      atBest++
      if (bestNames.length < 5) bestNames.push(a.name(i))
    }
  }
  const dropped = n - a.kept
  if (dropped > 4) rejected.push(`and ${dropped - 4} more`)
  const parts = [
    `kube-scheduler kept ${a.kept} of ${n} hosts` + (dropped > 0 ? ` (${rejected.join('; ')})` : ''),
  ]
  if (a.kept > 0)
    parts.push(
      atBest > 1
        ? `its scores tie ${atBest > 4 ? `${atBest} hosts` : listNames(bestNames)} at ${best}`
        : `it scores ${bestNames[0]} highest (${best})`,
    )
  return parts
}

/** What DRS rejected and why it picks the host it picks, ties said as ties. */
function explainDrs(a: Assessment, ranking: Ranking, parts: string[]): void {
  const { top, ties } = ranking
  const feasible = a.feasible.length
  // Hosts rejected for the same reason (a full zone pool, a failed host) are named together.
  if (a.kept > feasible) {
    const byReason = new Map<string, string[]>()
    for (let i = 0; i < a.length; i++) {
      const why = a.drsReason(i)
      if (why === null) continue
      const list = byReason.get(why)
      if (list) list.push(a.name(i))
      else byReason.set(why, [a.name(i)])
    }
    parts.push(
      `DRS rejects ${[...byReason].map(([why, names]) => `${listNames(names)} (${why})`).join('; ')}`,
    )
  }
  const chosen = top[0]
  if (chosen === undefined) {
    parts.push('no host is feasible')
    return
  }
  const name = a.name(chosen)
  if (feasible === 1) {
    parts.push(`DRS picks ${name}, the only feasible host`)
    return
  }
  const rest = top.slice(ties)
  const activeMemory = (i: number) => num(a, i, 'activeMemoryMiB')
  const busier = () => {
    const shown = rest.map((i) => `${gib(activeMemory(i))} on ${a.name(i)}`)
    if (ranking.busier > rest.length) shown.push(`${ranking.busier - rest.length} more`)
    return shown.join(', ')
  }
  if (ties > 1) {
    const level = top.slice(0, ties)
    const who =
      ties === feasible
        ? `${ties === 2 ? 'both' : `all ${count(ties)}`} ${ties === a.length ? '' : 'feasible '}hosts`
        : ties > 4
          ? `${count(ties)} hosts`
          : listNames(level.map((i) => a.name(i)))
    const sameMemory = level.every((i) => activeMemory(i) === activeMemory(chosen))
    const at = sameMemory
      ? `${gib(activeMemory(chosen))} active memory`
      : `${(a.mem[chosen]! / 10).toFixed(1)}% active memory`
    parts.push(
      `${who} tie at ${at}; DRS picks ${name}, the first of them by name (DRS publishes no tie-break; the lab's rule, assumed)` +
        (rest.length > 0 ? ` (busier: ${busier()})` : ''),
    )
    return
  }
  // Hosts that would break a soft rule rank after every host that keeps it.
  const keepers = ranking.skipped ? ' among the hosts that keep its soft rule' : ''
  const next = rest[0]
  if (next === undefined) {
    parts.push(`DRS picks ${name}, the only feasible host that keeps the soft rule`)
    return
  }
  parts.push(
    a.mem[next] === a.mem[chosen]
      ? `DRS picks ${name}: the same active memory as ${a.name(next)} and the least active CPU${keepers} (${num(a, chosen, 'activeCpuMhz')} MHz vs ${num(a, next, 'activeCpuMhz')} MHz)`
      : `DRS picks ${name}, the lowest active usage${keepers} (${gib(activeMemory(chosen))} active memory vs ${busier()})`,
  )
}

const num = (a: Assessment, i: number, key: string) => Number(a.recs[i]![key] ?? 0)

/** Whether the pick keeps each rule, and what breaking a soft one means. */
function explainRules(a: Assessment, ranking: Ranking, out: string[]): void {
  const chosen = ranking.top[0]
  const hostName = (id: string) => String(a.state.hosts[id]?.['name'] ?? id)
  for (const { rule, taken } of a.need.rules!) {
    if (chosen === undefined) {
      if (rule.hard && taken.size > 0) out.push(`${rule.name} may not share a host (${rule.source})`)
      continue
    }
    if (!taken.has(a.ids[chosen]!)) {
      if (taken.size > 0)
        out.push(
          `this keeps ${rule.name} apart (${listNames([...taken.keys()].map(hostName).sort(byName))} already run${taken.size === 1 ? 's' : ''} one)`,
        )
      continue
    }
    out.push(
      `no feasible host keeps ${rule.name} apart (each of the ${count(a.feasible.length)} already runs a member: fewer hosts than members), so the soft rule is broken (${rule.source}); DRS separates them when a host allows it`,
    )
  }
}
