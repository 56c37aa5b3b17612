import type { RunInfo } from '../../shared/contract/contract'
import type { EngineState, RunSummary, Step } from '../../shared/engine/types'
import { getRun, insertRunRow, insertSteps, saveRunEnd, writeHostLists, type NewRun } from './runs'
import { inTransaction, type Db } from './sqlite'
import { StepEncoder } from './step-codec'

/**
 * A run stored batch by batch while it is planned: each batch is one transaction, and the run
 * counts (listRuns, getRun, getSteps) only from the transaction that marks it complete. A crash
 * or a cancel before then leaves it absent: its rows are dropped at the next `beginRun` or by
 * `abandon`.
 */
export interface RunBatches {
  readonly id: string
  /** Stores the next steps in one transaction. */
  append(steps: readonly Step[]): void
  /**
   * Stores the last steps and marks the run whole, with the state the planner ended in (when
   * given), in one transaction; returns the run as listed.
   */
  finish(last: readonly Step[], stepCount: number, summary: RunSummary, end?: EngineState | null): RunInfo
  /** Drops what was stored of the run (a cancel). */
  abandon(): void
}

/**
 * Starts storing run `id`. Runs left unfinished by an earlier crash are dropped first, except
 * those named in `keep` (others still being stored by this process).
 */
export function beginRun(db: Db, id: string, run: NewRun, keep: readonly string[] = []): RunBatches {
  inTransaction(db, () => {
    dropUnfinished(db, keep)
    insertRunRow(db, id, run, 0, false)
  })
  // One encoder for the whole run: batches share the host lists, written with the last one.
  const encoder = new StepEncoder()
  return {
    id,
    append: (steps) => inTransaction(db, () => insertSteps(db, id, steps, encoder)),
    finish(last, stepCount, summary, end) {
      inTransaction(db, () => {
        insertSteps(db, id, last, encoder)
        writeHostLists(db, id, encoder)
        db.prepare('UPDATE runs SET complete = 1, step_count = ?, summary = ? WHERE id = ?').run(
          stepCount,
          JSON.stringify(summary),
          id,
        )
        if (end) saveRunEnd(db, id, stepCount, end)
      })
      return getRun(db, id)
    },
    abandon: () =>
      inTransaction(db, () => db.prepare('DELETE FROM runs WHERE id = ? AND complete = 0').run(id)),
  }
}

/** Drops runs whose storing never finished (their steps go with them), but those in `keep`. */
function dropUnfinished(db: Db, keep: readonly string[]) {
  const ids = db.prepare('SELECT id FROM runs WHERE complete = 0').pluck().all() as string[]
  const drop = db.prepare('DELETE FROM runs WHERE id = ?')
  for (const id of ids) if (!keep.includes(id)) drop.run(id)
}
