import { readdirSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { layoutLab } from '../../src/shared/domain/layout/lab-layout'
import { layoutProblems } from '../../src/shared/domain/layout/layout-problems'
import { sampleLab } from '../support/samples'

const samples = readdirSync('resources/samples').map((f) => f.replace(/\.lab\.yaml$/, ''))

describe('sample labs', () => {
  it.each(samples)('%s is stored as the canvas draws it: nothing overlaps, nothing has to move', (name) => {
    const { topology } = sampleLab(name)
    const layout = layoutLab(topology)
    expect(layoutProblems(topology, layout)).toEqual([])
    const moved = topology.nodes.filter((n) => {
      const box = layout.boxes.get(n.id)
      return box?.x !== n.position.x || box.y !== n.position.y
    })
    // A sample that had to move would make the user's first edit carry unrelated moves.
    expect(moved.map((n) => n.name)).toEqual([])
  })
})
