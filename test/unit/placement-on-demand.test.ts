import { describe, expect, it } from 'vitest'

import { loadSample, sampleNames } from '../../src/node/demo-lab'
import { createCursor } from '../../src/shared/engine/cursor'
import { placementTable } from '../../src/shared/engine/placement'
import { initialState } from '../../src/shared/engine/state'
import { sampleRun } from '../support/golden-steps'

describe('placement tables made on demand', () => {
  for (const name of sampleNames())
    it(`rebuilds every placement of the ${name} sample as the planner decided it`, () => {
      const lab = loadSample(name)
      const run = sampleRun(lab)
      const cursor = createCursor(run, initialState(lab.topology))
      const placed = run.steps.filter((s) => s.placement)
      expect(placed.length).toBeGreaterThan(0)
      for (const step of placed) {
        const stored = step.placement!
        // The step keeps the decision and its inputs, not a row per host.
        expect(stored.rows).toEqual([])
        const full = placementTable(cursor.seek(stored.ask!.after), stored)
        expect(full.rows.length).toBe(stored.ask!.hosts.length)
        expect(full.rows.filter((r) => r.chosen).map((r) => r.host)).toEqual(
          stored.chosen === null ? [] : [stored.chosen],
        )
        // Same sentence as the step tells: the table explains what was decided.
        expect(full.explanation).toBe(stored.explanation)
        expect(step.text).toContain(stored.explanation)
      }
    })
})
