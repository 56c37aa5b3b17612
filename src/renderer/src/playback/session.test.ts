import { describe, expect, it } from 'vitest'

import { createCursor } from '../../../shared/engine/cursor'
import { planWithEnd } from '../../../shared/engine/plan'
import { initialState } from '../../../shared/engine/state'
import { createPlaybackSession, STEP_TICK_MS } from './session'
import type { PlaybackClock } from './session-types'
import { loadDemo } from './test-demo'

const { topology, run } = loadDemo()
const total = run.steps.length
const stateAfter = (seq: number) => createCursor(run, initialState(topology)).stateAt(seq)

/** A clock driven by the test: frames and ticks run when the test says so. */
function handClock() {
  let now = 0
  let frame: ((now: number) => void) | null = null
  let tick: (() => void) | null = null
  let idle: (() => void) | null = null
  const clock: PlaybackClock = {
    now: () => now,
    frame(callback) {
      frame = callback
      return () => (frame = null)
    },
    every(_ms, callback) {
      tick = callback
      return () => (tick = null)
    },
    idle(callback) {
      idle = callback
      return () => (idle = null)
    },
  }
  return {
    clock,
    /** Advances time by `ms` and runs the pending frame. */
    advance(ms: number) {
      now += ms
      const f = frame
      frame = null
      f?.(now)
    },
    tick: () => tick?.(),
    /** Runs idle callbacks until none is asked for; returns how many ran. */
    drainIdle() {
      let n = 0
      for (let f = idle; f !== null; f = idle, n++) {
        idle = null
        f()
      }
      return n
    },
    get waiting() {
      return frame !== null || tick !== null
    },
  }
}

const open = (session: ReturnType<typeof createPlaybackSession>, first = total) =>
  session.open({ runId: 'r1', topology, steps: run.steps.slice(0, first), total, complete: first >= total })

