import { useDisplayNames } from '../stores/display-names'
import { selectDetailStep, selectPlaying, usePlaybackStore } from '../stores/playback-store'
import { formatClock } from './derive'
import { EffectList } from './EffectList'
import { FaultForm } from './FaultForm'
import { PlacementTable } from './PlacementTable'
import { fixFor, SEED_STEPS } from './seed-steps'

/** What the current step did and why, its seed-deck step, its state changes and placement. */
export function StepDetail() {
  const step = usePlaybackStore(selectDetailStep)
  // While playing, the state changes scroll by too fast to read; they show on pause.
  const playing = usePlaybackStore(selectPlaying)
  const names = useDisplayNames()
  return (
    <aside className="step-detail" data-testid="step-detail" data-seq={step?.seq ?? 0}>
      {step ? (
        <>
          <header className="step-head">
            <strong>Step {step.seq}</strong> · {formatClock(step.t)} · {step.sequence} ·{' '}
            <span className="step-lanes">
              {names.lane(step.actor)} → {names.lane(step.target)}
            </span>
          </header>
          <p className="step-text" data-testid="step-text">
            {step.text}
          </p>
          {step.seedStep ? (
            <p className="step-seed" data-testid="step-seed">
              Seed deck step {step.seedStep}: {SEED_STEPS[step.seedStep]}
            </p>
          ) : null}
          {step.failure ? (
            <div className="step-failure" role="alert" data-testid="step-failure">
              <div>
                <strong>Failed:</strong> {step.failure.reason}
              </div>
              <div>
                <strong>Fix:</strong> {fixFor(step.failure.code)}
              </div>
            </div>
          ) : null}
          {step.placement ? <PlacementTable placement={step.placement} /> : null}
          {playing ? null : <EffectList effects={step.effects} names={names} />}
        </>
      ) : (
        <p className="step-text">Before the first step: nothing is provisioned yet. Press Play or Step.</p>
      )}
      <FaultForm />
    </aside>
  )
}
