import { EFFECT_TABLES, type Effect, type Step as EngineStep } from '../../shared/engine/types'

/**
 * How a step is written in `steps.json`. An engine step is written compactly, as a JSON array
 * without its keys and with its effects flattened (about two thirds of the bytes of its JSON
 * object, and quicker to write and read); anything else, and every step stored before this
 * encoding, is a JSON object. The row's `seq` column holds the seq, so the array leaves it out.
 *
 *   [1, t, duration, sequence, object, actor, target, action, text, seedStep,
 *    [table, id, key, before, after, table, id, ...], placement or 0, failure or 0]
 *
 * `table` is the index of the effect's table in EFFECT_TABLES. The leading 1 is the encoding's
 * version: a later one takes 2.
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

/** The text stored for a step. */
export function encodeStep(step: { seq: number }): string {
  if (!isEngineStep(step)) return JSON.stringify(step)
  const effects: unknown[] = []
  for (const e of step.effects) effects.push(TABLE_INDEX.get(e.on), e.id, e.key, e.before, e.after)
  return JSON.stringify([
    COMPACT_STEP,
    step.t,
    step.duration,
    step.sequence,
    step.object,
    step.actor,
    step.target,
    step.action,
    step.text,
    step.seedStep,
    effects,
    step.placement ?? 0,
    step.failure ?? 0,
  ])
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
  string,
  number | null,
  Effect['before'][],
  EngineStep['placement'] | 0,
  EngineStep['failure'] | 0,
]

/** A stored step as it was written: the engine step with its seq, or the JSON object. */
export function decodeStep(seq: number, json: string): { seq: number; [key: string]: unknown } {
  const value = JSON.parse(json) as Compact | { seq: number }
  if (!Array.isArray(value)) return value
  const [, t, duration, sequence, object, actor, target, action, text, seedStep, flat, placement, failure] =
    value
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
    text,
    seedStep,
    effects,
  }
  if (placement !== 0) step.placement = placement
  if (failure !== 0) step.failure = failure
  return step
}
