import { describe, expect, it } from 'vitest'

import { makeRoom, type Placed } from './make-room'

const box = (id: string, x: number, y: number, width = 100, height = 100): Placed => ({
  id,
  position: { x, y },
  size: { width, height },
})

describe('makeRoom', () => {
  it('leaves siblings that do not overlap where they are', () => {
    expect(makeRoom([box('a', 0, 0), box('b', 200, 0), box('c', 0, 200)]).size).toBe(0)
  })

  it('moves what a grown sibling covers below it, and what that then covers further down', () => {
    const moved = makeRoom([
      box('big', 0, 0, 500, 300),
      box('right', 200, 0),
      box('below', 0, 150),
      box('far', 700, 0),
    ])
    expect(moved.get('right')).toEqual({ x: 200, y: 320 })
    expect(moved.has('far')).toBe(false)
    const below = moved.get('below')!
    expect(below.y).toBeGreaterThanOrEqual(300)
    // right and below now overlap nothing.
    expect(below.x + 100 <= 200 || below.y >= 320 + 100 || below.y + 100 <= 320).toBe(true)
  })
})
