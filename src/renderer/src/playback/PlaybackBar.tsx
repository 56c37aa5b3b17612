import {
  jumpEnd,
  jumpSequence,
  jumpStart,
  nextFailure,
  pause,
  play,
  chooseSpeed,
  stepBack,
  stepForward,
} from '../stores/playback-actions'
import {
  selectPlaying,
  selectSeq,
  selectRunLength,
  selectSimTime,
  selectSpeedChoice,
  selectTotal,
  usePlaybackStore,
} from '../stores/playback-store'
import { formatClock } from './derive'
import { FIXED_SPEEDS, speedLabel } from './speed'
import { Icon } from '../icons/Icon'
import type { ReactNode } from 'react'

/** Transport controls, speed and the simulated clock. */
export function PlaybackBar() {
  const playing = usePlaybackStore(selectPlaying)
  const choice = usePlaybackStore(selectSpeedChoice)
  const lengthMs = usePlaybackStore(selectRunLength)
  const seq = usePlaybackStore(selectSeq)
  const total = usePlaybackStore(selectTotal)
  const simTime = usePlaybackStore(selectSimTime)
  const button = (testid: string, label: ReactNode, title: string, onClick: () => void) => (
    <button type="button" data-testid={testid} title={title} aria-label={title} onClick={onClick}>
      {label}
    </button>
  )
  return (
    <div className="playback-bar">
      {button('jump-start', 'Start', 'Jump to start (Home)', jumpStart)}
      {button(
        'prev-sequence',
        <>
          <Icon name="step-back" /> Sequence
        </>,
        'Previous sequence',
        () => jumpSequence(-1),
      )}
      {button(
        'step-back',
        <>
          <Icon name="step-back" /> Step
        </>,
        'Step back (Left)',
        stepBack,
      )}
      {playing
        ? button('pause', 'Pause', 'Pause (Space)', pause)
        : button(
            'play',
            <>
              <Icon name="play" /> Play
            </>,
            'Play (Space)',
            play,
          )}
      {button(
        'step-forward',
        <>
          Step <Icon name="step-forward" />
        </>,
        'Step forward (Right)',
        stepForward,
      )}
      {button(
        'next-sequence',
        <>
          Sequence <Icon name="step-forward" />
        </>,
        'Next sequence',
        () => jumpSequence(1),
      )}
      {button('jump-end', 'End', 'Jump to end (End)', jumpEnd)}
      {button('next-failure', 'Next failure', 'Next failure', nextFailure)}
      <select
        data-testid="speed"
        aria-label="Speed"
        value={String(choice)}
        onChange={(e) => chooseSpeed(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}
      >
        {(['fit', ...FIXED_SPEEDS] as const).map((s) => (
          <option key={s} value={String(s)}>
            {speedLabel(s, lengthMs)}
          </option>
        ))}
      </select>
      <span className="sim-clock" data-testid="sim-clock">
        {formatClock(simTime)}
      </span>
      <span className="step-counter" data-testid="current-step" data-seq={seq}>
        Step {seq} / {total}
      </span>
    </div>
  )
}
