import {
  jumpEnd,
  jumpSequence,
  jumpStart,
  nextFailure,
  pause,
  play,
  setSpeed,
  stepBack,
  stepForward,
} from '../stores/playback-actions'
import {
  selectPlaying,
  selectSeq,
  selectSimTime,
  selectSpeed,
  selectTotal,
  usePlaybackStore,
} from '../stores/playback-store'
import { formatClock } from './derive'
import { Icon } from '../icons/Icon'
import type { ReactNode } from 'react'

/** Speeds as multiples of simulated time; 0 plays one step per tick. */
const SPEEDS = [0, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64]

/** Transport controls, speed and the simulated clock. */
export function PlaybackBar() {
  const playing = usePlaybackStore(selectPlaying)
  const speed = usePlaybackStore(selectSpeed)
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
          <Icon name="step-back" /> Seq
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
          Seq <Icon name="step-forward" />
        </>,
        'Next sequence',
        () => jumpSequence(1),
      )}
      {button('jump-end', 'End', 'Jump to end (End)', jumpEnd)}
      {button('next-failure', 'Next failure', 'Next failure', nextFailure)}
      <select
        data-testid="speed"
        aria-label="Speed"
        value={speed}
        onChange={(e) => setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s === 0 ? 'step' : `${s}x`}
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
