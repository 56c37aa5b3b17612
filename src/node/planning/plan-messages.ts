import type { EngineState, Fault, RunSummary, Step } from '../../shared/engine/types'

/** What the plan worker is asked to plan (one run per worker). */
export interface PlanJob {
  /**
   * The topology as JSON text: posting text and parsing it in the worker costs a fraction of
   * structured-cloning the objects (measured on the 10,000-pod lab: ~55 ms to write on the
   * service's thread and ~110 ms to read in the worker, against ~200-370 ms for a clone).
   */
  topologyJson: string
  seed: number
  faults: Fault[]
  /** Steps per message: the first message is the first page a client sees. */
  batch: number
  /**
   * Shared with the service (a SharedArrayBuffer): set to 1 to stop planning. The worker stops
   * at its next step and says `stopped`, then waits for the next job with the engine's code
   * still compiled, which a thread started afresh is not (several tenths of a second on a large lab).
   */
  stop?: Int32Array
}

/**
 * What the plan worker posts back, in order: batches of steps, then `done` with the run's
 * summary and end state, or `refused` (a fault that names nothing in the lab: the user's mistake), `failed` or `stopped`.
 */
export type PlanMessage =
  | { kind: 'steps'; steps: Step[] }
  /** `end`: the state the planner ended in (a reader reaches the run's end without a replay). */
  | { kind: 'done'; summary: RunSummary; end: EngineState }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string }
  /** The job's `stop` was set: planning ended there, and the worker is free. */
  | { kind: 'stopped' }
