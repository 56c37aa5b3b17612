import { useMemo } from 'react'

import type { Topology } from '../../../shared/domain/topology'
import { DisplayNames } from '../../../shared/engine/display-names'
import type { Step } from '../../../shared/engine/types'
import { selectTopology as selectLabTopology, useLabStore } from './lab-store'
import { selectSteps, selectTopology as selectRunTopology, usePlaybackStore } from './playback-store'

/** The names last made, shared by every component that asks with the same lab, run and steps. */
let last: { lab: Topology | null; run: Topology | null; steps: readonly Step[]; names: DisplayNames } | null =
  null

function namesFor(lab: Topology | null, run: Topology | null, steps: readonly Step[]): DisplayNames {
  if (last?.lab !== lab || last.run !== run || last.steps !== steps)
    last = { lab, run, steps, names: new DisplayNames(lab, run).learn(steps) }
  return last.names
}

/**
 * Names for everything the window shows: the open lab's objects, the playing run's lab (which
 * wins, as the run's sentences were written with its names) and the objects its steps create.
 * Made once per change for all the components that show names (on the 10,000-pod lab each
 * making its own cost tens of milliseconds apiece when a run opened or a page of steps came).
 */
export function useDisplayNames(): DisplayNames {
  const lab = useLabStore(selectLabTopology)
  const run = usePlaybackStore(selectRunTopology)
  const steps = usePlaybackStore(selectSteps)
  return useMemo(() => namesFor(lab, run, steps), [lab, run, steps])
}
