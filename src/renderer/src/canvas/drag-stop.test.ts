import { describe, expect, it } from 'vitest'

import type { Topology } from '../../../shared/domain/topology'
import { dragStopBatch } from './drag-stop'
import type { Rect } from './to-flow'

const node = (
  id: string,
  kind: Topology['nodes'][number]['kind'],
  parentId: string | null,
  x: number,
  y: number,
) => ({
  id,
  kind,
  name: id,
  parentId,
  position: { x, y },
  spec: {},
})
const topology: Topology = {
  nodes: [
    node('vc', 'vcenter', null, 0, 0),
    node('a', 'cluster', 'vc', 20, 50),
    node('b', 'cluster', 'vc', 500, 50),
    node('h', 'host', 'a', 20, 50),
  ],
  links: [],
}
const rects = new Map<string, Rect>([
  ['vc', { x: 0, y: 0, width: 900, height: 300 }],
  ['a', { x: 20, y: 50, width: 400, height: 200 }],
  ['b', { x: 500, y: 50, width: 300, height: 200 }],
  ['h', { x: 40, y: 100, width: 180, height: 60 }],
])

describe('dragStopBatch', () => {
  it('a drag inside the same parent is one move', () => {
    const r = dragStopBatch(
      [{ id: 'h', position: { x: 100, y: 60 }, width: 180, height: 60 }],
      topology,
      rects,
    )
    expect(r).toEqual({
      batch: {
        label: 'Move h',
        edits: [{ type: 'moveNodes', moves: [{ id: 'h', from: { x: 20, y: 50 }, to: { x: 100, y: 60 } }] }],
      },
    })
  })

  it('dropping a host on another cluster reparents it there', () => {
    // Relative to cluster a (at 20,50): x 500 puts it at absolute 520, inside cluster b.
    const r = dragStopBatch(
      [{ id: 'h', position: { x: 500, y: 50 }, width: 180, height: 60 }],
      topology,
      rects,
    )
    expect(r).toMatchObject({
      batch: { label: 'Move h into b', edits: [{ type: 'reparent', to: { parentId: 'b' } }] },
    })
  })

  it('dropping a host outside any cluster is refused, so the canvas snaps it back', () => {
    const r = dragStopBatch(
      [{ id: 'h', position: { x: 2000, y: 2000 }, width: 180, height: 60 }],
      topology,
      rects,
    )
    expect(r).toEqual({ refused: expect.stringContaining('inside a vSphere cluster') as string })
  })
})
