import { describe, expect, it } from 'vitest'

import { chipsThatFit } from './fit-chips'

describe('chipsThatFit', () => {
  it('shows every chip when they fit, else as many as leave room for "+N"', () => {
    expect(chipsThatFit(['a', 'b'], 200)).toBe(2)
    const many = Array.from({ length: 12 }, (_, i) => `fn-${i}`)
    const shown = chipsThatFit(many, 140)
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(12)
    expect(chipsThatFit(many, 10_000)).toBe(12)
  })

  it('shows none when even one chip and the count do not fit', () => {
    expect(chipsThatFit(['a-very-long-pod-name', 'b'], 20)).toBe(0)
  })
})
