import { useEffect, useSyncExternalStore } from 'react'

import type { Problem } from '../../../shared/domain/problems'
import type { Topology } from '../../../shared/domain/topology'
import { fitProblems } from '../../../shared/engine/fit/fit-problems'
import { afterPaint } from './after-paint'

/**
 * The fit problems of the topology on screen, computed in one Web Worker (fit.worker.ts). Edits
 * come faster than the pass: only the newest topology waits while one is computed, so a burst
 * of edits costs two passes, not one per edit. Results are kept per topology object.
 */
type Reply = { id: number; ok: true; problems: Problem[] } | { id: number; ok: false; error: string }

const NONE: Problem[] = []
const results = new WeakMap<Topology, Problem[]>()
const listeners = new Set<() => void>()
let worker: Worker | undefined
let busy: { id: number; topology: Topology } | undefined
let waiting: Topology | undefined
let nextId = 1

const notify = () => listeners.forEach((l) => l())

function send(topology: Topology) {
  const w = (worker ??= startWorker())
  const message = (busy = { id: nextId++, topology })
  // Copying a large lab to the worker takes a while (a fifth of a second for 20,000 objects).
  afterPaint(() => w.postMessage(message))
}

function startWorker(): Worker {
  const w = new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module' })
  w.onmessage = (e: MessageEvent<Reply>) => {
    const done = busy
    busy = undefined
    if (done && e.data.id === done.id)
      results.set(done.topology, e.data.ok ? e.data.problems : [failed(e.data.error)])
    const next = waiting
    waiting = undefined
    if (next && !results.has(next)) send(next)
    notify()
  }
  return w
}

const failed = (error: string): Problem => ({
  severity: 'warning',
  code: 'fit-check-failed',
  objectId: '',
  message: `The "will it fit" check could not run: ${error}`,
  hint: 'Edit the lab to try again',
})

function request(topology: Topology) {
  if (results.has(topology) || busy?.topology === topology) return
  // Without workers (unit tests under jsdom) the pass runs here.
  if (typeof Worker === 'undefined') {
    results.set(topology, fitProblems(topology))
    notify()
  } else if (busy) waiting = topology
  else send(topology)
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The fit problems of `topology` once the worker has them; none until then. */
export function useFitProblems(topology: Topology): Problem[] {
  useEffect(() => request(topology), [topology])
  return useSyncExternalStore(subscribe, () => results.get(topology) ?? NONE)
}

/** Whether "will it fit" has not answered for `topology` yet. */
export function useFitPending(topology: Topology): boolean {
  return useSyncExternalStore(subscribe, () => !results.has(topology))
}
