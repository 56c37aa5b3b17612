import { BlockBook, Lane } from './cursor-lane'
import { cloneState } from './state'
import type { EngineState, Run } from './types'

export { BLOCKS_PER_SPAN } from './cursor-lane'

/** Steps per block: far seeks jump whole blocks and walk at most half of one at each end. */
export const CHECKPOINT_EVERY = 256
/** States the cursor makes from the run's start: a seek moves the one nearest its target. */
export const MAX_LANES = 3

/** The state after a run's last step, as the planner left it. */
export interface RunEnd {
  /** The last step's seq: the run's length. */
  seq: number
  /** Shared, never changed: the cursor copies a record before writing to it. */
  state: EngineState
}

export interface CursorOptions {
  /** Steps per block (default CHECKPOINT_EVERY). */
  spacing?: number
  /** The run's end, when the planner's state is at hand: seeking there is then a lookup. */
  end?: RunEnd
}

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
  /**
   * Records about `steps` steps' worth of the blocks no lane has walked yet, without moving the
   * cursor, so later far seeks jump them instead of walking; true while some remain. With the
   * run's end known it walks back from there (never replaying the run from its start), else
   * forward over the whole blocks that have arrived. Meant for idle time, a slice at a time.
   */
  index(steps: number): boolean
  /**
   * Takes the run's end as the planner left it (see RunEnd): a lane stands there from now on,
   * so seeking to the last step is a lookup and seeks near it walk back from it. A run whose
   * steps are still arriving uses it once they have all come.
   */
  setEnd(end: RunEnd): void
}

/**
 * A cursor over `run` starting from `initial` (from `initialState`). One step forward or back
 * applies or reverts that step's effects. A far seek walks to a block boundary, jumps whole
 * blocks (each block knows the records it changed, as they were before and after it), then walks
 * into the target block: its cost is the records that differ plus at most one block of steps,
 * never a copy of the state. A block is recorded the first time a lane walks the whole of it,
 * forward or back, so no block is walked whole twice: a run's end from the planner makes the
 * blocks near the end known by walking back from it, without replaying the run from its start.
 *
 * The cursor keeps up to MAX_LANES states made from `initial`, each where a seek last left it,
 * plus one at the run's end when it is known (`options.end`, `setEnd`), and moves the one
 * nearest the target: a far jump is the distance to the nearest of them, not to the last seek.
 * A lane is made (a copy of `initial`) the first time starting afresh from step 0 is the nearest.
 * `index` records the blocks no seek has crossed yet, a slice at a time, in idle time.
 *
 * `run.steps` may still grow after the cursor is made (a run whose steps arrive in pages): the
 * cursor reads its length at every seek.
 */
export function createCursor(run: Run, initial: EngineState, options: CursorOptions = {}): Cursor {
  const book = new BlockBook(run.steps, Math.max(1, Math.floor(options.spacing ?? CHECKPOINT_EVERY)))
  const lanes: Lane[] = [new Lane(cloneState(initial), 0, book)]
  let fresh = 1
  let live = lanes[0]!
  /** The lane `index` walks, apart from those seeks move. */
  let scout: Lane | null = null
  let scoutBack = false
  let end: RunEnd | null = null
  const seek = (target: number): EngineState => {
    const length = run.steps.length
    const to = Math.max(0, Math.min(length, Math.floor(target)))
    const distance = (lane: Lane) => Math.abs(lane.seq - to)
    let best = live.seq <= length ? live : lanes[0]!
    // A lane beyond the steps that have arrived (the end of a run still arriving) waits for them.
    for (const lane of lanes) if (lane.seq <= length && distance(lane) < distance(best)) best = lane
    if (fresh < MAX_LANES && to + book.every < distance(best)) {
      best = new Lane(cloneState(initial), 0, book)
      lanes.push(best)
      fresh++
    }
    live = best
    live.seek(to)
    return live.state
  }
  const cursor: Cursor = {
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
    // A single step moves the live lane: no other can be nearer.
    forward() {
      if (live.seq < run.steps.length) live.step(1)
      return live.state
    },
    back() {
      if (live.seq > 0) live.step(-1)
      return live.state
    },
    stateAt: (target) => cloneState(seek(target)),
    index(steps) {
      const every = book.every
      const budget = Math.max(every, Math.floor(steps))
      if (end !== null && end.seq <= run.steps.length) {
        // From the end back: a lane of its own on the planner's records, copied on write.
        if (scout === null || !scoutBack) {
          scout = new Lane(shareTables(end.state), end.seq, book)
          scoutBack = true
        }
        scout.seek(Math.max(0, Math.ceil(scout.seq / every) * every - budget))
        return scout.seq > 0
      }
      // Forward over whole blocks only: the last, part block is not recorded.
      const whole = Math.floor(run.steps.length / every) * every
      if (scout === null || scoutBack) {
        scout = new Lane(cloneState(initial), 0, book)
        scoutBack = false
      }
      if (scout.seq < whole) scout.seek(Math.min(whole, scout.seq + budget))
      return scout.seq < whole
    },
    setEnd(known) {
      end = known
      lanes.push(new Lane(shareTables(known.state), known.seq, book))
    },
  }
  if (options.end) cursor.setEnd(options.end)
  return cursor
}

/** A state of its own over `state`'s records: a lane copies a record before writing to it. */
function shareTables(state: EngineState): EngineState {
  return {
    objects: { ...state.objects },
    hosts: { ...state.hosts },
    namespaces: { ...state.namespaces },
    pools: { ...state.pools },
  }
}
