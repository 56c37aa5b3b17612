import { applyEffects, cloneState, revertEffects } from './state'
import type { EngineState, Run } from './types'

/**
 * Steps between stored snapshots; far seeks start from the nearest one. Long runs space them
 * so there are at most MAX_CHECKPOINTS (a snapshot of a 10,000-pod state is megabytes).
 */
export const CHECKPOINT_EVERY = 256
export const MAX_CHECKPOINTS = 64

/** Reads and moves through a run's states. Position `seq` is the state after step `seq` (0: before any). */
export interface Cursor {
  readonly seq: number
  readonly length: number
  /** The live state at the cursor; read it, never change it (copy with `stateAt`). */
  readonly state: EngineState
  /** Moves to `seq` (clamped to 0..length) and returns the live state. */
  seek(seq: number): EngineState
  forward(): EngineState
  back(): EngineState
  /** A copy of the state after step `seq`; the cursor ends at `seq`. */
  stateAt(seq: number): EngineState
  /**
   * Lays the checkpoints up to step `seq` without moving the cursor, walking a copy from the
   * last checkpoint on: for a run whose steps arrive in pages, each step is walked once as it
   * comes, and later far seeks restore a checkpoint instead of walking.
   */
  warm(seq: number): void
}

/**
 * A cursor over `run` starting from `initial` (from `initialState`). One step forward or back
 * applies or reverts that step's effects. A far jump restores the nearest checkpoint (below or
 * above the target) when that beats walking, then walks, so a seek costs at most about one state
 * copy plus half the checkpoint spacing in steps. Checkpoints are taken lazily, on the first
 * pass over each boundary. Spacing them closer than a copy's cost would buy nothing, so long
 * runs with big states get few (each is a full copy of the state).
 *
 * `run.steps` may still grow after the cursor is made (a run whose steps arrive in pages):
 * the cursor reads its length at every seek. `expectedSteps`, the length the run will have,
 * then spaces the checkpoints as for the whole run.
 */
export function createCursor(
  run: Run,
  initial: EngineState,
  spacing?: number,
  expectedSteps = run.steps.length,
): Cursor {
  const steps = run.steps
  // Copying a state costs about as much as applying two steps per object in it (measured on
  // the 10,000-pod lab: ~20,000 objects by the end, about six steps per object over a run).
  const restoreCost = 2 * Math.max(Object.keys(initial.objects).length, expectedSteps / 6)
  const every =
    spacing ??
    Math.max(CHECKPOINT_EVERY, Math.ceil(expectedSteps / MAX_CHECKPOINTS), Math.ceil(restoreCost / 2))
  // checkpoints[k] is the state after step k * every.
  const checkpoints: EngineState[] = [cloneState(initial)]
  let state = cloneState(initial)
  let seq = 0
  const walkTo = (target: number) => {
    while (seq < target) {
      applyEffects(state, steps[seq]!.effects)
      seq++
      if (seq % every === 0 && checkpoints.length === seq / every) checkpoints.push(cloneState(state))
    }
    while (seq > target) {
      seq--
      revertEffects(state, steps[seq]!.effects)
    }
  }
  /** A second walker for `warm`, kept between calls so each step is walked once. */
  let scout: { state: EngineState; seq: number } | null = null
  const warm = (target: number) => {
    const to = Math.min(steps.length, Math.floor(target))
    const last = (checkpoints.length - 1) * every
    if (!scout || scout.seq < last)
      scout = { state: cloneState(checkpoints[checkpoints.length - 1]!), seq: last }
    while (scout.seq < to) {
      applyEffects(scout.state, steps[scout.seq]!.effects)
      scout.seq++
      if (scout.seq % every === 0 && checkpoints.length === scout.seq / every)
        checkpoints.push(cloneState(scout.state))
    }
  }
  const seek = (target: number): EngineState => {
    const to = Math.max(0, Math.min(steps.length, Math.floor(target)))
    const below = Math.min(Math.floor(to / every), checkpoints.length - 1)
    const above = below + 1 < checkpoints.length ? below + 1 : below
    const k = Math.abs(above * every - to) < to - below * every ? above : below
    // Restoring a snapshot costs a copy of the state: worth it only when it saves a long walk.
    if (Math.abs(to - k * every) + restoreCost < Math.abs(to - seq)) {
      state = cloneState(checkpoints[k]!)
      seq = k * every
    }
    walkTo(to)
    return state
  }
  return {
    get seq() {
      return seq
    },
    get length() {
      return steps.length
    },
    get state() {
      return state
    },
    seek,
    forward: () => seek(seq + 1),
    back: () => seek(seq - 1),
    stateAt: (target) => cloneState(seek(target)),
    warm,
  }
}
