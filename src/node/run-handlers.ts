import type { z } from 'zod'

import type { Handlers, PushEvent, RunInfo } from '../shared/contract/contract'
import { LabError } from '../shared/contract/result'
import type { Topology } from '../shared/domain/topology'
import { plan } from '../shared/engine/plan'
import type { Fault, Step } from '../shared/engine/types'

export type RunInfoT = z.output<typeof RunInfo>

/** A stored run: what lists show, its steps, and the topology it was planned from (for branches). */
export interface StoredRun {
  info: RunInfoT
  steps: Step[]
  topology: Topology
}

/**
 * Where runs live. The in-memory store below serves the demo and tests; the persistence work
 * swaps in a store backed by the lab file with the same three methods.
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
const lite = (s: Step): Step => (s.placement ? { ...s, placement: { ...s.placement, rows: [] } } : s)

const describeFault = (f: Fault) =>
  `${f.kind} ${f.target} at step ${f.atSeq}${f.value ? ` (${f.value})` : ''}`

/** Lets the event loop flush a progress push before the synchronous planner runs. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The run requests of the contract. Planning is synchronous in the pure engine, so progress is
 * reported per phase (planning, storing, done) rather than per step.
 */
export function createRunHandlers(deps: RunDeps): RunHandlers {
  let counter = 0
  const planAndStore = async (
    topology: Topology,
    seed: number,
    faults: Fault[],
    label: string,
    parentId?: string,
  ): Promise<RunInfoT> => {
    counter++
    const id = `run-${counter}`
    deps.emit({ name: 'runProgress', payload: { runId: id, planned: 0, phase: 'planning' } })
    await yieldToIo()
    const run = plan(topology, undefined, seed, faults)
    deps.emit({ name: 'runProgress', payload: { runId: id, planned: run.steps.length, phase: 'storing' } })
    const info: RunInfoT = {
      id,
      label,
      seed,
      faults,
      stepCount: run.steps.length,
      summary: run.summary,
      ...(parentId ? { parentId } : {}),
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
  return {
    startRun: ({ seed, faults }) =>
      planAndStore(deps.topology(), seed, faults, `Run ${counter + 1} · seed ${seed}`),
    getRunSteps: ({ runId }) => {
      const run = stored(runId)
      return { steps: run.steps.map(lite), topology: run.topology }
    },
    getStep: ({ runId, seq }) => {
      const step = stored(runId).steps[seq - 1]
      if (!step) throw new LabError('no-such-step', `Run "${runId}" has no step ${seq}.`)
      return step
    },
    branchRun: ({ runId, fault }) => {
      const parent = stored(runId)
      if (fault.atSeq > parent.info.stepCount + 1)
        throw new LabError(
          'bad-fault',
          `A fault at step ${fault.atSeq} is past the end of ${parent.info.label} (${parent.info.stepCount} steps).`,
        )
      const faults = [...parent.info.faults, fault]
      const label = `${parent.info.label} + ${describeFault(fault)}`
      return planAndStore(parent.topology, parent.info.seed, faults, label, runId)
    },
  }
}
