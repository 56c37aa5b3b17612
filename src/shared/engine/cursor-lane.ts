import { Block, BlockRecorder } from './cursor-blocks'
import type { Effect, EffectTable, EngineState, Scalar, StateRecord, Step } from './types'

/** Blocks per span: a far seek jumps whole spans (a record changed in several blocks is put once). */
export const BLOCKS_PER_SPAN = 16

/** A run's steps and the blocks of them recorded so far, which every lane reads. */
export class BlockBook {
  readonly blocks: Block[] = []
  readonly spans: Block[] = []

  constructor(
    readonly steps: readonly Step[],
    readonly every: number,
  ) {}

  /** Positions the recorded blocks reach (a jump lands on any multiple of `every` up to it). */
  get recorded(): number {
    return this.blocks.length * this.every
  }

  /** Files block `index` unless another lane filed it first. */
  file(index: number, block: Block): void {
    if (this.blocks.length !== index) return
    this.blocks.push(block)
    if (this.blocks.length % BLOCKS_PER_SPAN === 0)
      this.spans.push(Block.merge(this.blocks.slice(-BLOCKS_PER_SPAN)))
  }
}

/**
 * One state the cursor can move: walked a step at a time (effects applied or reverted) or jumped
 * a block at a time (records put in place). Records are shared, copy on write: a record a block
 * refers to is never changed again; the lane copies a record the first time it writes to it.
 */
export class Lane {
  /** Records of this lane's state no block refers to: changed in place. */
  private owned = new Set<StateRecord>()
  private recorder: { index: number; notes: BlockRecorder } | null = null

  /**
   * A lane standing at `seq` on `state`, whose tables it changes; their records it copies
   * before its first write to each, so they may be shared.
   */
  constructor(
    readonly state: EngineState,
    public seq: number,
    private readonly book: BlockBook,
  ) {}

  /** Moves to `to`: through recorded blocks when that is shorter, walking the rest. */
  seek(to: number): void {
    const { every, recorded } = this.book
    if (Math.abs(to - this.seq) > every && Math.min(this.seq, to) < recorded) {
      const boundary = (at: number) => Math.min(recorded, Math.round(at / every) * every)
      this.walkTo(boundary(this.seq))
      this.jump(boundary(to))
    }
    this.walkTo(to)
  }

  private write(on: EffectTable, id: string, key: string, value: Scalar | null): void {
    const table = this.state[on]
    let rec = table[id]
    const owned = this.owned
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

  private apply(effects: readonly Effect[]): void {
    const notes = this.recorder?.notes
    for (const e of effects) {
      notes?.touch(this.state, e.on, e.id)
      this.write(e.on, e.id, e.key, e.after)
    }
  }

  private revert(effects: readonly Effect[]): void {
    for (let i = effects.length - 1; i >= 0; i--) {
      const e = effects[i]!
      this.write(e.on, e.id, e.key, e.before)
    }
  }

  private walkTo(target: number): void {
    const { steps, every } = this.book
    while (this.seq < target) {
      // Recording starts at the first block not yet recorded, on a forward pass from its start.
      if (this.recorder === null && this.seq === this.book.recorded && this.seq + every <= steps.length) {
        // Every record the block starts from is shared from now on: its `before` refers to them.
        this.owned = new Set()
        this.recorder = { index: this.book.blocks.length, notes: new BlockRecorder() }
      }
      this.apply(steps[this.seq]!.effects)
      this.seq++
      const r = this.recorder
      if (r !== null && this.seq === (r.index + 1) * every) {
        this.book.file(r.index, r.notes.finish(this.state))
        this.recorder = null
        this.owned = new Set()
      }
    }
    if (this.seq > target) this.recorder = null
    while (this.seq > target) {
      this.seq--
      this.revert(steps[this.seq]!.effects)
    }
  }

  /** Jumps from the boundary the lane stands on to boundary `to` (both within the recorded blocks). */
  private jump(to: number): void {
    const { blocks, spans, every } = this.book
    // Records put in place by a jump belong to blocks; none of the lane's copies survive it.
    this.owned = new Set()
    let b = this.seq / every
    const end = to / every
    const S = BLOCKS_PER_SPAN
    while (b < end)
      if (b % S === 0 && b + S <= end) {
        spans[b / S]!.forward(this.state)
        b += S
      } else blocks[b++]!.forward(this.state)
    while (b > end)
      if (b % S === 0 && b - S >= end) {
        b -= S
        spans[b / S]!.back(this.state)
      } else blocks[--b]!.back(this.state)
    this.seq = to
  }
}
