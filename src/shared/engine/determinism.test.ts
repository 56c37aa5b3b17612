import { describe, expect, it } from 'vitest'

import { sampleLab } from '../../../test/support/samples'
import { createCursor } from './cursor'
import { plan, planStreaming } from './plan'
import { initialState } from './state'
import { EngineState, Run, type Fault } from './types'

/** FNV-1a over the UTF-16 code units: a tiny pure hash for comparing step lists. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16)
}

const topology = sampleLab('demo').topology
const faults: Fault[] = [
  { kind: 'host-failure', target: 'esxi-02', atSeq: 40 },
  { kind: 'registry-outage', target: 'harbor.corp.local', atSeq: 22, value: '30000' },
]
const hashOf = (seed: number, f: Fault[] = []) => fnv1a(JSON.stringify(plan(topology, undefined, seed, f)))

describe('determinism', () => {
  it('gives a byte-identical run for the same topology, seed and faults', () => {
    expect(hashOf(7)).toBe(hashOf(7))
    expect(hashOf(7, faults)).toBe(hashOf(7, faults))
  })
  it('varies timings, not the story, with the seed', () => {
    const a = plan(topology, undefined, 1)
    const b = plan(topology, undefined, 2)
    expect(hashOf(1)).not.toBe(hashOf(2))
    expect(a.steps.map((s) => s.action)).toEqual(b.steps.map((s) => s.action))
  })
  it('never mutates its input topology', () => {
    const before = JSON.stringify(topology)
    plan(topology, undefined, 3, faults)
    expect(JSON.stringify(topology)).toBe(before)
  })
  it('produces runs and states that round-trip through their zod schemas as JSON', () => {
    const run = plan(topology, undefined, 9, faults)
    const json = JSON.parse(JSON.stringify(run)) as unknown
    expect(Run.parse(json)).toEqual(run)
    const state = createCursor(run, initialState(topology)).stateAt(run.steps.length)
    expect(EngineState.parse(JSON.parse(JSON.stringify(state)))).toEqual(state)
  })
  it('streams the same steps and summary as it keeps', () => {
    const streamed: unknown[] = []
    const summary = planStreaming(topology, undefined, 4, faults, (step) => streamed.push(step))
    const kept = plan(topology, undefined, 4, faults)
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(kept.steps))
    expect(summary).toEqual(kept.summary)
  })
})
