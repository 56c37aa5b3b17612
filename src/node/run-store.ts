import type { RunInfo } from '../shared/contract/contract'
import type { Topology } from '../shared/domain/topology'
import type { EngineState, Step } from '../shared/engine/types'
import type { LabFile } from './persistence/lab-file'
import { beginRun } from './persistence/run-batches'
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

/** A run being stored while it is planned: listed only once `finish` has stored all of it. */
export interface RunWriter {
  /** Stores the next batch of steps. */
  append(batch: readonly Step[]): void
  /**
   * Stores the last batch; the run, whose steps are `all`, is listed from now on. `end` is the
   * state after its last step as the planner left it.
   */
  finish(batch: readonly Step[], info: RunInfo, all: readonly Step[], end: EngineState | null): void
  /** Forgets what was stored of the run (a cancel). */
  abandon(): void
}

/**
 * Where the open lab's runs live. Reads come by range, so a client can page through a run of
 * a hundred thousand steps without the store parsing all of them.
 */
export interface RunStore {
  /** Stores a run; `end` is the state after its last step as the planner left it. */
  save(info: RunInfo, steps: readonly Step[], topology: Topology, end?: EngineState): void
  /** Starts storing a run in batches (`info` as known at its start). */
  begin(info: RunInfo, topology: Topology): RunWriter
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
  begin(_info: RunInfo, topology: Topology): RunWriter {
    return {
      append: () => {},
      finish: (_batch, info, all, end) => this.save(info, all, topology, end ?? undefined),
      abandon: () => {},
    }
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
 * Runs kept in the open lab file: a run's steps are written in batches as it is planned, and
 * it is listed once the last batch is in (run-batches.ts); they are read back as the record,
 * so replay after a reload never re-plans. The run just planned stays in memory
 * too, as its client pages through it right away. A read-only lab cannot take new runs; those
 * stay in memory until the lab closes (its notice says so), listed after the stored ones.
 */
export class LabRunStore implements RunStore {
  private readonly unsaved = new MemoryRunStore()
  private recent: StoredRun | null = null
  /** Runs being stored in batches now: not the leftovers of a crash. */
  private readonly writing = new Set<string>()

  constructor(readonly lab: LabFile) {}

  save(info: RunInfo, steps: readonly Step[], topology: Topology, end?: EngineState): void {
    if (this.lab.readOnly) return this.unsaved.save(info, steps, topology, end)
    const { summary, faults, ...rest } = info
    saveRun(this.lab.writable(), { ...rest, faults, summary, topology }, steps)
    // Apart from the run: a run stored without its end still plays, by walking its steps.
    if (end) saveRunEnd(this.lab.writable(), info.id, steps.length, end)
    this.recent = { info, steps, topology, end: end ?? null }
  }

  begin(info: RunInfo, topology: Topology): RunWriter {
    if (this.lab.readOnly) return this.unsaved.begin(info, topology)
    const { summary: _summary, stepCount: _count, ...rest } = info
    const batches = beginRun(this.lab.writable(), info.id, { ...rest, topology }, [...this.writing])
    this.writing.add(info.id)
    return {
      append: (batch) => batches.append(batch),
      finish: (batch, done, all, end) => {
        batches.finish(batch, done.stepCount, done.summary, end)
        this.writing.delete(info.id)
        this.recent = { info: done, steps: all, topology, end }
      },
      abandon: () => {
        this.writing.delete(info.id)
        batches.abandon()
      },
    }
  }

  private stored(id: string): boolean {
    return this.lab.db.prepare('SELECT 1 FROM runs WHERE id = ? AND complete = 1').get(id) !== undefined
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
