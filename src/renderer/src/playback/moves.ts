import type { Step } from '../../../shared/engine/types'

/** The flow and object a step belongs to: a change of either starts a new sequence. */
const sequenceKey = (steps: readonly Step[], i: number) =>
  `${steps[i]?.sequence}|${steps[i]?.object.split('/')[0]}`

/** Start of the sequence holding step index `i` (0-based). */
function startOf(steps: readonly Step[], i: number): number {
  while (i > 0 && sequenceKey(steps, i) === sequenceKey(steps, i - 1)) i--
  return i
}

/**
 * Where "next sequence" (1) or "previous sequence" (-1) goes from position `seq`: the first
 * step of the next sequence, or the start of this one (of the one before when already there).
 */
export function sequenceTarget(steps: readonly Step[], seq: number, direction: 1 | -1): number {
  if (direction === 1) {
    for (let i = seq; i < steps.length; i++)
      if (i > 0 && sequenceKey(steps, i) !== sequenceKey(steps, i - 1)) return i + 1
    return steps.length
  }
  const i = startOf(steps, Math.max(0, seq - 2))
  return i === seq - 1 && i > 0 ? startOf(steps, i - 1) + 1 : i + 1
}

/** The next step at or after position `seq` that records a failure, or null. */
export function nextFailureTarget(steps: readonly Step[], seq: number): number | null {
  for (let k = seq; k < steps.length; k++) if (steps[k]!.failure) return k + 1
  return null
}
