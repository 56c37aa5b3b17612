import { randomUUID } from 'node:crypto'

import type { RunInfo } from '../../shared/contract/contract'
import { LabError } from '../../shared/contract/result'
import { labFingerprint } from '../../shared/domain/lab-fingerprint'
import type { Topology } from '../../shared/domain/topology'
import type { EngineState, Fault, RunSummary, Step } from '../../shared/engine/types'
import { inTransaction, type Db } from './sqlite'
import { StepDecoder, StepEncoder } from './step-codec'

/**
 * Runs and their steps. A step is the engine's Step, validated by the engine's schema when it
 * was planned; it is stored keyed by (run_id, seq) (step-codec.ts: engine steps compactly, their
 * text apart, anything else as JSON), so replay reads the record instead of re-planning, and a
 * range of steps is read without decoding the rest.
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
  /** Its fingerprint, when the caller has it already: else worked out here from `topology`. */
  labHash?: string
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

/**
 * What a run without a summary shows: its counts only. Runs stored before format version 3
 * have none, nor has a run still being planned.
 */
export const bareSummary = (seed: number, steps: number, faults: readonly Fault[]): RunSummary => ({
  seed,
  steps,
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
    summary:
      r.summary === null ? bareSummary(r.seed, r.step_count, faults) : (JSON.parse(r.summary) as RunSummary),
    ...(r.lab_hash === null ? {} : { labHash: r.lab_hash }),
  }
}

/**
 * Stores a run and all its steps in one transaction: after a crash the run is whole or absent.
 * Steps must have whole-number `seq`s, each used once. Returns the stored run.
 * (run-batches.ts stores a run batch by batch while it is planned.)
 */
export function saveRun(db: Db, run: NewRun, steps: readonly Step[]): RunInfo {
  const id = run.id ?? randomUUID()
  const encoder = new StepEncoder()
  inTransaction(db, () => {
    insertRunRow(db, id, run, steps.length, true)
    insertSteps(db, id, steps, encoder)
    writeHostLists(db, id, encoder)
  })
  return getRun(db, id)
}

/** The run's row; `complete` false for a run whose steps are still to come (run-batches.ts). */
export function insertRunRow(db: Db, id: string, run: NewRun, stepCount: number, complete: boolean) {
  if (db.prepare('SELECT 1 FROM runs WHERE id = ?').get(id))
    throw new LabError('run-exists', `A run with id "${id}" is already stored.`)
  db.prepare(
    'INSERT INTO runs (id, seed, faults, created, label, parent_run_id, step_count, summary, topology, lab_hash, complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    id,
    run.seed,
    JSON.stringify(run.faults ?? []),
    run.created ?? new Date().toISOString(),
    run.label ?? '',
    run.parentId ?? null,
    stepCount,
    run.summary === undefined ? null : JSON.stringify(run.summary),
    run.topology === undefined ? null : JSON.stringify(run.topology),
    run.labHash ?? (run.topology === undefined ? null : labFingerprint(run.topology)),
    complete ? 1 : 0,
  )
}

/**
 * Inserts steps of run `id` (inside the caller's transaction), naming a bad or repeated seq.
 * One `encoder` writes all of a run's steps, batch after batch; `writeHostLists` stores the
 * host lists they refer to.
 */
export function insertSteps(db: Db, id: string, steps: readonly Step[], encoder: StepEncoder) {
  const insertStep = db.prepare('INSERT INTO steps (run_id, seq, json, text) VALUES (?, ?, ?, ?)')
  for (const step of steps) {
    if (!Number.isSafeInteger(step.seq) || step.seq < 0)
      throw new LabError(
        'bad-step',
        `Run "${id}": a step has seq ${String(step.seq)}; seq must be a whole number >= 0.`,
      )
    try {
      const row = encoder.encode(step)
      insertStep.run(id, step.seq, row.json, row.text)
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
        throw new LabError('bad-step', `Run "${id}": seq ${step.seq} is used by two steps.`)
      throw e
    }
  }
}

/** Stores the host lists the run's steps refer to (step-codec.ts), once all are encoded. */
export function writeHostLists(db: Db, id: string, encoder: StepEncoder) {
  const lists = encoder.hostLists
  if (lists !== null) db.prepare('UPDATE runs SET host_lists = ? WHERE id = ?').run(lists, id)
}

/** One stored run as lists show it; `not-found` when there is none. */
export function getRun(db: Db, id: string): RunInfo {
  const row = db.prepare(`SELECT ${INFO_COLUMNS} FROM runs WHERE id = ? AND complete = 1`).get(id) as
    RunRow | undefined
  if (!row) throw new LabError('not-found', `There is no run with id "${id}" in this lab.`)
  return toInfo(row)
}

/** The topology a run was planned from, or null when it was stored without one (before version 3). */
export function getRunTopology(db: Db, id: string): Topology | null {
  getRun(db, id)
  const json = db.prepare('SELECT topology FROM runs WHERE id = ?').pluck().get(id) as string | null
  return json === null ? null : (JSON.parse(json) as Topology)
}

/** Every stored run, oldest first; a run still being stored (or left half-stored) is not one. */
export function listRuns(db: Db): RunInfo[] {
  return (
    db
      .prepare(`SELECT ${INFO_COLUMNS} FROM runs WHERE complete = 1 ORDER BY created, rowid`)
      .all() as RunRow[]
  ).map(toInfo)
}

/** Steps of a run with fromSeq <= seq <= toSeq, in seq order. */
export function getSteps(db: Db, runId: string, fromSeq = 0, toSeq = Number.MAX_SAFE_INTEGER): Step[] {
  getRun(db, runId)
  const lists = db.prepare('SELECT host_lists FROM runs WHERE id = ?').pluck().get(runId) as string | null
  const decoder = new StepDecoder(lists)
  const rows = db
    .prepare('SELECT seq, json, text FROM steps WHERE run_id = ? AND seq BETWEEN ? AND ? ORDER BY seq')
    .raw()
    .all(runId, fromSeq, toSeq) as [number, string, string | null][]
  return rows.map(([seq, json, text]) => decoder.decode(seq, json, text))
}

/** Deletes a run with its steps and checkpoints; runs branched from it keep going, unparented. */
export function deleteRun(db: Db, runId: string) {
  inTransaction(db, () => db.prepare('DELETE FROM runs WHERE id = ?').run(runId))
}

/*
 * Checkpoints: the engine state after a step, so a seek can start there instead of at step 0.
 * The app writes one per run: its end, the state the planner finished in (saveRunEnd), so
 * opening a stored run reaches its last step without replaying it. Cursors lay their own
 * blocks for the steps between.
 */

/** Keeps the state after a run's last step `seq`: the run's end, read back by getRunEnd. */
export function saveRunEnd(db: Db, runId: string, seq: number, state: EngineState) {
  saveCheckpoint(db, runId, seq, state)
}

/** The state after the run's last step as the planner left it, or null when it was not kept. */
export function getRunEnd(db: Db, runId: string): EngineState | null {
  const { stepCount } = getRun(db, runId)
  const at = checkpointAtOrBefore(db, runId, stepCount)
  // Written by saveRunEnd from the planner's state, in this file's own format.
  return at?.seq === stepCount ? (at.state as EngineState) : null
}

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
