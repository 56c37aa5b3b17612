import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { routeAround, ROUTE_MARGIN, type Point } from './route-edge'
import type { Box } from './settle'

/** Whether any segment of the path passes through a box (the tests keep boxes off the handles). */
function crosses(path: readonly Point[], boxes: readonly Box[], margin = 0): boolean {
  for (let k = 0; k < path.length - 1; k++) {
    const a = path[k]!
    const b = path[k + 1]!
    const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)]
    const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)]
    if (
      boxes.some(
        (o) =>
          x1 < o.x + o.width + margin &&
          x2 > o.x - margin &&
          y1 < o.y + o.height + margin &&
          y2 > o.y - margin,
      )
    )
      return true
  }
  return false
}

const orthogonal = (path: readonly Point[]) =>
  path.every((p, k) => k === 0 || p.x === path[k - 1]!.x || p.y === path[k - 1]!.y)

describe('routeAround', () => {
  it('goes straight when nothing is in the way', () => {
    expect(
      routeAround({
        from: { x: 0, y: 400 },
        fromSide: 'top',
        to: { x: 0, y: 100 },
        toSide: 'bottom',
        obstacles: [],
      }),
    ).toEqual([
      { x: 0, y: 400 },
      { x: 0, y: 100 },
    ])
  })

  it('goes around a card between a Supervisor and its cluster instead of across it', () => {
    const supervisor = { x: -300, y: 400, width: 600, height: 200 }
    const cluster = { x: -300, y: 0, width: 600, height: 150 }
    const card = { x: -60, y: 200, width: 200, height: 60 }
    const path = routeAround({
      from: { x: 0, y: 400 },
      fromSide: 'top',
      to: { x: 0, y: 150 },
      toSide: 'bottom',
      obstacles: [supervisor, cluster, card],
    })
    expect(path).not.toBeNull()
    expect(orthogonal(path!)).toBe(true)
    expect(crosses(path!, [card], ROUTE_MARGIN - 1)).toBe(false)
  })

  it('never crosses an obstacle, whatever the obstacles', () => {
    const box = fc.record({
      x: fc.integer({ min: -400, max: 400 }),
      y: fc.integer({ min: 20, max: 330 }),
      width: fc.integer({ min: 20, max: 300 }),
      height: fc.integer({ min: 20, max: 120 }),
    })
    fc.assert(
      fc.property(fc.array(box, { maxLength: 12 }), fc.integer({ min: -300, max: 300 }), (cards, tx) => {
        const path = routeAround({
          from: { x: 0, y: 500 },
          fromSide: 'top',
          to: { x: tx, y: 0 },
          toSide: 'bottom',
          obstacles: cards,
        })
        if (path === null) return
        expect(orthogonal(path)).toBe(true)
        expect(crosses(path, cards, 2)).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('gives up when an end is walled in', () => {
    const wall = { x: -100, y: 420, width: 200, height: 79 }
    expect(
      routeAround({
        from: { x: 0, y: 500 },
        fromSide: 'top',
        to: { x: 0, y: 0 },
        toSide: 'bottom',
        obstacles: [wall],
      }),
    ).toBeNull()
  })
})

describe('routeAround between close rows', () => {
  it('squeezes through a 30 px gap between a cluster and the cards below it, as in the demo lab', () => {
    const cluster = { x: 20, y: 50, width: 760, height: 174 }
    const cards = [
      { x: 20, y: 254, width: 200, height: 60 },
      { x: 240, y: 254, width: 200, height: 60 },
      { x: 460, y: 254, width: 200, height: 60 },
    ]
    const supervisor = { x: 0, y: 380, width: 940, height: 288 }
    const path = routeAround({
      from: { x: 470, y: 376 },
      fromSide: 'top',
      to: { x: 400, y: 228 },
      toSide: 'bottom',
      obstacles: [cluster, supervisor, ...cards],
    })
    expect(path).not.toBeNull()
    expect(crosses(path!, cards, 2)).toBe(false)
  })
})
