import type { Rect } from './to-flow'

/**
 * The absolute boxes of the nodes now on the canvas, published by LabCanvas so actions
 * outside it (duplicate, paste) can place copies beside their originals.
 */
let current: ReadonlyMap<string, Rect> = new Map()

export function publishRects(rects: ReadonlyMap<string, Rect>) {
  current = rects
}

export function currentRects(): ReadonlyMap<string, Rect> {
  return current
}
