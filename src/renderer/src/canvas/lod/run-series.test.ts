import { describe, expect, it } from 'vitest'

import type { Effect, Step } from '../../../../shared/engine/types'
import { BUCKETS, RunSeries } from './run-series'

const step = (seq: number, effects: Effect[]): Step => ({
  seq,
  t: seq,
  duration: 1,
  sequence: 'pod',
  object: '',
  actor: '',
  target: '',
  action: '',
  text: '',
  seedStep: null,
  effects,
})
const status = (id: string, before: string, after: string): Effect => ({
  on: 'objects',
  id,
  key: 'status',
  before,
  after,
})
const host = (id: string, before: string | null, after: string | null): Effect => ({
  on: 'objects',
  id,
  key: 'host',
  before,
  after,
})

describe('RunSeries', () => {
  const containerOf = new Map([
    ['p1', 'ns'],
    ['p2', 'ns'],
  ])
  const steps = [
    step(1, [host('p1', null, 'h1'), status('p1', 'Pending', 'Running')]),
    step(2, [host('p2', null, 'h1'), status('p2', 'Pending', 'Running')]),
    step(3, [status('p1', 'Running', 'Failed'), host('p1', 'h1', null)]),
    step(4, []),
  ]

  it("counts a container's Running members and a host's guests at the end of each span", () => {
    const series = new RunSeries(containerOf, steps.length)
    series.add(steps)
    const ns = series.of('ns')!
    expect(ns.filled).toBe(BUCKETS)
    // Four steps over 48 spans: each step closes twelve of them.
    expect([ns.points[0], ns.points[12], ns.points[24], ns.points[47]]).toEqual([1, 2, 1, 1])
    expect([...series.of('h1')!.points.slice(11, 13)]).toEqual([1, 2])
    expect(series.of('nothing')).toBeNull()
  })

  it('walks pages as they arrive to the same result as the whole run at once', () => {
    const paged = new RunSeries(containerOf, steps.length)
    paged.add(steps.slice(0, 2))
    expect(paged.of('ns')!.filled).toBe(24)
    paged.add(steps)
    const whole = new RunSeries(containerOf, steps.length)
    whole.add(steps)
    expect([...paged.of('ns')!.points]).toEqual([...whole.of('ns')!.points])
  })
})
