import { textWidth } from '../../../shared/domain/layout/text-width'

/** The chips of what runs on a host: 9 px text in a pill, at most CHIP_MAX wide (then cut). */
const CHIP_TEXT = { size: 9 } as const
const CHIP_PAD = 10
const CHIP_MAX = 96
const CHIP_GAP = 3

const chipWidth = (label: string) => Math.min(CHIP_MAX, textWidth(label, CHIP_TEXT) + CHIP_PAD)

/**
 * How many chips fit on one row of `width` pixels, leaving room for a "+N" chip when some do
 * not: the host shows those and summarises the rest, so nothing spills out of its card.
 */
export function chipsThatFit(names: readonly string[], width: number): number {
  let used = 0
  for (let i = 0; i < names.length; i++) {
    used += (i > 0 ? CHIP_GAP : 0) + chipWidth(names[i] ?? '')
    const rest = names.length - i - 1
    const more = rest > 0 ? CHIP_GAP + chipWidth(`+${rest}`) : 0
    if (used + more > width) return i
  }
  return names.length
}

/** The widest a chip is drawn; the stylesheet's `.pb-chip` max-width says the same. */
export const HOST_CHIP_MAX = CHIP_MAX
