import { Worker } from 'node:worker_threads'

import type { PlanJob, PlanMessage } from './plan-messages'

/** Where the plan worker's script is: the source entry by default, a bundle in Electron. */
export type PlanWorkerScript = string | URL

/** The entry that runs plan-worker.ts from its source (plan-worker.mjs). */
export const SOURCE_PLAN_WORKER = 'plan-worker.mjs'

/** The default plan worker: the source entry beside this file (serve mode, CLI, tests). */
export const sourcePlanWorker = (): URL => new URL(SOURCE_PLAN_WORKER, import.meta.url)

/** A plan under way in its worker thread. */
export interface PlanInWorker {
  /** Stops planning now (the worker thread ends); nothing more is reported. */
  cancel(): void
}

/**
 * Plans `job` in a worker thread of its own and reports each message as it arrives. A worker
 * that dies without saying why is reported as `failed`. After `done`, `refused`, `failed` or
 * `cancel`, nothing more is reported and the thread is gone.
 */
export function planInWorker(
  script: PlanWorkerScript,
  job: PlanJob,
  report: (message: PlanMessage) => void,
): PlanInWorker {
  const worker = new Worker(script)
  let over = false
  const end = () => {
    over = true
    void worker.terminate()
  }
  worker.on('message', (message: PlanMessage) => {
    if (over) return
    if (message.kind !== 'steps') end()
    report(message)
  })
  worker.on('error', (e) => {
    if (over) return
    end()
    report({ kind: 'failed', message: e.message })
  })
  worker.on('exit', (code) => {
    if (over) return
    over = true
    report({ kind: 'failed', message: `the planner stopped (exit code ${code}) before the run was planned` })
  })
  worker.postMessage(job)
  return { cancel: end }
}
