import { useMemo } from 'react'

import { labFingerprint } from '../../../shared/domain/lab-fingerprint'
import { selectTopology, useLabStore } from '../stores/lab-store'
import { provision } from '../stores/playback-actions'
import { selectActiveRun, selectBusy, selectPlanning, usePlaybackStore } from '../stores/playback-store'

/**
 * Says when the run shown was planned from another version of the lab (the lab changed since),
 * or that it cannot tell (a run an older Pacific Lab stored without its lab), with Re-run.
 */
export function StaleRunBanner() {
  const run = usePlaybackStore(selectActiveRun)
  const busy = usePlaybackStore(selectBusy)
  // Like Provision: one run planned at a time from here.
  const planning = usePlaybackStore(selectPlanning)
  const topology = useLabStore(selectTopology)
  const current = useMemo(() => (topology ? labFingerprint(topology) : null), [topology])
  if (!run || current === null || run.labHash === current) return null
  const unknown = run.labHash === undefined
  return (
    <div
      className={`stale-run${unknown ? ' is-unknown' : ''}`}
      role="status"
      data-testid="stale-run"
      data-stale={unknown ? 'unknown' : 'changed'}
    >
      <span>
        {unknown
          ? 'This run was stored by an older Pacific Lab without the lab it was planned from, so whether the lab has changed since cannot be told.'
          : 'The lab has changed since this run was planned: the run shows the lab as it was then.'}
      </span>
      <button
        type="button"
        data-testid="stale-rerun"
        disabled={busy || planning}
        onClick={() => void provision()}
      >
        Re-run on the lab as it is
      </button>
    </div>
  )
}
