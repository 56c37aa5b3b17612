/**
 * How wide a label is drawn, without a DOM: the canvas sizes its cards from their names in
 * every process (the renderer, the import planner in the service) and all must agree.
 *
 * The widths are DejaVu Sans's advance widths (thousandths of an em, ASCII 32 to 126), measured
 * once in Chromium. DejaVu Sans is the fallback of the app's font stack and wider than Inter,
 * Segoe UI and San Francisco, so a box sized from these tables holds its label in each of them:
 * a name is cut only where the box has reached its largest size.
 */
const BOOK = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
] as const
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
] as const
/** Anything outside ASCII (accents, CJK, symbols) counts as a full em: wide rather than cut. */
const WIDE = 1000

export interface TextStyle {
  /** Font size in CSS pixels. */
  size: number
  /** 600 and above draw with the bold face. */
  bold?: boolean
  /** CSS `letter-spacing` in em. */
  letterSpacing?: number
  /** CSS `text-transform: uppercase`. */
  uppercase?: boolean
}

/** The width in CSS pixels of `text` drawn in `style`, rounded up. */
export function textWidth(text: string, style: TextStyle): number {
  const table = style.bold ? BOLD : BOOK
  const shown = style.uppercase ? text.toUpperCase() : text
  let units = 0
  for (const ch of shown) {
    const code = ch.codePointAt(0) ?? 0
    units += (code >= 32 && code < 127 ? table[code - 32] : undefined) ?? WIDE
    units += (style.letterSpacing ?? 0) * 1000
  }
  return Math.ceil((units * style.size) / 1000)
}
