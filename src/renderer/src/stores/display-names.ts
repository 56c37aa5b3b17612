import { useMemo } from 'react'

import { DisplayNames } from '../../../shared/engine/display-names'
import { selectTopology as selectLabTopology, useLabStore } from './lab-store'
import { selectSteps, selectTopology as selectRunTopology, usePlaybackStore } from './playback-store'

/**
 * Names for everything the window shows: the open lab's objects, the playing run's lab (which
 * wins, as the run's sentences were written with its names) and the objects its steps create.
 */
export function useDisplayNames(): DisplayNames {
  const lab = useLabStore(selectLabTopology)
  const run = usePlaybackStore(selectRunTopology)
  const steps = usePlaybackStore(selectSteps)
  return useMemo(() => new DisplayNames(lab, run).learn(steps), [lab, run, steps])
}
