import { createCursor, type Cursor } from './cursor'
import { placementTable } from './placement'
import type { EngineState, Run, Step } from './types'

/**
 * A step with its placement's per-host table rebuilt from the run's state (`cursor` over the same
 * run); a step without a placement, or one stored with its table, comes back as it is. Moves the
 * cursor to the state the placement read.
 */
export function stepWithTable(cursor: Cursor, step: Step): Step {
  const placement = step.placement
  if (placement?.ask === undefined || placement.rows.length > 0) return step
  return { ...step, placement: placementTable(cursor.seek(placement.ask.after), placement) }
}

/** Every step of a run with its placement tables: for full listings and tests of small runs. */
export function withTables(run: Run, initial: EngineState): Run {
  const cursor = createCursor(run, initial)
  return { ...run, steps: run.steps.map((step) => stepWithTable(cursor, step)) }
}
