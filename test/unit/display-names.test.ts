import { describe, expect, it } from 'vitest'

import { loadSample, sampleNames } from '../../src/node/demo-lab'
import { DisplayNames } from '../../src/shared/engine/display-names'
import { plan } from '../../src/shared/engine/plan'

describe('display names of the sample runs', () => {
  it.each(sampleNames())('names every object, lane and reference of the %s sample run', (sample) => {
    const doc = loadSample(sample)
    const run = plan(doc.topology, undefined, 1, [])
    const all = new DisplayNames(doc.topology).learn(run.steps)
    const ids = new Set(doc.topology.nodes.map((n) => n.id))
    for (const s of run.steps) for (const e of s.effects) ids.add(e.id)
    const shown = run.steps.flatMap((s) => [
      all.label(s.object),
      all.lane(s.actor),
      all.lane(s.target),
      ...s.effects.map((e) => `${all.label(e.id)} ${all.path(e.key)} ${all.value(e.key, e.after)}`),
    ])
    const anyId = words([...ids].filter((id) => all.find(id)?.name !== id))
    for (const text of shown) {
      expect(text).not.toContain('an object not in this lab')
      expect(text).not.toMatch(anyId)
    }
  })
})

/** Any of the ids as a whole word (an id inside a longer name does not count). */
const words = (ids: string[]) =>
  new RegExp(
    `(^|[^\\w-])(${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})($|[^\\w-])`,
  )
