import type { Edge } from '@xyflow/react'
import { describe, expect, it } from 'vitest'

import { aggregateEdges } from './edges'

const edge = (id: string, source: string, target: string): Edge => ({ id, source, target })
/** Members m1..m3 of ns-a, m4 of ns-b; only m3 is drawn. */
const drawnAs = (id: string) => ({ m1: 'ns-a', m2: 'ns-a', m4: 'ns-b' })[id] ?? id

describe('aggregateEdges', () => {
  it('keeps edges between drawn nodes as they are', () => {
    const e = edge('l', 'sv', 'cl')
    expect(aggregateEdges([e], drawnAs)[0]).toBe(e)
  })

  it('moves the ends of undrawn members to their container and merges what then coincides', () => {
    const out = aggregateEdges([edge('1', 'm1', 'm4'), edge('2', 'm2', 'm4'), edge('3', 'm3', 'm4')], drawnAs)
    expect(out.map((e) => [e.source, e.target, e.label])).toEqual([
      ['ns-a', 'ns-b', '2 links'],
      ['m3', 'ns-b', undefined],
    ])
  })

  it('draws no edge between two members of the same summarised container', () => {
    expect(aggregateEdges([edge('1', 'm1', 'm2')], drawnAs)).toEqual([])
  })
})
