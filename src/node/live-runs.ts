import { randomUUID } from 'node:crypto'

import type { PushEvent, RunInfo, RunProgress } from '../shared/contract/contract'
import { LabError } from '../shared/contract/result'
import { labFingerprint } from '../shared/domain/lab-fingerprint'
import type { Topology } from '../shared/domain/topology'
import type { EngineState, Fault, Step } from '../shared/engine/types'
import { PlanWorkers, type PlanInWorker, type PlanWorkerScript } from './planning/plan-in-worker'
import type { PlanMessage } from './planning/plan-messages'
import { bareSummary } from './persistence/runs'
import type { RunStore, RunWriter } from './run-store'

/** Steps planned before a run is answered: the first page a client shows. */
export const FIRST_PAGE = 1000
/** Steps per stored batch (one transaction each), written between other requests. */
export const STORE_BATCH = 2000

type Phase = RunProgress['phase']

/** A run being planned (in a worker) and stored (in batches): what is known of it so far. */
export interface LiveRun {
  /** As lists would show it: `stepCount` is what is planned so far, the summary comes at the end. */
  info: RunInfo
  topology: Topology
  /** The steps planned so far, steps[i] being step i + 1. */
  readonly steps: Step[]
  /** True once planning has ended (storing may go on). */
  planned: boolean
  /** The state the planner ended in, once planned: pages bring it, stored or not. */
  end: EngineState | null
}

export interface RunToPlan {
  topology: Topology
  seed: number
  faults: Fault[]
  label: string
  parentId: string | null
}

export interface LiveRunDeps {
  emit: (event: PushEvent) => void
  runs: () => RunStore
  planWorker: () => PlanWorkerScript
}

/**
 * Runs planned off the request path: each in a worker thread, its steps kept here as they come
 * (so a client pages them at once), stored in batches between requests and listed once all are
 * stored. `start` answers as soon as the first page is planned; `runProgress` pushes follow the
 * rest (planning, storing, then done, cancelled or failed).
 */
export class LiveRuns {
  private readonly live = new Map<string, { run: LiveRun; stop: (failure?: LabError) => void }>()

  private readonly workers: PlanWorkers

  constructor(private readonly deps: LiveRunDeps) {
    this.workers = new PlanWorkers(deps.planWorker)
  }

  get(id: string): LiveRun | undefined {
    return this.live.get(id)?.run
  }

  /** Stops planning and storing `id` and forgets what was stored; false if it is not running. */
  cancel(id: string): boolean {
    const entry = this.live.get(id)
    entry?.stop()
    return entry !== undefined
  }

  /** Cancels every run under way (another lab opens). */
  cancelAll(): void {
    for (const id of [...this.live.keys()]) this.cancel(id)
  }

  /** Cancels every run under way and ends the planner threads (the service closes). */
  close(): void {
    this.workers.close()
    this.cancelAll()
  }

  /** Plans and stores a run; resolves with it once its first page is planned (or it is whole). */
  start(plan: RunToPlan): Promise<LiveRun> {
    // Ids stay unique across sessions of the same lab file, unlike a per-process counter.
    const id = `run-${randomUUID()}`
    const run: LiveRun = {
      info: {
        id,
        label: plan.label,
        seed: plan.seed,
        faults: plan.faults,
        created: new Date().toISOString(),
        parentId: plan.parentId,
        stepCount: 0,
        summary: bareSummary(plan.seed, 0, plan.faults),
      },
      topology: plan.topology,
      steps: [],
      planned: false,
      end: null,
    }
    const progress = (phase: Phase, message?: string) =>
      this.deps.emit({
        name: 'runProgress',
        payload: {
          runId: id,
          planned: run.steps.length,
          phase,
          ...(message ? { message } : {}),
          ...(phase === 'done' ? { run: run.info } : {}),
        },
      })
    return new Promise<LiveRun>((resolve, reject) => {
      let answered = false
      const answer = () => {
        if (!answered) resolve(run)
        answered = true
      }
      let writer: RunWriter | null = null
      let stored = 0
      let storing: NodeJS.Immediate | null = null
      let worker: PlanInWorker | null = null

      /** Ends the run unlisted: cancelled without `failure`, else failed with it. */
      const stop = (failure?: LabError) => {
        if (!this.live.has(id)) return
        this.live.delete(id)
        worker?.cancel()
        if (storing) clearImmediate(storing)
        try {
          writer?.abandon()
        } catch {
          // The lab closed under the run: nothing of it was listed, and nothing is left to drop.
        }
        if (failure) progress('failed', failure.message)
        else progress('cancelled')
        if (!answered)
          reject(failure ?? new LabError('cancelled', 'The run was cancelled before its first steps.'))
        answered = true
      }
      this.live.set(id, { run, stop })

      /** Stores one batch per turn of the event loop, so requests are answered in between. */
      const store = () => {
        storing = null
        try {
          writer ??= this.deps.runs().begin(run.info, run.topology)
          const ready = run.steps.length - stored
          if (run.planned && ready <= STORE_BATCH) {
            writer.finish(run.steps.slice(stored), run.info, run.steps, run.end)
            this.live.delete(id)
            progress('done')
            return answer()
          }
          if (ready < STORE_BATCH) return
          writer.append(run.steps.slice(stored, stored + STORE_BATCH))
          stored += STORE_BATCH
          if (run.planned || run.steps.length - stored >= STORE_BATCH) storing = setImmediate(store)
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e)
          stop(new LabError('unwritable', `Storing the run failed: ${why}`))
        }
      }
      const storeSoon = () => {
        storing ??= setImmediate(store)
      }

      const onMessage = (message: PlanMessage) => {
        switch (message.kind) {
          case 'steps':
            for (const step of message.steps) run.steps.push(step)
            run.info = { ...run.info, stepCount: run.steps.length }
            progress('planning')
            if (run.steps.length >= FIRST_PAGE) answer()
            return storeSoon()
          case 'done':
            run.planned = true
            run.end = message.end
            run.info = { ...run.info, stepCount: run.steps.length, summary: message.summary }
            progress('storing')
            return storeSoon()
          case 'refused':
            // A fault that names nothing in the lab is the user's mistake, not a bug.
            return stop(new LabError('bad-fault', `Cannot plan this run: ${message.message}.`))
          case 'failed':
            return stop(new LabError('internal', `Planning failed: ${message.message}.`))
          case 'stopped':
            // Said only after a cancel, which ended the run already.
            return
        }
      }
      progress('planning')
      try {
        worker = this.workers.plan(
          {
            topologyJson: JSON.stringify(plan.topology),
            seed: plan.seed,
            faults: plan.faults,
            batch: FIRST_PAGE,
          },
          onMessage,
        )
      } catch (e) {
        stop(
          new LabError(
            'internal',
            `The planner did not start: ${e instanceof Error ? e.message : String(e)}`,
          ),
        )
      }
      // The lab it is planned from, so a client tells when the run has gone stale: worked out
      // while the worker plans (a tenth of a second and more on the 10,000-pod lab).
      if (this.live.has(id)) run.info = { ...run.info, labHash: labFingerprint(plan.topology) }
    })
  }
}
