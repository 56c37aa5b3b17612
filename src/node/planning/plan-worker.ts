import { parentPort } from 'node:worker_threads'

import type { Topology } from '../../shared/domain/topology'
import { FaultError } from '../../shared/engine/faults'
import { planStreamingWithEnd } from '../../shared/engine/plan'
import type { Step } from '../../shared/engine/types'
import type { PlanJob, PlanMessage } from './plan-messages'

/**
 * The worker thread that plans runs, one per message (plan-in-worker.ts starts it): the engine's
 * streaming plan, its steps posted in batches as they are made, so the service's event loop stays free to
 * answer, store and page while a run of a hundred thousand steps is planned.
 */
const port = parentPort
if (!port) throw new Error('plan-worker.ts runs as a worker thread (plan-in-worker.ts starts it)')

/** Thrown out of the planner when the service asks it to stop (the job's `stop` flag). */
const STOPPED = new Error('stopped')

port.on('message', (job: PlanJob) => {
  const post = (message: PlanMessage) => port.postMessage(message)
  let batch: Step[] = []
  try {
    const topology = JSON.parse(job.topologyJson) as Topology
    const { summary, end } = planStreamingWithEnd(topology, undefined, job.seed, job.faults, (step) => {
      if (job.stop && Atomics.load(job.stop, 0) !== 0) throw STOPPED
      batch.push(step)
      if (batch.length >= job.batch) {
        post({ kind: 'steps', steps: batch })
        batch = []
      }
    })
    post({ kind: 'steps', steps: batch })
    post({ kind: 'done', summary, end })
  } catch (e) {
    if (e === STOPPED) return post({ kind: 'stopped' })
    const message = e instanceof Error ? e.message : String(e)
    post({ kind: e instanceof FaultError ? 'refused' : 'failed', message })
  }
})
