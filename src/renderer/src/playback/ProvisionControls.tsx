import { useDisplayNames } from '../stores/display-names'
import { cancelRun, dismissPlaybackError, loadRun, provision, setSeed } from '../stores/playback-actions'
import {
  selectBusy,
  selectPlanning,
  selectPlaybackError,
  selectProgress,
  selectRunId,
  selectRuns,
  selectSeed,
  usePlaybackStore,
} from '../stores/playback-store'

/** Seed, the Provision button, planning progress and the list of stored runs. */
export function ProvisionControls() {
  const seed = usePlaybackStore(selectSeed)
  const busy = usePlaybackStore(selectBusy)
  const progress = usePlaybackStore(selectProgress)
  const planning = usePlaybackStore(selectPlanning)
  const runs = usePlaybackStore(selectRuns)
  const runId = usePlaybackStore(selectRunId)
  const error = usePlaybackStore(selectPlaybackError)
  const names = useDisplayNames()
  return (
    <div className="provision-controls">
      <label className="seed-field">
        Seed
        <input
          type="number"
          data-testid="seed"
          value={seed}
          onChange={(e) => setSeed(Math.trunc(Number(e.target.value) || 0))}
        />
      </label>
      <button
        type="button"
        data-testid="provision"
        className="primary"
        disabled={busy || planning}
        onClick={() => void provision()}
      >
        {runId ? 'Re-run' : 'Provision'}
      </button>
      {planning && progress ? (
        <span className="run-progress" data-testid="run-progress" data-phase={progress.phase} role="status">
          {progress.phase === 'planning'
            ? `Planning… ${progress.planned.toLocaleString()} steps`
            : `Storing ${progress.planned.toLocaleString()} steps…`}
          <button type="button" data-testid="cancel-run" onClick={() => void cancelRun()}>
            Cancel
          </button>
        </span>
      ) : null}
      {runs.length > 0 ? (
        <select
          data-testid="run-picker"
          aria-label="Stored runs"
          value={runId ?? ''}
          onChange={(e) => void loadRun(e.target.value)}
        >
          {runId ? null : (
            <option value="" disabled>
              Pick a stored run ({runs.length})
            </option>
          )}
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.parentId ? '↳ ' : ''}
              {names.run(r)} · {r.stepCount} steps
              {r.summary.problems.length ? ` · ${r.summary.problems.length} problems` : ''}
            </option>
          ))}
        </select>
      ) : null}
      {error ? (
        <span className="playback-error" role="alert">
          {error}{' '}
          <button type="button" onClick={dismissPlaybackError}>
            Dismiss
          </button>
        </span>
      ) : null}
    </div>
  )
}
