import {
  EFFECT_TABLES,
  type Effect,
  type Placement,
  type Step as EngineStep,
} from '../../shared/engine/types'

/**
 * How a run's steps are written in `steps(json, text)` (format version 5). An engine step is
 * written compactly: its text in the `text` column as it is, the rest as a JSON array without
 * keys, effects flattened, and its placement's host list as the index of a list the run keeps
 * once (`runs.host_lists`: a 10,000-pod run places on the same 64 hosts 10,000 times). Anything
 * else, and every step stored before, is a JSON object in `json` with `text` null. The row's
 * `seq` column holds the seq.
 *
 *   json: [1, t, duration, sequence, object, actor, target, action, seedStep,
 *          [table, id, key, before, after, table, id, ...], placement or 0, failure or 0]
 *
 * `table` is the index of the effect's table in EFFECT_TABLES; a placement's `ask.hosts` is a
 * number, the index of its list in the run's host lists. The leading 1 is the encoding's version.
 */
export const COMPACT_STEP = 1

const TABLE_INDEX = new Map(EFFECT_TABLES.map((t, i) => [t, i]))
/** Keys of an engine step: any other key means the object is written as it is. */
const KEYS = 11

/** Whether `step` is an engine step with nothing the compact form would lose. */
function isEngineStep(step: object): step is EngineStep {
  const s = step as Partial<EngineStep>
  if (typeof s.text !== 'string' || !Array.isArray(s.effects) || typeof s.t !== 'number') return false
  let keys = 0
  for (const _ in step) keys++
  return keys === KEYS + (s.placement === undefined ? 0 : 1) + (s.failure === undefined ? 0 : 1)
}

/** A stored row: `text` null for a step written whole as JSON. */
export interface StepRow {
  json: string
  text: string | null
}

/**
 * Writes the steps of one run: each step's row, and at the end the host lists they refer to.
 * Lists are told apart by identity first (the planner hands every placement of a scope the same
 * array), then by content.
 */
export class StepEncoder {
  private readonly lists: (readonly string[])[] = []
  private readonly byArray = new Map<readonly string[], number>()
  private readonly byText = new Map<string, number>()

  /** The host lists the rows refer to, as JSON; null when no row refers to one. */
  get hostLists(): string | null {
    return this.lists.length === 0 ? null : JSON.stringify(this.lists)
  }

  encode(step: { seq: number }): StepRow {
    if (!isEngineStep(step)) return { json: JSON.stringify(step), text: null }
    const effects: unknown[] = []
    for (const e of step.effects) effects.push(TABLE_INDEX.get(e.on), e.id, e.key, e.before, e.after)
    const row = [
      COMPACT_STEP,
      step.t,
      step.duration,
      step.sequence,
      step.object,
      step.actor,
      step.target,
      step.action,
      step.seedStep,
      effects,
      step.placement === undefined ? 0 : this.placement(step.placement),
      step.failure ?? 0,
    ]
    return { json: JSON.stringify(row), text: step.text }
  }

  private placement(p: Placement): unknown {
    if (p.ask === undefined) return p
    return { ...p, ask: { ...p.ask, hosts: this.listIndex(p.ask.hosts) } }
  }

  private listIndex(hosts: readonly string[]): number {
    const known = this.byArray.get(hosts)
    if (known !== undefined) return known
    const text = hosts.join('\n')
    let index = this.byText.get(text)
    if (index === undefined) {
      index = this.lists.push(hosts) - 1
      this.byText.set(text, index)
    }
    this.byArray.set(hosts, index)
    return index
  }
}

type Compact = [
  typeof COMPACT_STEP,
  number,
  number,
  EngineStep['sequence'],
  string,
  string,
  string,
  string,
  number | null,
  Effect['before'][],
  Placement | 0,
  EngineStep['failure'] | 0,
]

/** Reads the rows of one run, given its host lists (`runs.host_lists`, null before version 5). */
export class StepDecoder {
  private readonly lists: string[][]

  constructor(hostLists: string | null) {
    this.lists = hostLists === null ? [] : (JSON.parse(hostLists) as string[][])
  }

  /**
   * A stored step as it was written: the compact engine step with its seq, or the JSON object
   * (an engine step, validated when it was planned, as the run store reads it).
   */
  decode(seq: number, json: string, text: string | null): EngineStep {
    const value = JSON.parse(json) as Compact | EngineStep
    if (!Array.isArray(value)) return value
    const [, t, duration, sequence, object, actor, target, action, seedStep, flat, placement, failure] = value
    const effects: Effect[] = []
    for (let i = 0; i < flat.length; i += 5)
      effects.push({
        on: EFFECT_TABLES[flat[i] as number]!,
        id: flat[i + 1] as string,
        key: flat[i + 2] as string,
        before: flat[i + 3] as Effect['before'],
        after: flat[i + 4] as Effect['after'],
      })
    const step: EngineStep = {
      seq,
      t,
      duration,
      sequence,
      object,
      actor,
      target,
      action,
      text: text ?? '',
      seedStep,
      effects,
    }
    if (placement !== 0) step.placement = this.placement(placement)
    if (failure !== 0) step.failure = failure
    return step
  }

  private placement(p: Placement): Placement {
    const ask = p.ask as (Omit<NonNullable<Placement['ask']>, 'hosts'> & { hosts: number }) | undefined
    if (ask === undefined) return p
    return { ...p, ask: { ...ask, hosts: this.lists[ask.hosts] ?? [] } }
  }
}
