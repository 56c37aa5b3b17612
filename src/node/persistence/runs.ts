import { randomUUID } from 'node:crypto'

import type { RunInfo } from '../../shared/contract/contract'
import { LabError } from '../../shared/contract/result'
import { labFingerprint } from '../../shared/domain/lab-fingerprint'
import type { Topology } from '../../shared/domain/topology'
import type { Fault, RunSummary, Step } from '../../shared/engine/types'
import { inTransaction, type Db } from './sqlite'

/**
 * Runs and their steps. A step is the engine's Step, validated by the engine's schema when it
 * was planned; it is stored as JSON text keyed by (run_id, seq), so replay reads the record
 * instead of re-planning, and a range of steps is read without parsing the rest.
 */

/** What the caller says about a run; id, created and summary are filled in when left out. */
export interface NewRun {
  id?: string
  seed: number
  faults?: Fault[]
  label?: string
  parentId?: string | null
  created?: string
  summary?: RunSummary
  /** The topology the run was planned from (a branch re-plans it). */
  topology?: Topology
}

interface RunRow {
  id: string
  seed: number
  faults: string
  created: string
  label: string
  parent_run_id: string | null
  step_count: number
  summary: string | null
  lab_hash: string | null
}

/** Runs stored before format version 3 have no summary: the list shows their counts only. */
const bareSummary = (r: RunRow, faults: Fault[]): RunSummary => ({
  seed: r.seed,
  steps: r.step_count,
  durationMs: 0,
  statuses: {},
  problems: [],
  faults: faults.map((fault) => ({ fault, injected: false })),
})

/** The columns a list needs: not the topology, which only a branch reads. */
const INFO_COLUMNS = 'id, seed, faults, created, label, parent_run_id, step_count, summary, lab_hash'

const toInfo = (r: RunRow): RunInfo => {
  const faults = JSON.parse(r.faults) as Fault[]
  return {
    id: r.id,
    label: r.label,
    seed: r.seed,
    faults,
    created: r.created,
    parentId: r.parent_run_id,
    stepCount: r.step_count,
    summary: r.summary === null ? bareSummary(r, faults) : (JSON.parse(r.summary) as RunSummary),
    ...(r.lab_hash === null ? {} : { labHash: r.lab_hash }),
  }
}

/**
 * Stores a run and all its steps in one transaction: after a crash the run is whole or absent.
 * Steps must have whole-number `seq`s, each used once. Returns the stored run.
 */
export function saveRun(db: Db, run: NewRun, steps: readonly Step[]): RunInfo {
  const id = run.id ?? randomUUID()
  const insertStep = db.prepare('INSERT INTO steps (run_id, seq, json) VALUES (?, ?, ?)')
  inTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM runs WHERE id = ?').get(id))
      throw new LabError('run-exists', `A run with id "${id}" is already stored.`)
    db.prepare(
      'INSERT INTO runs (id, seed, faults, created, label, parent_run_id, step_count, summary, topology, lab_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id,
      run.seed,
      JSON.stringify(run.faults ?? []),
      run.created ?? new Date().toISOString(),
      run.label ?? '',
      run.parentId ?? null,
      steps.length,
      run.summary === undefined ? null : JSON.stringify(run.summary),
      run.topology === undefined ? null : JSON.stringify(run.topology),
      run.topology === undefined ? null : labFingerprint(run.topology),
    )
    for (const step of steps) {
      if (!Number.isSafeInteger(step.seq) || step.seq < 0)
        throw new LabError(
          'bad-step',
          `Run "${id}": a step has seq ${String(step.seq)}; seq must be a whole number >= 0.`,
        )
      try {
        insertStep.run(id, step.seq, JSON.stringify(step))
      } catch (e) {
        if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
          throw new LabError('bad-step', `Run "${id}": seq ${step.seq} is used by two steps.`)
        throw e
      }
    }
  })
  return getRun(db, id)
}

/** One stored run as lists show it; `not-found` when there is none. */
export function getRun(db: Db, id: string): RunInfo {
  const row = db.prepare(`SELECT ${INFO_COLUMNS} FROM runs WHERE id = ?`).get(id) as RunRow | undefined
  if (!row) throw new LabError('not-found', `There is no run with id "${id}" in this lab.`)
  return toInfo(row)
}

/** The topology a run was planned from, or null when it was stored without one (before version 3). */
export function getRunTopology(db: Db, id: string): Topology | null {
  getRun(db, id)
  const json = db.prepare('SELECT topology FROM runs WHERE id = ?').pluck().get(id) as string | null
  return json === null ? null : (JSON.parse(json) as Topology)
}

/** Every stored run, oldest first. */
export function listRuns(db: Db): RunInfo[] {
  return (db.prepare(`SELECT ${INFO_COLUMNS} FROM runs ORDER BY created, rowid`).all() as RunRow[]).map(
    toInfo,
  )
}

/** Steps of a run with fromSeq <= seq <= toSeq, in seq order. */
export function getSteps(db: Db, runId: string, fromSeq = 0, toSeq = Number.MAX_SAFE_INTEGER): Step[] {
  getRun(db, runId)
  const rows = db
    .prepare('SELECT json FROM steps WHERE run_id = ? AND seq BETWEEN ? AND ? ORDER BY seq')
    .pluck()
    .all(runId, fromSeq, toSeq) as string[]
  return rows.map((json) => JSON.parse(json) as Step)
}

/** Deletes a run with its steps and checkpoints; runs branched from it keep going, unparented. */
export function deleteRun(db: Db, runId: string) {
  inTransaction(db, () => db.prepare('DELETE FROM runs WHERE id = ?').run(runId))
}

/*
 * Checkpoints: the engine state after a step, so a far seek can start near it instead of at
 * step 0. Nothing writes them yet: the renderer's cursor lays its own while the steps arrive.
 * They are kept (table, functions, tests) for issue 16, whose seek on runs too large to send
 * whole restores the nearest stored checkpoint on the Node side.
 */

/** Stores the engine state after step `seq`, so replay can start near a step instead of at 0. */
export function saveCheckpoint(db: Db, runId: string, seq: number, state: unknown) {
  getRun(db, runId)
  db.prepare(
    'INSERT INTO checkpoints (run_id, seq, state) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET state = excluded.state',
  ).run(runId, seq, JSON.stringify(state))
}

/** The last checkpoint at or before `seq`, or null. */
export function checkpointAtOrBefore(
  db: Db,
  runId: string,
  seq: number,
): { seq: number; state: unknown } | null {
  const row = db
    .prepare('SELECT seq, state FROM checkpoints WHERE run_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1')
    .get(runId, seq) as { seq: number; state: string } | undefined
  return row ? { seq: row.seq, state: JSON.parse(row.state) as unknown } : null
}
