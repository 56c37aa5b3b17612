import { randomUUID } from 'node:crypto'

import type { Handlers, PushEvent, RunInfo } from '../shared/contract/contract'
import { LabError } from '../shared/contract/result'
import { EMPTY_TOPOLOGY, type Topology } from '../shared/domain/topology'
import { createCursor, type Cursor } from '../shared/engine/cursor'
import { FaultError } from '../shared/engine/faults'
import { stepWithTable } from '../shared/engine/placement-on-demand'
import { plan } from '../shared/engine/plan'
import { initialState } from '../shared/engine/state'
import type { Fault, Step } from '../shared/engine/types'

/** A run as lists show it (the contract's RunInfo). */
export type RunInfoT = RunInfo

/** A stored run: what lists show, its steps, and the topology it was planned from (for branches). */
export interface StoredRun {
  info: RunInfoT
  steps: Step[]
  /** Null for runs stored before lab format 3: they replay, but cannot branch. */
  topology: Topology | null
}

/**
 * Where runs live: the lab file (LabRunStore), or memory (below) for runs that cannot be
 * written, such as those of a read-only lab.
 */
export interface RunStore {
  saveRun(info: RunInfoT, steps: Step[], topology: Topology): void
  getRun(id: string): StoredRun | undefined
  list(): RunInfoT[]
}

/** Runs kept in a Map for the life of the process, oldest first. */
export class MemoryRunStore implements RunStore {
  private readonly runs = new Map<string, StoredRun>()
  saveRun(info: RunInfoT, steps: Step[], topology: Topology): void {
    this.runs.set(info.id, { info, steps, topology })
  }
  getRun(id: string): StoredRun | undefined {
    return this.runs.get(id)
  }
  list(): RunInfoT[] {
    return [...this.runs.values()].map((r) => r.info)
  }
}

export interface RunDeps {
  /** The open lab's topology at the moment a run starts. */
  topology: () => Topology
  emit: (event: PushEvent) => void
  store: RunStore
}

type RunHandlers = Pick<Handlers, 'startRun' | 'getRunSteps' | 'getStep' | 'branchRun'>

/** A step as lists need it: the placement keeps its verdict and explanation, not the per-host rows. */
function lite(s: Step): Step {
  if (!s.placement) return s
  // The inputs that rebuild the table stay on the Node side: getStep rebuilds it.
  const { ask: _ask, ...placement } = s.placement
  return { ...s, placement: { ...placement, rows: [] } }
}

const describeFault = (f: Fault) =>
  `${f.kind} ${f.target} at step ${f.atSeq}${f.value ? ` (${f.value})` : ''}`

/** Plans a run; a fault that names nothing in the lab is the user's mistake, not a bug. */
function planOrRefuse(topology: Topology, seed: number, faults: Fault[]) {
  try {
    return plan(topology, undefined, seed, faults)
  } catch (e) {
    if (e instanceof FaultError) throw new LabError('bad-fault', `Cannot plan this run: ${e.message}.`)
    throw e
  }
}

/** Lets the event loop flush a progress push before the synchronous planner runs. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The run requests of the contract. Planning is synchronous in the pure engine, so progress is
 * reported per phase (planning, storing, done) rather than per step.
 */
export function createRunHandlers(deps: RunDeps): RunHandlers {
  const planAndStore = async (
    topology: Topology,
    seed: number,
    faults: Fault[],
    label: string,
    parentId: string | null,
  ): Promise<RunInfoT> => {
    // Ids stay unique across sessions of the same lab file, unlike a per-process counter.
    const id = `run-${randomUUID()}`
    deps.emit({ name: 'runProgress', payload: { runId: id, planned: 0, phase: 'planning' } })
    await yieldToIo()
    const run = planOrRefuse(topology, seed, faults)
    deps.emit({ name: 'runProgress', payload: { runId: id, planned: run.steps.length, phase: 'storing' } })
    const info: RunInfoT = {
      id,
      label,
      seed,
      faults,
      created: new Date().toISOString(),
      parentId,
      stepCount: run.steps.length,
      summary: run.summary,
    }
    deps.store.saveRun(info, run.steps, topology)
    deps.emit({ name: 'runProgress', payload: { runId: id, planned: run.steps.length, phase: 'done' } })
    return info
  }
  const stored = (runId: string) => {
    const run = deps.store.getRun(runId)
    if (!run) throw new LabError('no-such-run', `There is no stored run "${runId}".`)
    return run
  }
  // Placement tables are rebuilt from the run's state: one cursor, over the run last asked about.
  let tables: { run: StoredRun; cursor: Cursor } | null = null
  const cursorOf = (run: StoredRun): Cursor => {
    if (tables?.run !== run)
      tables = {
        run,
        cursor: createCursor(
          { steps: run.steps, summary: run.info.summary },
          initialState(run.topology ?? EMPTY_TOPOLOGY),
        ),
      }
    return tables.cursor
  }
  return {
    startRun: ({ seed, faults }) => {
      const number = deps.store.list().filter((r) => r.parentId === null).length + 1
      return planAndStore(deps.topology(), seed, faults, `Run ${number} · seed ${seed}`, null)
    },
    getRunSteps: ({ runId }) => {
      const run = stored(runId)
      return { steps: run.steps.map(lite), ...(run.topology ? { topology: run.topology } : {}) }
    },
    getStep: ({ runId, seq }) => {
      const run = stored(runId)
      const step = run.steps[seq - 1]
      if (!step) throw new LabError('no-such-step', `Run "${runId}" has no step ${seq}.`)
      return step.placement?.ask ? stepWithTable(cursorOf(run), step) : step
    },
    branchRun: ({ runId, fault }) => {
      const parent = stored(runId)
      if (fault.atSeq > parent.info.stepCount + 1)
        throw new LabError(
          'bad-fault',
          `A fault at step ${fault.atSeq} is past the end of ${parent.info.label} (${parent.info.stepCount} steps).`,
        )
      if (!parent.topology)
        throw new LabError(
          'no-topology',
          `${parent.info.label} was stored by an older Pacific Lab without the lab it was planned from, so it replays but cannot branch. Provision again to branch.`,
        )
      const faults = [...parent.info.faults, fault]
      const label = `${parent.info.label} + ${describeFault(fault)}`
      return planAndStore(parent.topology, parent.info.seed, faults, label, runId)
    },
  }
}
