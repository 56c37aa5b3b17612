import { EFFECT_TABLES, type EffectTable, type EngineState, type StateRecord } from './types'

/**
 * A block of steps as the records it changed: each as it was before the block and after it
 * (undefined: absent). Jumping over the block puts those records in place, forward or back, so a
 * far seek costs the records that differ, not the steps between. The records are shared with the
 * live state and never changed (the cursor copies a record before writing to it).
 */
export class Block {
  constructor(
    private readonly tables: readonly EffectTable[],
    private readonly ids: readonly string[],
    private readonly before: readonly (StateRecord | undefined)[],
    private readonly after: readonly (StateRecord | undefined)[],
  ) {}

  /** The blocks `parts`, in order, as one: each record before the first and after the last. */
  static merge(parts: readonly Block[]): Block {
    const first = new Map<string, number>()
    const tables: EffectTable[] = []
    const ids: string[] = []
    const before: (StateRecord | undefined)[] = []
    const after: (StateRecord | undefined)[] = []
    for (const part of parts)
      for (let i = 0; i < part.ids.length; i++) {
        const key = `${part.tables[i]}\u0000${part.ids[i]}`
        const at = first.get(key)
        if (at !== undefined) after[at] = part.after[i]
        else {
          first.set(key, ids.length)
          tables.push(part.tables[i]!)
          ids.push(part.ids[i]!)
          before.push(part.before[i])
          after.push(part.after[i])
        }
      }
    return new Block(tables, ids, before, after)
  }

  /** The same block walked the other way: its records before and after swapped. */
  reversed(): Block {
    return new Block(this.tables, this.ids, this.after, this.before)
  }

  forward(state: EngineState): void {
    put(state, this.tables, this.ids, this.after)
  }

  back(state: EngineState): void {
    put(state, this.tables, this.ids, this.before)
  }
}

function put(
  state: EngineState,
  tables: readonly EffectTable[],
  ids: readonly string[],
  records: readonly (StateRecord | undefined)[],
): void {
  for (let i = 0; i < ids.length; i++) {
    const table = state[tables[i]!]
    const rec = records[i]
    if (rec === undefined) delete table[ids[i]!]
    else table[ids[i]!] = rec
  }
}

/** Notes, during the first pass over a block, each record as it was before the block first touched it. */
export class BlockRecorder {
  private readonly seen: Record<EffectTable, Map<string, StateRecord | undefined>> = {
    objects: new Map(),
    hosts: new Map(),
    namespaces: new Map(),
    pools: new Map(),
  }

  /** Call before the first write of each effect. */
  touch(state: EngineState, on: EffectTable, id: string): void {
    const seen = this.seen[on]
    if (!seen.has(id)) seen.set(id, state[on][id])
  }

  /** The block, with each touched record as `state` (the state at the block's end) holds it. */
  finish(state: EngineState): Block {
    const tables: EffectTable[] = []
    const ids: string[] = []
    const before: (StateRecord | undefined)[] = []
    const after: (StateRecord | undefined)[] = []
    for (const on of EFFECT_TABLES)
      for (const [id, rec] of this.seen[on]) {
        const now = state[on][id]
        if (now === rec) continue
        tables.push(on)
        ids.push(id)
        before.push(rec)
        after.push(now)
      }
    return new Block(tables, ids, before, after)
  }
}
