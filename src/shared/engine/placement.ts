import { assess, rank, type Assessment, type PlacementNeed } from './placement-assess'
import { explain } from './placement-explain'
import { tableOf } from './placement-table'
import type { EngineState, Placement, PlacementAsk, PlacementRow } from './types'

export { count, gib } from './placement-words'
export type { ApartNeed, PlacementNeed } from './placement-assess'

/*
 * Explained placement (DOMAIN.md 5). For a vSphere Pod kube-scheduler filters (node ready,
 * NodeResourcesFit on requests) and scores (LeastAllocated), then DRS takes the feasible hosts
 * and keeps those whose unreserved capacity covers reservation + overhead and break no hard rule,
 * preferring hosts that break no soft rule, then lower active memory, then lower active CPU (per
 * mille of capacity). An exact tie goes to the host first by name (numbers in names read as
 * numbers): DRS publishes no tie rule, so the lab takes a fixed one (assumed), which keeps
 * placement independent of the seed and lets `validate` predict it.
 */

const byOf = (a: Assessment): Placement['by'] => (a.isPod ? 'kube-scheduler+drs' : 'drs')
const rulesOf = (need: PlacementNeed) =>
  need.rules !== undefined && need.rules.length > 0 ? { rules: need.rules.map((n) => n.rule) } : {}

/** A placement with its per-host table, as of `state`. */
export function place(state: EngineState, hostIds: readonly string[], need: PlacementNeed): Placement {
  const a = assess(state, hostIds, need)
  const ranking = rank(a)
  const chosen = ranking.top[0]
  return {
    by: byOf(a),
    rows: tableOf(a, chosen),
    chosen: chosen === undefined ? null : a.ids[chosen]!,
    explanation: explain(a, ranking),
    ...rulesOf(need),
  }
}

/** What a flow learns from a placement, and what its step carries. */
export interface Decision {
  /**
   * What the step carries: who decided, the pick and the sentence, with the table left out and
   * its inputs kept (`ask`), so `placementTable` rebuilds it exactly when someone reads it.
   */
  placement: Placement
  chosen: string | null
  chosenName: string | null
  /** Hosts considered, and those kube-scheduler kept (all of them for a VM). */
  hosts: number
  kept: number
  /** Whether the chosen host breaks the placement's first rule (another member runs there). */
  breaks: boolean
  /** The table as of now (failure sentences name every host). */
  table(): PlacementRow[]
}

/** The planner's view of a placement: its state, and how many steps it has emitted. */
export interface PlacingState {
  readonly state: EngineState
  readonly emitted: number
}

/**
 * Decides a placement as `place` does, without building its table: the step keeps the inputs
 * (the hosts, the need, and that the state is the one after step `emitted`) instead of a row per
 * host (a 10,000-pod run would hold 640,000 rows).
 */
export function decide(p: PlacingState, hostIds: readonly string[], need: PlacementNeed): Decision {
  const a = assess(p.state, hostIds, need)
  const ranking = rank(a)
  const best = ranking.top[0]
  const chosen = best === undefined ? null : a.ids[best]!
  const rule = need.rules?.[0]
  return {
    placement: {
      by: byOf(a),
      rows: [],
      chosen,
      explanation: explain(a, ranking),
      ...rulesOf(need),
      ask: askOf(p.emitted, hostIds, need),
    },
    chosen,
    chosenName: best === undefined ? null : a.name(best),
    hosts: a.length,
    kept: a.kept,
    breaks: chosen !== null && rule !== undefined && rule.taken.has(chosen),
    table: () => tableOf(a, best),
  }
}

function askOf(after: number, hosts: readonly string[], need: PlacementNeed): PlacementAsk {
  const ask: PlacementAsk = {
    after,
    hosts: hosts as string[],
    reserveCpuMillis: need.reserveCpuMillis,
    reserveMemoryMiB: need.reserveMemoryMiB,
    overheadMemoryMiB: need.overheadMemoryMiB,
  }
  if (need.kube) ask.kube = need.kube
  if (need.avoid && need.avoid.size > 0) ask.avoid = [...need.avoid]
  if (need.rules) ask.taken = need.rules.map((r) => [...r.taken])
  return ask
}

/** The need a stored placement was decided on. */
function needOf(placement: Placement, ask: PlacementAsk): PlacementNeed {
  return {
    ...(ask.kube ? { kube: ask.kube } : {}),
    reserveCpuMillis: ask.reserveCpuMillis,
    reserveMemoryMiB: ask.reserveMemoryMiB,
    overheadMemoryMiB: ask.overheadMemoryMiB,
    ...(ask.avoid ? { avoid: new Map(ask.avoid) } : {}),
    ...(ask.taken
      ? { rules: ask.taken.map((taken, i) => ({ rule: placement.rules![i]!, taken: new Map(taken) })) }
      : {}),
  }
}

/**
 * A step's placement with its per-host table: rebuilt from its inputs on `state`, which must be
 * the run's state after step `placement.ask.after` (a cursor gives it). Placements stored with
 * their table (runs planned before tables were made on demand) come back as they are.
 */
export function placementTable(state: EngineState, placement: Placement): Placement {
  const ask = placement.ask
  if (ask === undefined || placement.rows.length > 0) return placement
  const a = assess(state, ask.hosts, needOf(placement, ask))
  const ranking = rank(a)
  // The sentence is rebuilt too: equal to the stored one whenever `state` is the right one.
  return { ...placement, rows: tableOf(a, ranking.top[0]), explanation: explain(a, ranking) }
}

/**
 * The host a placement picks, without the table or the sentence (validate's quiet pass): the
 * same verdicts and order as `place`. `stage` says who left no host: kube-scheduler's filters or
 * DRS; `breaks` whether the pick breaks a soft rule (no feasible host keeps it).
 */
export function pickHost(
  state: EngineState,
  hostIds: readonly string[],
  need: PlacementNeed,
): { host: string | null; stage: 'kube' | 'drs'; breaks: boolean } {
  const a = assess(state, hostIds, need)
  let best: number | undefined
  for (const i of a.feasible) if (best === undefined || a.compare(i, best) < 0) best = i
  return {
    host: best === undefined ? null : a.ids[best]!,
    stage: a.isPod && a.kept === 0 ? 'kube' : 'drs',
    breaks: best !== undefined && a.soft[best]! > 0,
  }
}
