import { Worker } from 'node:worker_threads'

import type { PlanJob, PlanMessage } from './plan-messages'

/** Where the plan worker's script is: the source entry by default, a bundle in Electron. */
export type PlanWorkerScript = string | URL

/** The entry that runs plan-worker.ts from its source (plan-worker.mjs). */
const SOURCE_PLAN_WORKER = 'plan-worker.mjs'

/** The default plan worker: the source entry beside this file (serve mode, CLI, tests). */
export const sourcePlanWorker = (): URL => new URL(SOURCE_PLAN_WORKER, import.meta.url)

/** A plan under way in a worker thread. */
export interface PlanInWorker {
  /** Stops planning now (the thread ends); nothing more is reported. */
  cancel(): void
}

/** How long a cancelled worker may take to stop at its next step before it is ended instead. */
const STOP_GRACE_MS = 2000

/**
 * Worker threads that plan runs, one run each at a time. A worker that finished a run waits,
 * idle, for the next (loading the engine in a new thread takes longer than planning a small
 * lab, and its code is compiled only as it runs); a cancelled one is asked to stop at its next
 * step and then waits likewise (one that does not stop in time is ended, and a fresh one made
 * ready). Idle workers do not keep the process alive.
 */
export class PlanWorkers {
  private idle: Worker | null = null
  private closed = false

  constructor(private readonly script: () => PlanWorkerScript) {}

  /**
   * Plans `job` and reports each message as it arrives: batches of steps, then `done`,
   * `refused` or `failed` (a worker that dies without saying why is `failed`). After that, or
   * after `cancel`, nothing more is reported.
   */
  plan(job: Omit<PlanJob, 'stop'>, report: (message: PlanMessage) => void): PlanInWorker {
    const worker = this.idle ?? this.start()
    this.idle = null
    worker.ref()
    const stop = new Int32Array(new SharedArrayBuffer(4))
    let over = false
    const release = () => {
      over = true
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
    }
    const onMessage = (message: PlanMessage) => {
      if (over) return
      if (message.kind === 'done' || message.kind === 'refused' || message.kind === 'stopped') {
        release()
        this.rest(worker)
      } else if (message.kind === 'failed') {
        release()
        void worker.terminate()
      }
      report(message)
    }
    const onError = (e: Error) => {
      if (over) return
      release()
      void worker.terminate()
      report({ kind: 'failed', message: e.message })
    }
    const onExit = (code: number) => {
      if (over) return
      release()
      report({
        kind: 'failed',
        message: `the planner stopped (exit code ${code}) before the run was planned`,
      })
    }
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage({ ...job, stop })
    return {
      cancel: () => {
        if (over) return
        release()
        Atomics.store(stop, 0, 1)
        this.settle(worker)
      },
    }
  }

  /** Waits for a cancelled worker to stop, then keeps it for the next run; or ends it. */
  private settle(worker: Worker): void {
    const end = () => {
      worker.off('message', onMessage)
      worker.off('error', fail)
      worker.off('exit', fail)
      clearTimeout(timer)
    }
    const onMessage = (message: PlanMessage) => {
      if (message.kind === 'steps') return
      end()
      if (message.kind === 'failed') void worker.terminate()
      else this.rest(worker)
    }
    const fail = () => {
      end()
      void worker.terminate()
      this.ready()
    }
    const timer = setTimeout(fail, STOP_GRACE_MS)
    timer.unref()
    worker.on('message', onMessage)
    worker.on('error', fail)
    worker.on('exit', fail)
  }

  /** Makes a worker ready for the next run, so it does not wait for one to start. */
  ready(): void {
    if (!this.idle && !this.closed) this.rest(this.start())
  }

  /** Ends the idle worker and keeps none ready from now on (the service closes). */
  close(): void {
    this.closed = true
    void this.idle?.terminate()
    this.idle = null
  }

  private start(): Worker {
    const worker = new Worker(this.script())
    // An idle worker that fails or ends is simply not idle any more.
    const drop = () => {
      if (this.idle === worker) this.idle = null
    }
    worker.on('error', drop)
    worker.on('exit', drop)
    return worker
  }

  private rest(worker: Worker): void {
    if (this.idle || this.closed) {
      void worker.terminate()
      return
    }
    worker.unref()
    this.idle = worker
  }
}
