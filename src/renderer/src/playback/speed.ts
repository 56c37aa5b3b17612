import type { PlaybackSpeed } from '../../../shared/contract/contract'
import type { Step } from '../../../shared/engine/types'

/** How long the default speed takes to play any run, whatever its simulated length. */
export const FIT_MS = 60_000

/** Fixed speeds as multiples of simulated time; 0 plays one step per tick. */
export const FIXED_SPEEDS = [0, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const

/**
 * The simulated length of a run: its summary's, or for runs stored without one (before lab
 * format 3) an estimate from the steps that have arrived, scaled to the whole run.
 */
export function runLengthMs(durationMs: number, steps: readonly Step[], total: number): number {
  if (durationMs > 0) return durationMs
  const last = steps.at(-1)
  if (!last) return 0
  return ((last.t + last.duration) * Math.max(total, steps.length)) / steps.length
}

/** The multiple of simulated time a speed choice plays at, for a run of `lengthMs`. */
export function effectiveSpeed(choice: PlaybackSpeed, lengthMs: number): number {
  if (choice !== 'fit') return choice
  // A run of no length still plays (one tick per step would hide the clock).
  return lengthMs > 0 ? Math.max(0.01, lengthMs / FIT_MS) : 1
}

/** "1x", "0.25x", "step", or the default's "1 min (26x)". */
export function speedLabel(choice: PlaybackSpeed, lengthMs: number): string {
  if (choice === 0) return 'step by step'
  if (choice !== 'fit') return `${choice}x`
  const speed = effectiveSpeed('fit', lengthMs)
  return `whole run in 1 min (${speed >= 10 ? Math.round(speed) : speed.toFixed(1)}x)`
}
