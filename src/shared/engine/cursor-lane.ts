import { Block, BlockRecorder } from './cursor-blocks'
import type { Effect, EffectTable, EngineState, Scalar, StateRecord, Step } from './types'

/** Blocks per span: a far seek jumps whole spans (a record changed in several blocks is put once). */
export const BLOCKS_PER_SPAN = 16

/**
 * A run's steps and the blocks of them recorded so far, which every lane reads. A block is
 * recorded the first time a lane walks the whole of it, forward or back, so any block may be
 * known before the ones ahead of it: a seek jumps the known blocks and walks (and records) the
 * others, and no block is walked whole twice.
 */
export class BlockBook {
  private readonly blocks: (Block | undefined)[] = []
  private readonly spans: (Block | undefined)[] = []

  constructor(
    readonly steps: readonly Step[],
    readonly every: number,
  ) {}

  block(index: number): Block | undefined {
    return this.blocks[index]
  }

  /** The span starting at block `index` (a multiple of BLOCKS_PER_SPAN), once all its blocks are known. */
  span(index: number): Block | undefined {
    return index % BLOCKS_PER_SPAN === 0 ? this.spans[index / BLOCKS_PER_SPAN] : undefined
  }

  /** True when every step of block `index` has arrived, so a lane can walk and record it. */
  complete(index: number): boolean {
    return (index + 1) * this.every <= this.steps.length
  }

  file(index: number, block: Block): void {
    if (this.blocks[index]) return
    this.blocks[index] = block
    const first = index - (index % BLOCKS_PER_SPAN)
    const parts = this.blocks.slice(first, first + BLOCKS_PER_SPAN)
    let whole = parts.length === BLOCKS_PER_SPAN
    for (const p of parts) whole &&= p !== undefined
    if (whole) this.spans[first / BLOCKS_PER_SPAN] = Block.merge(parts as Block[])
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
  private notes: BlockRecorder | null = null

  /**
   * A lane standing at `seq` on `state`, whose tables it changes; their records it copies
   * before its first write to each, so they may be shared.
   */
  constructor(
    readonly state: EngineState,
    public seq: number,
    private readonly book: BlockBook,
  ) {}

  /**
   * Moves to `to` a block at a time: a known block (or span) is jumped, an unknown one is walked
   * whole and recorded on the way; the part of a block at either end is walked.
   */
  seek(to: number): void {
    const { every } = this.book
    // Near moves (single steps, playing) walk, without looking for blocks.
    if (Math.abs(to - this.seq) <= every / 2) return this.walkTo(to)
    // A jump may pass `to` by less than half a block, which the other loop walks back.
    while (this.seq !== to) {
      while (this.seq < to) this.stepForward(to, every)
      while (this.seq > to) this.stepBack(to, every)
    }
  }

  private stepForward(to: number, every: number): void {
    const b = this.seq / every
    const left = to - this.seq
    if (!Number.isInteger(b) || left <= every / 2)
      return this.walkTo(Math.min(to, (Math.floor(b) + 1) * every))
    const span = left >= BLOCKS_PER_SPAN * every ? this.book.span(b) : undefined
    const block = this.book.block(b)
    if (span) this.jump(span, BLOCKS_PER_SPAN)
    else if (block) this.jump(block, 1)
    else if (left >= every && this.book.complete(b)) this.recordBlock(b, 'forward')
    else this.walkTo(Math.min(to, (b + 1) * every))
  }

  private stepBack(to: number, every: number): void {
    const b = this.seq / every
    const left = this.seq - to
    if (!Number.isInteger(b) || left <= every / 2)
      return this.walkTo(Math.max(to, (Math.ceil(b) - 1) * every))
    const span = left >= BLOCKS_PER_SPAN * every ? this.book.span(b - BLOCKS_PER_SPAN) : undefined
    const block = this.book.block(b - 1)
    if (span) this.jump(span, -BLOCKS_PER_SPAN)
    else if (block) this.jump(block, -1)
    else if (left >= every) this.recordBlock(b - 1, 'back')
    else this.walkTo(Math.max(to, (b - 1) * every))
  }

  /** One step forward (1) or back (-1); the caller keeps the lane within the run. */
  step(by: 1 | -1): void {
    if (by === 1) this.apply(this.book.steps[this.seq++]!.effects)
    else this.revert(this.book.steps[--this.seq]!.effects)
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
    const notes = this.notes
    for (const e of effects) {
      notes?.touch(this.state, e.on, e.id)
      this.write(e.on, e.id, e.key, e.after)
    }
  }

  private revert(effects: readonly Effect[]): void {
    const notes = this.notes
    for (let i = effects.length - 1; i >= 0; i--) {
      const e = effects[i]!
      notes?.touch(this.state, e.on, e.id)
      this.write(e.on, e.id, e.key, e.before)
    }
  }

  private walkTo(target: number): void {
    const { steps } = this.book
    while (this.seq < target) this.apply(steps[this.seq++]!.effects)
    while (this.seq > target) this.revert(steps[--this.seq]!.effects)
  }

  /**
   * Walks block `index` whole from the boundary the lane stands on and files it. Every record the
   * walk starts from is shared from then on (the block refers to it), and so is every record it
   * ends on.
   */
  private recordBlock(index: number, direction: 'forward' | 'back'): void {
    const { every } = this.book
    this.owned = new Set()
    this.notes = new BlockRecorder()
    this.walkTo(direction === 'forward' ? (index + 1) * every : index * every)
    const notes = this.notes
    this.notes = null
    this.book.file(
      index,
      direction === 'forward' ? notes.finish(this.state) : notes.finish(this.state).reversed(),
    )
    this.owned = new Set()
  }

  /** Jumps `blocks` blocks (negative: back) over `block`, which covers exactly them. */
  private jump(block: Block, blocks: number): void {
    // Records put in place by a jump belong to blocks; none of the lane's copies survive it.
    this.owned = new Set()
    if (blocks > 0) block.forward(this.state)
    else block.back(this.state)
    this.seq += blocks * this.book.every
  }
}
