import type { Handlers, PushEvent, RunInfo, RunOpened, StepPage } from '../shared/contract/contract'
import { LabError } from '../shared/contract/result'
import { labFingerprint } from '../shared/domain/lab-fingerprint'
import { EMPTY_TOPOLOGY, type Topology } from '../shared/domain/topology'
import { createCursor, type Cursor } from '../shared/engine/cursor'
import { DisplayNames } from '../shared/engine/display-names'
import { stepWithTable } from '../shared/engine/placement-on-demand'
import { initialState } from '../shared/engine/state'
import type { Step } from '../shared/engine/types'
import { FIRST_PAGE, LiveRuns, type LiveRun } from './live-runs'
import type { PlanWorkerScript } from './planning/plan-in-worker'
import type { RunStore } from './run-store'

export { FIRST_PAGE }

export interface RunDeps {
  /** The open lab's topology and revision at the moment a run starts. */
  topology: () => Topology
  revision: () => number
  emit: (event: PushEvent) => void
  /** The open lab's runs (a new store when another lab opens). */
  runs: () => RunStore
  /** The plan worker's script (plan-in-worker.ts). */
  planWorker: () => PlanWorkerScript
}

type RunHandlers = Pick<
  Handlers,
  'startRun' | 'openRun' | 'getRunSteps' | 'getStep' | 'branchRun' | 'cancelRun'
>

/** A step as lists need it: the placement keeps its verdict and explanation, not the per-host rows. */
function lite(s: Step): Step {
  if (!s.placement) return s
  // The inputs that rebuild the table stay on the Node side: getStep rebuilds it.
  const { ask: _ask, ...placement } = s.placement
  return { ...s, placement: { ...placement, rows: [] } }
}

/**
 * The run requests of the contract. Runs are planned in a worker thread and stored in batches
 * (live-runs.ts): a run is answered with its first page while the rest is planned, and read by
 * range from memory until it is stored, then from the store.
 */
export function createRunHandlers(deps: RunDeps): { handlers: RunHandlers; live: LiveRuns } {
  const live = new LiveRuns({ emit: deps.emit, runs: deps.runs, planWorker: deps.planWorker })
  const info = (runId: string): RunInfo => {
    const run = live.get(runId)?.info ?? deps.runs().info(runId)
    if (!run) throw new LabError('no-such-run', `There is no stored run "${runId}".`)
    return run
  }
  const stepsOf = (runId: string, from: number, to: number): Step[] => {
    const planning = live.get(runId)
    if (planning) return planning.steps.slice(from - 1, to)
    return deps.runs().steps(runId, from, to)
  }
  const page = (runId: string, from: number, count: number): StepPage => {
    const { stepCount } = info(runId)
    const planning = live.get(runId)
    const steps = stepsOf(runId, from, from + count - 1).map(lite)
    // The page with the last step of a planned run, or the empty one just past it (asked for
    // by a client that had the last step before planning ended), brings the end, so the
    // client never replays the run to reach it.
    const planned = planning ? planning.planned : true
    const last = planned && from <= stepCount + 1 && from + steps.length > stepCount
    const end = last ? (planning ? planning.end : deps.runs().end(runId)) : null
    return {
      from,
      steps,
      total: stepCount,
      complete: planned,
      ...(end ? { end } : {}),
    }
  }
  // Placement tables are rebuilt from the run's state: one cursor, over the run last asked about.
  let tables: { runId: string; cursor: Cursor } | null = null
  const cursorOf = (runId: string): Cursor => {
    if (tables?.runId !== runId) {
      const { stepCount, summary } = info(runId)
      const planning = live.get(runId)
      // A run being planned grows under its cursor, which reads the steps as they come.
      const steps = planning ? planning.steps : deps.runs().steps(runId, 1, stepCount)
      const topology = planning?.topology ?? deps.runs().topology(runId) ?? EMPTY_TOPOLOGY
      const end = planning ? null : deps.runs().end(runId)
      tables = {
        runId,
        cursor: createCursor({ steps, summary }, initialState(topology), {
          ...(end ? { end: { seq: stepCount, state: end } } : {}),
        }),
      }
    }
    return tables.cursor
  }
  const opened = (run: LiveRun): RunOpened => ({ run: run.info, firstPage: page(run.info.id, 1, FIRST_PAGE) })
  const handlers: RunHandlers = {
    startRun: async ({ seed, faults }) => {
      const number =
        deps
          .runs()
          .list()
          .filter((r) => r.parentId === null).length + 1
      const labRevision = deps.revision()
      const topology = deps.topology()
      const run = await live.start({
        topology,
        seed,
        faults,
        label: `Run ${number} · seed ${seed}`,
        parentId: null,
      })
      return { ...opened(run), labRevision }
    },
    openRun: ({ runId }) => {
      const topology = live.get(runId)?.topology ?? deps.runs().topology(runId)
      const run = info(runId)
      // A run stored before format 4 with its lab kept: its fingerprint is worked out here.
      const labHash = run.labHash ?? (topology ? labFingerprint(topology) : undefined)
      return {
        run: labHash === undefined ? run : { ...run, labHash },
        topology,
        firstPage: page(runId, 1, FIRST_PAGE),
      }
    },
    getRunSteps: ({ runId, from, count }) => page(runId, from, count),
    getStep: ({ runId, seq }) => {
      info(runId)
      const step = stepsOf(runId, seq, seq)[0]
      if (!step) throw new LabError('no-such-step', `Run "${runId}" has no step ${seq}.`)
      return step.placement?.ask ? stepWithTable(cursorOf(runId), step) : step
    },
    cancelRun: ({ runId }) => {
      if (live.cancel(runId)) return { runId }
      const run = info(runId)
      throw new LabError(
        'not-running',
        `${run.label} is planned and stored already; there is nothing to cancel.`,
      )
    },
    branchRun: async ({ runId, fault }) => {
      const parent = info(runId)
      if (fault.atSeq > parent.stepCount + 1)
        throw new LabError(
          'bad-fault',
          `A fault at step ${fault.atSeq} is past the end of ${parent.label} (${parent.stepCount} steps${live.get(runId) ? ' planned so far' : ''}).`,
        )
      const topology = live.get(runId)?.topology ?? deps.runs().topology(runId)
      if (!topology)
        throw new LabError(
          'no-topology',
          `${parent.label} was stored by an older Pacific Lab without the lab it was planned from, so it replays but cannot branch. Provision again to branch.`,
        )
      const faults = [...parent.faults, fault]
      const label = `${parent.label} + ${new DisplayNames(topology).fault(fault)}`
      return opened(await live.start({ topology, seed: parent.seed, faults, label, parentId: runId }))
    },
  }
  return { handlers, live }
}
