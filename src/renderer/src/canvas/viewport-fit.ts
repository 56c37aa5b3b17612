import type { Box } from '../../../shared/domain/layout/settle'

/** React Flow's viewport: the flow point (0, 0) is drawn at (x, y), scaled by zoom. */
export interface Viewport {
  x: number
  y: number
  zoom: number
}

export interface Pane {
  width: number
  height: number
  /** The minimap's corner (bottom right), with its margin: nothing is fitted under it. */
  minimap: { width: number; height: number }
  /** Room kept clear on each side (the zoom controls sit on the left). */
  padding: { top: number; right: number; bottom: number; left: number }
}

/** A zoom at which names read well: revealing an object never goes outside it. */
export const READABLE_ZOOM = { min: 0.6, max: 1.2 } as const

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/**
 * The two areas of the pane clear of the minimap: beside it (the pane less the minimap's
 * column) and above it (less its row), each inside the padding.
 */
function areas(pane: Pane): Box[] {
  const { top, right, bottom, left } = pane.padding
  return [
    {
      x: left,
      y: top,
      width: pane.width - pane.minimap.width - left - right,
      height: pane.height - top - bottom,
    },
    {
      x: left,
      y: top,
      width: pane.width - left - right,
      height: pane.height - pane.minimap.height - top - bottom,
    },
  ].filter((a) => a.width > 0 && a.height > 0)
}

/**
 * The viewport that shows all of `bounds` as large as it fits, up to `maxZoom`, in whichever
 * area clear of the minimap gives the larger zoom, centred there: after Fit the minimap
 * covers nothing.
 */
export function fitViewport(bounds: Box, pane: Pane, zoomRange: { min: number; max: number }): Viewport {
  let best: Viewport | null = null
  for (const area of areas(pane)) {
    const zoom = clamp(
      Math.min(area.width / Math.max(1, bounds.width), area.height / Math.max(1, bounds.height)),
      zoomRange.min,
      zoomRange.max,
    )
    if (best && zoom <= best.zoom) continue
    best = {
      zoom,
      x: area.x + (area.width - bounds.width * zoom) / 2 - bounds.x * zoom,
      y: area.y + (area.height - bounds.height * zoom) / 2 - bounds.y * zoom,
    }
  }
  return best ?? { x: 0, y: 0, zoom: 1 }
}

/**
 * The smallest change of the viewport that shows `box` whole, clear of the minimap, at a
 * readable zoom: the zoom is brought into READABLE_ZOOM (lower still only if the box is
 * larger than the pane there), then the view pans just enough. A box already in view at a
 * readable zoom leaves the viewport as it is.
 */
export function revealViewport(current: Viewport, box: Box, pane: Pane): Viewport {
  let best: { view: Viewport; cost: number } | null = null
  for (const area of areas(pane)) {
    const fits = Math.min(area.width / Math.max(1, box.width), area.height / Math.max(1, box.height))
    const zoom = Math.min(clamp(current.zoom, READABLE_ZOOM.min, READABLE_ZOOM.max), fits)
    // Zoom about the box's centre, so it stays where the user was looking.
    const cx = (box.x + box.width / 2) * current.zoom + current.x
    const cy = (box.y + box.height / 2) * current.zoom + current.y
    const x = cx - (box.x + box.width / 2) * zoom
    const y = cy - (box.y + box.height / 2) * zoom
    const left = box.x * zoom + x
    const top = box.y * zoom + y
    const dx = shift(left, box.width * zoom, area.x, area.width)
    const dy = shift(top, box.height * zoom, area.y, area.height)
    const view = { zoom, x: x + dx, y: y + dy }
    const cost = Math.abs(dx) + Math.abs(dy)
    if (!best || cost < best.cost) best = { view, cost }
  }
  if (!best) return current
  const same = best.view.zoom === current.zoom && best.cost === 0
  return same ? current : best.view
}

/** How far to move a span [start, start+size] so it lies within [lo, lo+room]. */
function shift(start: number, size: number, lo: number, room: number): number {
  if (size > room) return lo - start
  if (start < lo) return lo - start
  if (start + size > lo + room) return lo + room - (start + size)
  return 0
}
