import type { RunInfo } from '../shared/contract/contract'
import type { Topology } from '../shared/domain/topology'
import type { EngineState, Step } from '../shared/engine/types'
import type { LabFile } from './persistence/lab-file'
import {
  getRun,
  getRunEnd,
  getRunTopology,
  getSteps,
  listRuns,
  saveRun,
  saveRunEnd,
} from './persistence/runs'

/** A run with all it needs to be played and branched. */
export interface StoredRun {
  info: RunInfo
  steps: readonly Step[]
  /** Null for runs stored before lab format 3: they replay, but cannot branch. */
  topology: Topology | null
  /** The state after the last step as the planner left it; null when it was not kept. */
  end: EngineState | null
}

/**
 * Where the open lab's runs live. Reads come by range, so a client can page through a run of
 * a hundred thousand steps without the store parsing all of them.
 */
export interface RunStore {
  /** Stores a run; `end` is the state after its last step as the planner left it. */
  save(info: RunInfo, steps: readonly Step[], topology: Topology, end?: EngineState): void
  info(id: string): RunInfo | undefined
  topology(id: string): Topology | null
  /** The state after the run's last step, or null for a run stored without it. */
  end(id: string): EngineState | null
  /** Steps with from <= seq <= to, in order. */
  steps(id: string, from: number, to: number): Step[]
  list(): RunInfo[]
}

const range = (steps: readonly Step[], from: number, to: number) =>
  steps.slice(Math.max(0, from - 1), Math.max(0, to))

/** Runs kept in a Map for the life of the process, oldest first. */
export class MemoryRunStore implements RunStore {
  private readonly runs = new Map<string, StoredRun>()
  save(info: RunInfo, steps: readonly Step[], topology: Topology, end?: EngineState): void {
    this.runs.set(info.id, { info, steps, topology, end: end ?? null })
  }
  info(id: string) {
    return this.runs.get(id)?.info
  }
  topology(id: string) {
    return this.runs.get(id)?.topology ?? null
  }
  end(id: string) {
    return this.runs.get(id)?.end ?? null
  }
  steps(id: string, from: number, to: number): Step[] {
    return range(this.runs.get(id)?.steps ?? [], from, to)
  }
  list(): RunInfo[] {
    return [...this.runs.values()].map((r) => r.info)
  }
}

/**
 * Runs kept in the open lab file: a run's steps are written in one transaction and read back
 * as the record, so replay after a reload never re-plans. The run just planned stays in memory
 * too, as its client pages through it right away. A read-only lab cannot take new runs; those
 * stay in memory until the lab closes (its notice says so), listed after the stored ones.
 */
export class LabRunStore implements RunStore {
  private readonly unsaved = new MemoryRunStore()
  private recent: StoredRun | null = null

  constructor(readonly lab: LabFile) {}

  save(info: RunInfo, steps: readonly Step[], topology: Topology, end?: EngineState): void {
    if (this.lab.readOnly) return this.unsaved.save(info, steps, topology, end)
    const { summary, faults, ...rest } = info
    saveRun(this.lab.writable(), { ...rest, faults, summary, topology }, steps)
    // Apart from the run: a run stored without its end still plays, by walking its steps.
    if (end) saveRunEnd(this.lab.writable(), info.id, steps.length, end)
    this.recent = { info, steps, topology, end: end ?? null }
  }

  private stored(id: string): boolean {
    return this.lab.db.prepare('SELECT 1 FROM runs WHERE id = ?').get(id) !== undefined
  }

  info(id: string): RunInfo | undefined {
    if (this.recent?.info.id === id) return this.recent.info
    return this.unsaved.info(id) ?? (this.stored(id) ? getRun(this.lab.db, id) : undefined)
  }

  topology(id: string): Topology | null {
    if (this.recent?.info.id === id) return this.recent.topology
    if (this.unsaved.info(id)) return this.unsaved.topology(id)
    return this.stored(id) ? getRunTopology(this.lab.db, id) : null
  }

  end(id: string): EngineState | null {
    if (this.recent?.info.id === id) return this.recent.end
    if (this.unsaved.info(id)) return this.unsaved.end(id)
    return this.stored(id) ? getRunEnd(this.lab.db, id) : null
  }

  steps(id: string, from: number, to: number): Step[] {
    if (this.recent?.info.id === id) return range(this.recent.steps, from, to)
    if (this.unsaved.info(id)) return this.unsaved.steps(id, from, to)
    return this.stored(id) ? getSteps(this.lab.db, id, from, to) : []
  }

  list(): RunInfo[] {
    return [...listRuns(this.lab.db), ...this.unsaved.list()]
  }
}
