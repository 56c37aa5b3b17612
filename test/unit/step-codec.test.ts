import { describe, expect, it } from 'vitest'

import { loadSample, sampleNames } from '../../src/node/demo-lab'
import { decodeStep, encodeStep } from '../../src/node/persistence/step-codec'
import { sampleRun } from '../support/golden-steps'

describe('stored steps', () => {
  it('read back exactly as planned, in fewer bytes than their JSON', () => {
    for (const name of sampleNames()) {
      const run = sampleRun(loadSample(name))
      let compact = 0
      let json = 0
      for (const step of run.steps) {
        const text = encodeStep(step)
        // Same keys in the same order: the JSON of what is read is the JSON of what was planned.
        expect(JSON.stringify(decodeStep(step.seq, text))).toBe(JSON.stringify(step))
        compact += text.length
        json += JSON.stringify(step).length
      }
      expect(compact).toBeLessThan(json * 0.85)
    }
  })

  it('keeps what is not an engine step, and steps stored before, as JSON objects', () => {
    const odd = { seq: 3, text: 'x', effects: [], t: 0, extra: true }
    expect(encodeStep(odd)).toBe(JSON.stringify(odd))
    expect(decodeStep(3, encodeStep(odd))).toEqual(odd)
    expect(decodeStep(1, '{"seq":1,"text":"x"}')).toEqual({ seq: 1, text: 'x' })
  })
})
