import { BlockBook, Lane } from './cursor-lane'
import { cloneState } from './state'
import type { EngineState, Run } from './types'

export { BLOCKS_PER_SPAN } from './cursor-lane'

/** Steps per block: far seeks jump whole blocks and walk at most half of one at each end. */
export const CHECKPOINT_EVERY = 256
/** States the cursor keeps: a seek moves the one nearest its target. */
export const LANES = 3

/** Reads and moves through a run's states. Position `seq` is the state after step `seq` (0: before any). */
export interface Cursor {
  readonly seq: number
  readonly length: number
  /**
   * The live state at the cursor; read it, never change it (copy with `stateAt`). A seek may
   * hand out another object: read the state from `seek` or from here after each move.
   */
  readonly state: EngineState
  /** Moves to `seq` (clamped to 0..length) and returns the live state. */
  seek(seq: number): EngineState
  forward(): EngineState
  back(): EngineState
  /** A copy of the state after step `seq`; the cursor ends at `seq`. */
  stateAt(seq: number): EngineState
}

/**
 * A cursor over `run` starting from `initial` (from `initialState`). One step forward or back
 * applies or reverts that step's effects. A far seek walks to the nearest block boundary, jumps
 * whole blocks (each block knows the records it changed, as they were before and after it), then
 * walks into the target block: its cost is the records that differ plus at most one block of
 * steps, never a copy of the state. Blocks are recorded on the first forward pass over them.
 *
 * The cursor keeps up to LANES states, each where a seek last left it, and moves the one nearest
 * the target: a far jump is the distance to the nearest of them, not to the last seek. A lane is
 * made (a copy of `initial`) the first time starting afresh from step 0 is the nearest.
 */
export function createCursor(run: Run, initial: EngineState, spacing = CHECKPOINT_EVERY): Cursor {
  const book = new BlockBook(run.steps, Math.max(1, Math.floor(spacing)))
  const lanes: Lane[] = [new Lane(initial, book)]
  let live = lanes[0]!
  const seek = (target: number): EngineState => {
    const to = Math.max(0, Math.min(run.steps.length, Math.floor(target)))
    let best = live
    for (const lane of lanes) if (Math.abs(lane.seq - to) < Math.abs(best.seq - to)) best = lane
    if (lanes.length < LANES && to + book.every < Math.abs(best.seq - to)) {
      best = new Lane(initial, book)
      lanes.push(best)
    }
    live = best
    live.seek(to)
    return live.state
  }
  return {
    get seq() {
      return live.seq
    },
    get length() {
      return run.steps.length
    },
    get state() {
      return live.state
    },
    seek,
    forward: () => seek(live.seq + 1),
    back: () => seek(live.seq - 1),
    stateAt: (target) => cloneState(seek(target)),
  }
}
