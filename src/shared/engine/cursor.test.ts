import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { sampleLab } from '../../../test/support/samples'
import { createCursor } from './cursor'
import { plan, planWithEnd } from './plan'
import { applyEffects, cloneState, initialState } from './state'
import type { EngineState, Step } from './types'

const topology = sampleLab('demo').topology
const run = plan(topology, undefined, 5, [{ kind: 'host-failure', target: 'host-2', atSeq: 50 }])
const start = initialState(topology)
/** The state after each step, folded from the start: the reference every seek must match. */
const folded: EngineState[] = [cloneState(start)]
{
  const s = cloneState(start)
  for (const step of run.steps) {
    applyEffects(s, step.effects)
    folded.push(cloneState(s))
  }
}

describe('seek', () => {
  it('forward to the end then back to 0 gives the start again', () => {
    const c = createCursor(run, start, { spacing: 16 })
    for (let i = 0; i < run.steps.length; i++) c.forward()
    expect(c.seq).toBe(run.steps.length)
    expect(c.state).toEqual(folded[run.steps.length])
    for (let i = 0; i < run.steps.length; i++) c.back()
    expect(c.state).toEqual(start)
  })
  it('lands every random seek on the state folded from step 0', () => {
    const c = createCursor(run, start, { spacing: 8 })
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: run.steps.length }), { minLength: 1, maxLength: 30 }),
        (targets) => {
          for (const t of targets) expect(c.seek(t)).toEqual(folded[t])
        },
      ),
      { numRuns: 50 },
    )
  })
  it('clamps out-of-range seeks and hands out copies from stateAt', () => {
    const c = createCursor(run, start)
    expect(c.seek(-5)).toEqual(start)
    expect(c.seek(1e9)).toEqual(folded[run.steps.length])
    const copy = c.stateAt(10)
    copy.objects['pod-1'] = { status: 'tampered' }
    expect(c.state.objects['pod-1']).toEqual(folded[10]!.objects['pod-1'])
  })
  it('ends in the state the run summary describes', () => {
    const end = folded[run.steps.length]!
    const running = Object.values(end.objects).filter(
      (o) => o['status'] === 'Running' && o['kind'] !== 'spherelet' && o['kind'] !== 'crx',
    ).length
    expect(run.summary.statuses['Running']).toBe(running)
  })
})

describe('a run that arrives in pages', () => {
  it('seeks within the steps it has and reaches the same states once the rest arrive', () => {
    const steps = run.steps.slice(0, 40)
    const c = createCursor({ steps, summary: run.summary }, start)
    expect(c.seek(run.steps.length)).toEqual(folded[40])
    steps.push(...run.steps.slice(40))
    expect(c.seek(run.steps.length)).toEqual(folded[run.steps.length])
    expect(c.seek(17)).toEqual(folded[17])
  })

  it('indexes the whole blocks that have arrived without moving, and seeks from them to the same states', () => {
    const steps = run.steps.slice(0, 10)
    const c = createCursor({ steps, summary: run.summary }, start, { spacing: 8 })
    c.seek(3)
    for (let n = 10; n < run.steps.length; n += 10) {
      steps.push(...run.steps.slice(n, n + 10))
      while (c.index(8));
      expect(c.seq).toBe(3)
      expect(c.state).toEqual(folded[3])
    }
    for (const seq of [run.steps.length, 41, 5, 66]) expect(c.seek(seq)).toEqual(folded[seq])
  })
})

/** The run with each step's effects counted as they are read: a step applied or reverted reads them. */
function counted(steps: readonly Step[]) {
  const reads = { n: 0 }
  const wrapped = steps.map((step) => {
    const copy = { ...step }
    Object.defineProperty(copy, 'effects', {
      get: () => {
        reads.n++
        return step.effects
      },
    })
    return copy
  })
  return { wrapped, reads }
}

