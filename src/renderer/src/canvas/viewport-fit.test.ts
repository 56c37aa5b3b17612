import { describe, expect, it } from 'vitest'

import { fitViewport, READABLE_ZOOM, revealViewport, type Pane, type Viewport } from './viewport-fit'

const pane: Pane = {
  width: 1000,
  height: 600,
  minimap: { width: 230, height: 180 },
  padding: { top: 20, right: 20, bottom: 20, left: 60 },
}

/** The box on screen at a viewport. */
const onScreen = (b: { x: number; y: number; width: number; height: number }, v: Viewport) => ({
  x: b.x * v.zoom + v.x,
  y: b.y * v.zoom + v.y,
  width: b.width * v.zoom,
  height: b.height * v.zoom,
})
const underMinimap = (s: { x: number; y: number; width: number; height: number }) =>
  s.x + s.width > pane.width - pane.minimap.width && s.y + s.height > pane.height - pane.minimap.height
const inPane = (s: { x: number; y: number; width: number; height: number }) =>
  s.x >= 0 && s.y >= 0 && s.x + s.width <= pane.width && s.y + s.height <= pane.height

describe('fitViewport', () => {
  it('fits everything in view, none of it under the minimap', () => {
    for (const bounds of [
      { x: 0, y: 0, width: 2000, height: 400 },
      { x: -300, y: 100, width: 600, height: 1500 },
      { x: 50, y: 50, width: 900, height: 560 },
    ]) {
      const view = fitViewport(bounds, pane, { min: 0.05, max: 1.2 })
      const shown = onScreen(bounds, view)
      expect(inPane(shown)).toBe(true)
      expect(underMinimap(shown)).toBe(false)
    }
  })

  it('does not blow a small lab up past the largest zoom', () => {
    expect(fitViewport({ x: 0, y: 0, width: 200, height: 60 }, pane, { min: 0.05, max: 1.2 }).zoom).toBe(1.2)
  })
})

describe('revealViewport', () => {
  const card = { x: 400, y: 300, width: 200, height: 60 }

  it('brings a zoom of 2 (names cut) or 0.2 (unreadable) back into the readable range', () => {
    expect(revealViewport({ x: 0, y: 0, zoom: 2 }, card, pane).zoom).toBe(READABLE_ZOOM.max)
    expect(revealViewport({ x: 0, y: 0, zoom: 0.2 }, card, pane).zoom).toBe(READABLE_ZOOM.min)
  })

  it('pans a drop that landed out of view (or under the minimap) back into view', () => {
    for (const current of [
      { x: -2000, y: 0, zoom: 1 },
      { x: 0, y: -900, zoom: 1 },
      { x: 400, y: 120, zoom: 1 },
    ]) {
      const shown = onScreen(card, revealViewport(current, card, pane))
      expect(inPane(shown)).toBe(true)
      expect(underMinimap(shown)).toBe(false)
    }
  })

  it('leaves the view alone when the object is already in view at a readable zoom', () => {
    const current = { x: 0, y: 0, zoom: 1 }
    expect(revealViewport(current, { x: 100, y: 100, width: 200, height: 60 }, pane)).toBe(current)
  })
})
