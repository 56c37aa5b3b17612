import { describe, expect, it } from 'vitest'

import { nextInDirection } from './keyboard-nav'

const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 })
// a b
// c   d
const rects = new Map([
  ['a', box(0, 0)],
  ['b', box(200, 0)],
  ['c', box(0, 200)],
  ['d', box(400, 220)],
])

describe('keyboard travel on the canvas', () => {
  it('starts at the top-left object when nothing is selected', () => {
    expect(nextInDirection(rects, null, 'right')).toBe('a')
  })

  it('moves to the nearest object that way, straight lines before diagonals', () => {
    expect(nextInDirection(rects, 'a', 'right')).toBe('b')
    expect(nextInDirection(rects, 'a', 'down')).toBe('c')
    expect(nextInDirection(rects, 'c', 'right')).toBe('d')
    expect(nextInDirection(rects, 'd', 'left')).toBe('c')
    expect(nextInDirection(rects, 'c', 'up')).toBe('a')
  })

  it('stays when there is nothing that way', () => {
    expect(nextInDirection(rects, 'a', 'left')).toBeNull()
    expect(nextInDirection(rects, 'a', 'up')).toBeNull()
  })
})
