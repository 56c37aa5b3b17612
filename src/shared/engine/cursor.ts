import { Block, BlockRecorder } from './cursor-blocks'
import { cloneState } from './state'
import type { Effect, EffectTable, EngineState, Run, Scalar, StateRecord } from './types'

/** Steps per block: far seeks jump whole blocks and walk at most half of one at each end. */
export const CHECKPOINT_EVERY = 256
/** Blocks per span: a far seek jumps whole spans (a record changed in several blocks is put once). */
export const BLOCKS_PER_SPAN = 16

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
}

/**
 * A cursor over `run` starting from `initial` (from `initialState`). One step forward or back
 * applies or reverts that step's effects. A far seek walks to the nearest block boundary, jumps
 * whole blocks (each block knows the records it changed, as they were before and after it), then
 * walks into the target block: its cost is the records that differ plus at most one block of
 * steps, never a copy of the state. Blocks are recorded on the first forward pass over them.
 *
 * Records are shared, never copied whole: a record a block refers to is never changed again; the
 * live state copies a record the first time it writes to it after that (copy on write).
 */
export function createCursor(run: Run, initial: EngineState, spacing = CHECKPOINT_EVERY): Cursor {
  const steps = run.steps
  const every = Math.max(1, Math.floor(spacing))
  const state = cloneState(initial)
  /** Records of the live state no block refers to: changed in place. */
  let owned = new Set<StateRecord>()
  const blocks: Block[] = []
  const spans: Block[] = []
  let recorder: BlockRecorder | null = null
  let seq = 0

  const write = (on: EffectTable, id: string, key: string, value: Scalar | null) => {
    const table = state[on]
    let rec = table[id]
    if (value === null) {
      if (rec === undefined || !(key in rec)) return
      if (!owned.has(rec)) owned.add((rec = table[id] = { ...rec }))
      delete rec[key]
      for (const _ in rec) return
      delete table[id]
      return
    }
    if (rec === undefined) owned.add((rec = table[id] = {}))
    else if (!owned.has(rec)) owned.add((rec = table[id] = { ...rec }))
    rec[key] = value
  }
  const apply = (effects: readonly Effect[]) => {
    for (const e of effects) {
      recorder?.touch(state, e.on, e.id)
      write(e.on, e.id, e.key, e.after)
    }
  }
  const revert = (effects: readonly Effect[]) => {
    for (let i = effects.length - 1; i >= 0; i--) {
      const e = effects[i]!
      write(e.on, e.id, e.key, e.before)
    }
  }
  /** Starts recording the next block when the cursor stands at its start with every earlier one recorded. */
  const maybeRecord = () => {
    if (recorder === null && seq === blocks.length * every && seq + every <= steps.length) {
      // Every record the block starts from is shared from now on: its `before` refers to them.
      owned = new Set()
      recorder = new BlockRecorder()
    }
  }
  const walkTo = (target: number) => {
    while (seq < target) {
      maybeRecord()
      apply(steps[seq]!.effects)
      seq++
      if (recorder !== null && seq === (blocks.length + 1) * every) {
        blocks.push(recorder.finish(state))
        if (blocks.length % BLOCKS_PER_SPAN === 0) spans.push(Block.merge(blocks.slice(-BLOCKS_PER_SPAN)))
        recorder = null
        owned = new Set()
      }
    }
    if (seq > target) recorder = null
    while (seq > target) {
      seq--
      revert(steps[seq]!.effects)
    }
  }
  /** Jumps from boundary `from` to boundary `to` (both within the recorded blocks). */
  const jump = (from: number, to: number) => {
    // Records put in place by a jump belong to blocks; none of the live state's copies survive it.
    owned = new Set()
    let b = from / every
    const end = to / every
    const S = BLOCKS_PER_SPAN
    while (b < end)
      if (b % S === 0 && b + S <= end) {
        spans[b / S]!.forward(state)
        b += S
      } else blocks[b++]!.forward(state)
    while (b > end)
      if (b % S === 0 && b - S >= end) {
        b -= S
        spans[b / S]!.back(state)
      } else blocks[--b]!.back(state)
    seq = to
  }
  const seek = (target: number): EngineState => {
    const to = Math.max(0, Math.min(steps.length, Math.floor(target)))
    const recorded = blocks.length * every
    if (Math.abs(to - seq) > every && Math.min(seq, to) < recorded) {
      const boundary = (at: number) => Math.min(recorded, Math.round(at / every) * every)
      walkTo(boundary(seq))
      jump(seq, boundary(to))
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
  }
}
