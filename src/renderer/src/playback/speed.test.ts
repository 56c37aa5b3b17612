import { describe, expect, it } from 'vitest'

import type { Step } from '../../../shared/engine/types'
import { effectiveSpeed, runLengthMs, speedLabel } from './speed'

describe('playback speed', () => {
  it('plays any run in about a minute by default, whatever its simulated length', () => {
    expect(effectiveSpeed('fit', 26 * 60_000)).toBe(26)
    expect(effectiveSpeed('fit', 30_000)).toBe(0.5)
    expect(speedLabel('fit', 26 * 60_000)).toBe('whole run in 1 min (26x)')
  })

  it('plays a fixed speed as chosen', () => {
    expect(effectiveSpeed(64, 26 * 60_000)).toBe(64)
    expect(speedLabel(0, 1000)).toBe('step by step')
  })

  it('estimates the length of a run stored without its summary from the steps that arrived', () => {
    const steps = [
      { t: 0, duration: 10 },
      { t: 990, duration: 10 },
    ] as Step[]
    expect(runLengthMs(0, steps, 4)).toBe(2000)
    expect(runLengthMs(5000, steps, 4)).toBe(5000)
  })
})
