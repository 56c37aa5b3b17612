/** The least a resized bottom panel keeps: its header line and a few rows. */
export const MIN_PANEL = 96
/** What a resized panel leaves the title bar, the toolbar and the canvas at the least. */
export const KEEP_ABOVE = 260

/** A dragged panel height kept between its own minimum and what leaves the canvas usable. */
export function clampHeight(height: number, windowHeight: number): number {
  return Math.round(Math.max(MIN_PANEL, Math.min(height, windowHeight - KEEP_ABOVE)))
}
