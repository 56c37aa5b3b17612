import type { Step } from '../shared/engine/types'
import type { Topology } from '../shared/domain/topology'
import type { LabFile } from './persistence/lab-file'
import { getRun, getRunTopology, getSteps, listRuns, saveRun } from './persistence/runs'
import { MemoryRunStore, type RunInfoT, type RunStore, type StoredRun } from './run-handlers'

/**
 * Runs kept in the open lab file: a run's steps are written in one transaction and read back
 * as the record, so replay after a reload never re-plans. A read-only lab cannot take new
 * runs; those stay in memory until the lab closes (its notice says so), listed after the
 * stored ones.
 */
export class LabRunStore implements RunStore {
  private readonly unsaved = new MemoryRunStore()
  /** The last run read, so stepping through one run's details does not re-read all its steps. */
  private last: StoredRun | null = null

  constructor(readonly lab: LabFile) {}

  saveRun(info: RunInfoT, steps: Step[], topology: Topology): void {
    if (this.lab.readOnly) return this.unsaved.saveRun(info, steps, topology)
    const { summary, faults, ...rest } = info
    saveRun(this.lab.writable(), { ...rest, faults, summary, topology }, steps)
  }

  getRun(id: string): StoredRun | undefined {
    const memory = this.unsaved.getRun(id)
    if (memory) return memory
    if (this.last?.info.id === id) return this.last
    const db = this.lab.db
    if (!db.prepare('SELECT 1 FROM runs WHERE id = ?').get(id)) return undefined
    // Steps were validated by the engine's schema when planned; the file holds them as written.
    const steps = getSteps(db, id) as unknown as Step[]
    this.last = { info: getRun(db, id), steps, topology: getRunTopology(db, id) }
    return this.last
  }

  list(): RunInfoT[] {
    return [...listRuns(this.lab.db), ...this.unsaved.list()]
  }
}
