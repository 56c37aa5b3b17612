import { describe, expect, it } from 'vitest'

import type { Topology } from '../../../shared/domain/topology'
import { placeNode } from './placement'
import type { Rect } from './to-flow'

const node = (id: string, kind: Topology['nodes'][number]['kind'], parentId: string | null) => ({
  id,
  kind,
  name: id,
  parentId,
  position: { x: 0, y: 0 },
  spec: {},
})
const topology: Topology = {
  nodes: [
    node('vc', 'vcenter', null),
    node('cl', 'cluster', 'vc'),
    node('h1', 'host', 'cl'),
    node('sv', 'supervisor', null),
  ],
  links: [],
}
const rects = new Map<string, Rect>([
  ['vc', { x: 0, y: 0, width: 600, height: 300 }],
  ['cl', { x: 20, y: 50, width: 400, height: 200 }],
  ['h1', { x: 40, y: 100, width: 180, height: 60 }],
  ['sv', { x: 0, y: 400, width: 300, height: 200 }],
])
const box = (x: number, y: number): Rect => ({ x, y, width: 180, height: 60 })

describe('placeNode', () => {
  it('puts a host into the cluster under the pointer, below its header', () => {
    // Over the existing host is fine here: the edit's layout (settleBatch) slides it past.
    const placed = placeNode({ kind: 'host', point: { x: 60, y: 110 }, box: box(50, 80) }, topology, rects)
    expect(placed).toEqual({ ok: true, parentId: 'cl', position: { x: 30, y: 50 } })
  })

  it('snaps to a valid container within 60 px, and refuses farther away with the reason', () => {
    const near = placeNode({ kind: 'host', point: { x: 450, y: 100 }, box: box(450, 100) }, topology, rects)
    expect(near).toMatchObject({ ok: true, parentId: 'cl' })
    const far = placeNode({ kind: 'host', point: { x: 900, y: 900 }, box: box(900, 900) }, topology, rects)
    expect(far).toEqual({ ok: false, reason: expect.stringContaining('inside a vSphere cluster') as string })
  })

  it('refuses a vSphere Pod outside a namespace and names where it was dropped', () => {
    const placed = placeNode({ kind: 'pod', point: { x: 100, y: 500 }, box: box(100, 500) }, topology, rects)
    expect(placed).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not in Supervisor sv') as string,
    })
  })

  it('places root kinds on empty canvas and refuses them on a container from the palette', () => {
    expect(
      placeNode({ kind: 'vcenter', point: { x: 900, y: 0 }, box: box(900, 0) }, topology, rects),
    ).toMatchObject({
      ok: true,
      parentId: null,
    })
    const onTop = placeNode(
      { kind: 'supervisor', point: { x: 100, y: 100 }, box: box(100, 100), strictRoot: true },
      topology,
      rects,
    )
    expect(onTop.ok).toBe(false)
  })

  it('never picks the dragged node or its subtree as the container', () => {
    const placed = placeNode(
      { kind: 'cluster', point: { x: 100, y: 100 }, box: box(20, 50), exclude: new Set(['cl', 'h1']) },
      topology,
      rects,
    )
    expect(placed).toMatchObject({ ok: true, parentId: 'vc' })
  })
})