describe('playback session', () => {
  it('seeks both ways to the states the run folds to, and tells subscribers each time', () => {
    const session = createPlaybackSession(handClock().clock)
    let calls = 0
    session.subscribe(() => calls++)
    open(session)
    expect(session.view()).toMatchObject({ runId: 'r1', seq: 0, total })
    session.seek(60)
    expect(session.state()).toEqual(stateAfter(60))
    session.seek(total + 5)
    expect(session.view().seq).toBe(total)
    session.seek(12)
    expect(session.state()).toEqual(stateAfter(12))
    expect(session.view().seq).toBe(12)
    expect(session.view().simTime).toBe(run.steps[11]!.t)
    expect(calls).toBeGreaterThanOrEqual(3)
  })

  it('shows which host each pod runs on and highlights the acting component', () => {
    const session = createPlaybackSession(handClock().clock)
    open(session)
    const crx = run.steps.findIndex((s) => s.action === 'crx-create' && s.object === 'pod-1') + 1
    session.seek(crx)
    expect(session.view().highlight).toMatchObject({ actor: 'vc-1', object: 'pod-1' })
    session.seek(total)
    const chips = Object.values(session.view().chips).flat()
    expect(chips.map((c) => c.id)).toContain('pod-1')
    session.seek(0)
    expect(session.view().chips).toEqual({})
  })

  it('plays a run whose steps arrive in pages: a seek past them lands when they come', () => {
    const session = createPlaybackSession(handClock().clock)
    expect(total).toBeGreaterThan(70)
    open(session, 30)
    session.seek(70)
    expect(session.view().seq).toBe(30)
    session.append(31, run.steps.slice(30, 50), total, false)
    expect(session.view().seq).toBe(50)
    session.append(51, run.steps.slice(50), total, true)
    expect(session.view().seq).toBe(70)
    expect(session.state()).toEqual(stateAfter(70))
    expect(session.view().steps).toHaveLength(total)
  })

  it('grows while its run is planned, and playing holds at the last step that has arrived', () => {
    const hand = handClock()
    const session = createPlaybackSession(hand.clock)
    open(session, 30)
    session.append(31, [], 40, false)
    expect(session.view().total).toBe(40)
    session.seek(35)
    expect(session.view().seq).toBe(30)
    expect(session.wanted()).toBe(35)
    // Planning ended: the run's length is known, its later steps are not loaded yet.
    session.append(31, [], total, true)
    expect(session.view().total).toBe(total)
    session.setSpeed(64)
    session.play()
    const last = run.steps.at(-1)!.t
    for (let i = 0; i < 20; i++) hand.advance(last)
    expect(session.view()).toMatchObject({ playing: true, seq: 30, simTime: run.steps[29]!.t })
    session.append(31, run.steps.slice(30), total, true)
    for (let i = 0; i < 10_000 && session.view().playing; i++) hand.advance(last)
    expect(session.view()).toMatchObject({ playing: false, seq: total })
  })

  it('plays in simulated time at the chosen speed and stops at the end', () => {
    const hand = handClock()
    const session = createPlaybackSession(hand.clock)
    open(session)
    session.setSpeed(4)
    session.play()
    expect(session.view().playing).toBe(true)
    hand.advance(1000)
    expect(session.view().simTime).toBe(4000)
    const last = run.steps.at(-1)!.t
    for (let i = 0; i < 10_000 && session.view().playing; i++) hand.advance(last)
    expect(session.view()).toMatchObject({ playing: false, seq: total })
    expect(hand.waiting).toBe(false)
  })

  it('plays one step per tick at speed 0, and pausing stops the clock', () => {
    const hand = handClock()
    const session = createPlaybackSession(hand.clock)
    open(session)
    session.setSpeed(0)
    session.play()
    hand.tick()
    hand.tick()
    expect(session.view().seq).toBe(2)
    session.pause()
    expect(hand.waiting).toBe(false)
    expect(STEP_TICK_MS).toBeGreaterThan(0)
  })

  it('forgets the run on close', () => {
    const session = createPlaybackSession(handClock().clock)
    open(session)
    session.seek(40)
    session.close()
    expect(session.view()).toMatchObject({ runId: null, seq: 0, steps: [], chips: {} })
    expect(session.state()).toBeNull()
  })

  it('reaches the end of a provisioned run from the planner’s state, not by replaying the run', () => {
    const { end } = planWithEnd(topology, undefined, 1)
    const session = createPlaybackSession(handClock().clock)
    session.open({ runId: 'r1', topology, steps: run.steps, total, complete: true, end })
    session.seek(total)
    expect(session.state()).toEqual(stateAfter(total))
    // The very records the planner left: nothing was folded to make them.
    expect(session.state()!.objects['pod-1']).toBe(end.objects['pod-1'])
    expect(
      Object.values(session.view().chips)
        .flat()
        .map((c) => c.id),
    ).toContain('pod-1')
    session.seek(total - 5)
    expect(session.state()).toEqual(stateAfter(total - 5))
  })

  it('takes the end from the page that brings the last step', () => {
    const { end } = planWithEnd(topology, undefined, 1)
    const session = createPlaybackSession(handClock().clock)
    open(session, 30)
    session.append(31, run.steps.slice(30), total, true, end)
    session.seek(total)
    expect(session.state()!.objects['pod-1']).toBe(end.objects['pod-1'])
    expect(session.state()).toEqual(stateAfter(total))
  })

  it('takes the end later for a run whose last step came while it was planned', () => {
    const { end } = planWithEnd(topology, undefined, 1)
    const session = createPlaybackSession(handClock().clock)
    session.open({ runId: 'r1', topology, steps: run.steps.slice(0, 30), total: 30, complete: false })
    session.append(31, run.steps.slice(30), total, false)
    expect(session.wantsEnd()).toBe(false)
    // Planning ended with no step more: the run is whole, its end still to be asked for.
    session.append(total + 1, [], total, true)
    expect(session.wantsEnd()).toBe(true)
    session.append(total + 1, [], total, true, end)
    expect(session.wantsEnd()).toBe(false)
    session.seek(total)
    expect(session.state()!.objects['pod-1']).toBe(end.objects['pod-1'])
    expect(session.state()).toEqual(stateAfter(total))
  })

  it('indexes the run from its end while idle, without moving, so a far seek then jumps', () => {
    const { end } = planWithEnd(topology, undefined, 1)
    const hand = handClock()
    const session = createPlaybackSession(hand.clock)
    session.open({ runId: 'r1', topology, steps: run.steps, total, complete: true, end }, 3)
    expect(hand.drainIdle()).toBeGreaterThan(0)
    expect(session.view().seq).toBe(3)
    expect(session.state()).toEqual(stateAfter(3))
    for (const seq of [total - 1, 40, 7, total]) {
      session.seek(seq)
      expect(session.state()).toEqual(stateAfter(seq))
    }
  })

  it('stops indexing a run once it is closed', () => {
    const hand = handClock()
    const session = createPlaybackSession(hand.clock)
    open(session)
    session.close()
    expect(hand.drainIdle()).toBe(0)
  })
})
