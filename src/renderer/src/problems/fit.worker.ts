import type { Topology } from '../../../shared/domain/topology'
import { fitProblems } from '../../../shared/engine/fit/fit-problems'

/**
 * "Will it fit" off the main thread: the planner's quiet admission and placement pass over the
 * whole lab costs too much to run inside an edit (the figure engine.validateWarmMs measures it).
 */
self.onmessage = (e: MessageEvent<{ id: number; topology: Topology }>) => {
  const { id, topology } = e.data
  try {
    self.postMessage({ id, ok: true, problems: fitProblems(topology) })
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error) })
  }
}
