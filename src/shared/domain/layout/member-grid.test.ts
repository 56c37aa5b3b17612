import { describe, expect, it } from 'vitest'

import { cellPosition, cellsIn, gridExtent, gridOf, TILE } from './member-grid'

describe('the grid of a large container', () => {
  it('lays 200 members out about twice as wide as tall, not as a strip', () => {
    const grid = gridOf(200)
    const { width, height } = gridExtent(grid)
    expect(grid.columns * grid.rows).toBeGreaterThanOrEqual(200)
    expect(width / height).toBeGreaterThan(1.5)
    expect(width / height).toBeLessThan(3)
  })

  it('gives every member its own tile, none overlapping', () => {
    const grid = gridOf(57)
    const boxes = Array.from({ length: 57 }, (_, i) => cellPosition(grid, i))
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a]!
        const q = boxes[b]!
        const apart =
          p.x + TILE.width <= q.x ||
          q.x + TILE.width <= p.x ||
          p.y + TILE.height <= q.y ||
          q.y + TILE.height <= p.y
        expect(apart).toBe(true)
      }
    const extent = gridExtent(grid)
    for (const p of boxes) {
      expect(p.x + TILE.width).toBeLessThanOrEqual(extent.width)
      expect(p.y + TILE.height).toBeLessThanOrEqual(extent.height)
    }
  })

  it('finds the tiles an area meets, and none for an area beside the grid', () => {
    const grid = gridOf(400)
    const at = cellPosition(grid, grid.columns * 3 + 2)
    const cells = cellsIn(grid, { x: at.x + 1, y: at.y + 1, width: 2, height: 2 })
    expect(cells).toEqual({ columns: [2, 2], rows: [3, 3] })
    expect(cellsIn(grid, { x: -500, y: -500, width: 100, height: 100 })).toBeNull()
    // Whole blocks: a small move inside a block asks for the same tiles.
    const a = cellsIn(grid, { x: at.x, y: at.y, width: 300, height: 100 }, 4)
    const b = cellsIn(grid, { x: at.x + 20, y: at.y + 5, width: 300, height: 100 }, 4)
    expect(a).toEqual(b)
  })
})
