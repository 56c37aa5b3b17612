import { randomUUID } from 'node:crypto'

import type { Handlers, PushEvent, RunInfo, RunOpened, StepPage } from '../shared/contract/contract'
import { LabError } from '../shared/contract/result'
import { labFingerprint } from '../shared/domain/lab-fingerprint'
import type { Topology } from '../shared/domain/topology'
import { DisplayNames } from '../shared/engine/display-names'
import { FaultError } from '../shared/engine/faults'
import { plan } from '../shared/engine/plan'
import type { Fault, Step } from '../shared/engine/types'
import type { RunStore } from './run-store'

/** Steps in the answer that opens a run: enough to start playing while the rest are paged in. */
export const FIRST_PAGE = 1000

export interface RunDeps {
  /** The open lab's topology and revision at the moment a run starts. */
  topology: () => Topology
  revision: () => number
  emit: (event: PushEvent) => void
  /** The open lab's runs (a new store when another lab opens). */
  runs: () => RunStore
}

type RunHandlers = Pick<Handlers, 'startRun' | 'openRun' | 'getRunSteps' | 'getStep' | 'branchRun'>

/** A step as lists need it: the placement keeps its verdict and explanation, not the per-host rows. */
const lite = (s: Step): Step => (s.placement ? { ...s, placement: { ...s.placement, rows: [] } } : s)

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
  const info = (runId: string): RunInfo => {
    const run = deps.runs().info(runId)
    if (!run) throw new LabError('no-such-run', `There is no stored run "${runId}".`)
    return run
  }
  const page = (runId: string, from: number, count: number): StepPage => {
    const { stepCount } = info(runId)
    const steps = deps
      .runs()
      .steps(runId, from, from + count - 1)
      .map(lite)
    return { from, steps, total: stepCount, complete: true }
  }
  const planAndStore = async (
    topology: Topology,
    seed: number,
    faults: Fault[],
    label: string,
    parentId: string | null,
  ): Promise<RunOpened> => {
    // Ids stay unique across sessions of the same lab file, unlike a per-process counter.
    const id = `run-${randomUUID()}`
    deps.emit({ name: 'runProgress', payload: { runId: id, planned: 0, phase: 'planning' } })
    await yieldToIo()
    const run = planOrRefuse(topology, seed, faults)
    deps.emit({ name: 'runProgress', payload: { runId: id, planned: run.steps.length, phase: 'storing' } })
    const stored: RunInfo = {
      id,
      label,
      seed,
      faults,
      created: new Date().toISOString(),
      parentId,
      stepCount: run.steps.length,
      summary: run.summary,
      labHash: labFingerprint(topology),
    }
    deps.runs().save(stored, run.steps, topology)
    deps.emit({ name: 'runProgress', payload: { runId: id, planned: run.steps.length, phase: 'done' } })
    return { run: stored, firstPage: page(id, 1, FIRST_PAGE) }
  }
  return {
    startRun: async ({ seed, faults }) => {
      const number =
        deps
          .runs()
          .list()
          .filter((r) => r.parentId === null).length + 1
      const labRevision = deps.revision()
      const opened = await planAndStore(deps.topology(), seed, faults, `Run ${number} · seed ${seed}`, null)
      return { ...opened, labRevision }
    },
    openRun: ({ runId }) => {
      const topology = deps.runs().topology(runId)
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
      const step = deps.runs().steps(runId, seq, seq)[0]
      if (!step) throw new LabError('no-such-step', `Run "${runId}" has no step ${seq}.`)
      return step
    },
    branchRun: ({ runId, fault }) => {
      const parent = info(runId)
      if (fault.atSeq > parent.stepCount + 1)
        throw new LabError(
          'bad-fault',
          `A fault at step ${fault.atSeq} is past the end of ${parent.label} (${parent.stepCount} steps).`,
        )
      const topology = deps.runs().topology(runId)
      if (!topology)
        throw new LabError(
          'no-topology',
          `${parent.label} was stored by an older Pacific Lab without the lab it was planned from, so it replays but cannot branch. Provision again to branch.`,
        )
      const faults = [...parent.faults, fault]
      const label = `${parent.label} + ${new DisplayNames(topology).fault(fault)}`
      return planAndStore(topology, parent.seed, faults, label, runId)
    },
  }
}