describe('a run whose end the planner kept', () => {
  const faults = [{ kind: 'host-failure' as const, target: 'host-2', atSeq: 50 }]
  const { run: planned, end } = planWithEnd(topology, undefined, 5, faults)
  const last = planned.steps.length

  it('is the state the run folds to', () => {
    expect(JSON.stringify(planned)).toBe(JSON.stringify(run))
    expect(end).toEqual(folded[last])
  })

  it('makes seeking to the last step a lookup: no step is applied, the records are the planner’s', () => {
    const { wrapped, reads } = counted(planned.steps)
    const c = createCursor({ steps: wrapped, summary: planned.summary }, start, {
      end: { seq: last, state: end },
    })
    expect(c.seek(last)).toEqual(folded[last])
    expect(reads.n).toBe(0)
    expect(c.state.objects['pod-1']).toBe(end.objects['pod-1'])
    // Near the end, seeks walk back from it: three steps, not the run.
    expect(c.seek(last - 3)).toEqual(folded[last - 3])
    expect(reads.n).toBe(3)
    // Without the end, the same seek replays every step.
    const plain = counted(planned.steps)
    createCursor({ steps: plain.wrapped, summary: planned.summary }, start).seek(last)
    expect(plain.reads.n).toBe(last)
  })

  it('leaves the planner’s state as it was, and every seek lands on the folded state', () => {
    const before = cloneState(end)
    const c = createCursor(planned, start, { spacing: 8, end: { seq: last, state: end } })
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: last }), { minLength: 1, maxLength: 30 }), (targets) => {
        for (const t of targets) expect(c.seek(t)).toEqual(folded[t])
      }),
      { numRuns: 50 },
    )
    expect(end).toEqual(before)
  })

  it('records the blocks it walks back from the end, so a second far seek jumps them', () => {
    const { wrapped, reads } = counted(planned.steps)
    const c = createCursor({ steps: wrapped, summary: planned.summary }, start, {
      spacing: 4,
      end: { seq: last, state: end },
    })
    // Nearer the end than the start: the end's lane walks back.
    const mid = Math.floor(last * 0.55)
    expect(c.seek(mid)).toEqual(folded[mid])
    const first = reads.n
    expect(first).toBe(last - mid)
    expect(c.seek(last)).toEqual(folded[last])
    expect(c.seek(mid + 1)).toEqual(folded[mid + 1])
    // There and back again crosses known blocks: only the part blocks at the ends are walked.
    expect(reads.n - first).toBeLessThanOrEqual(4 * 4)
    expect(last - mid).toBeGreaterThan(4 * 4 * 2)
  })

  it('walks no block whole twice, whatever the order of seeks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: last }), { minLength: 1, maxLength: 40 }), (targets) => {
        const { wrapped, reads } = counted(planned.steps)
        const c = createCursor({ steps: wrapped, summary: planned.summary }, start, {
          spacing: 8,
          end: { seq: last, state: end },
        })
        for (const t of targets) expect(c.seek(t)).toEqual(folded[t])
        // Each seek walks at most a block and a half of part blocks; whole blocks are walked once.
        expect(reads.n).toBeLessThanOrEqual(last + targets.length * 2 * 8)
      }),
      { numRuns: 40 },
    )
  })

  it('indexes back from the end: afterwards a far seek walks only the part blocks at its ends', () => {
    const { wrapped, reads } = counted(planned.steps)
    const c = createCursor({ steps: wrapped, summary: planned.summary }, start, {
      spacing: 4,
      end: { seq: last, state: end },
    })
    let slices = 0
    while (c.index(8)) slices++
    expect(slices).toBeGreaterThan(1)
    // Walked back from the end once, a step at a time; the run was never replayed from its start.
    expect(reads.n).toBe(last)
    expect(c.seq).toBe(0)
    expect(end).toEqual(folded[last])
    const indexed = reads.n
    expect(c.seek(Math.floor(last / 2) + 1)).toEqual(folded[Math.floor(last / 2) + 1])
    expect(reads.n - indexed).toBeLessThanOrEqual(2 * 4)
  })

  it('waits for the steps of a run still arriving before standing at its end', () => {
    const steps = planned.steps.slice(0, 40)
    const c = createCursor({ steps, summary: planned.summary }, start)
    c.setEnd({ seq: last, state: end })
    expect(c.seek(last)).toEqual(folded[40])
    const { wrapped, reads } = counted(planned.steps.slice(40))
    steps.push(...wrapped)
    expect(c.seek(last)).toEqual(folded[last])
    expect(reads.n).toBe(0)
  })
})
