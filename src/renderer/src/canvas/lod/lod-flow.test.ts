import { describe, expect, it } from 'vitest'

import { generateLargeLab } from '../../../../shared/domain/large-lab'
import { indexTopology } from '../../../../shared/domain/topology'
import { toFlow, type Rect } from '../to-flow'
import { cellPosition, TILE } from '../../../../shared/domain/layout/member-grid'
import { MEMBER_ZOOM, windowsInView, type View } from './materialise'
import { MemberNodes } from './member-nodes'
import { planLod } from './plan'

const topology = generateLargeLab({ hosts: 64, namespaces: 50, pods: 20_000 }).topology
const index = indexTopology(topology)
const none = new Map()

function draw(expanded: string[], view: View, selection: string[] = []) {
  const plan = planLod(index, { collapsed: new Set(), expanded: new Set(expanded) })
  const collapsed = new Set([...plan.containers.values()].filter((c) => c.collapsed).map((c) => c.id))
  const flow = toFlow(topology, { collapsed, problems: none, selection: new Set() })
  const { windows } = windowsInView(plan, flow.rects, view)
  const members = new MemberNodes().build(plan, windows, selection, none, () => 2)
  return { plan, flow, members }
}

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('the level of detail on a 20,000-PodVM lab', () => {
  it('opens with every namespace summarised and not one PodVM node', () => {
    const { flow, members } = draw([], { x: 0, y: 0, zoom: 0.1, width: 1000, height: 700 })
    expect(flow.nodes.filter((n) => n.data.node.kind === 'pod')).toHaveLength(0)
    expect(members).toHaveLength(0)
    expect(flow.nodes.length).toBeLessThan(250)
    // Every node is sized up front: React Flow never measures one.
    expect(flow.nodes.every((n) => n.width && n.height && n.handles)).toBe(true)
  })

  it('draws only the tiles in view of an opened namespace, each inside it, at a readable zoom', () => {
    const far = draw(['ns-44'], { x: 0, y: 0, zoom: MEMBER_ZOOM / 2, width: 1000, height: 700 })
    expect(far.members).toHaveLength(0)
    const ns = far.flow.rects.get('ns-44')!
    const zoom = 1
    const view = { x: -(ns.x + 400) * zoom, y: -(ns.y + 300) * zoom, zoom, width: 1000, height: 700 }
    const { members, flow } = draw(['ns-44'], view)
    expect(members.length).toBeGreaterThan(20)
    // About 90 of the 400 tiles fit a 1000 x 700 view; a margin and whole blocks of rows and
    // columns add some around it.
    const inView = Math.ceil(1000 / (TILE.width + 10)) * Math.ceil(700 / (TILE.height + 8))
    expect(members.length).toBeLessThanOrEqual(2.5 * inView)
    for (const m of members) {
      expect(m.parentId).toBe('ns-44')
      expect(m.width).toBe(TILE.width)
      expect(m.position.x + TILE.width).toBeLessThanOrEqual(ns.width)
      expect(m.position.y + TILE.height).toBeLessThanOrEqual(ns.height)
    }
    // The opened namespace grew; the siblings it would cover moved out of its way.
    const namespaces = [...flow.rects].filter(([id]) => id.startsWith('ns-'))
    for (const [id, rect] of namespaces)
      if (id !== 'ns-44') expect(overlap(rect, flow.rects.get('ns-44')!), id).toBe(false)
    expect(overlap(flow.rects.get('sv-1')!, flow.rects.get('ns-44')!)).toBe(true)
  })

  it('keeps a selected member as a node while it is out of view, hidden', () => {
    const plan = planLod(index, { collapsed: new Set(), expanded: new Set(['ns-03']) })
    const container = plan.containers.get('ns-03')!
    const i = container.members.findIndex((m) => m.id === 'ns-03-pod-0399')
    expect(cellPosition(container.grid, i).y).toBeGreaterThan(500)
    const { members } = draw(['ns-03'], { x: 0, y: 0, zoom: 0.1, width: 1000, height: 700 }, [
      'ns-03-pod-0399',
    ])
    expect(members.map((m) => [m.id, m.hidden])).toEqual([['ns-03-pod-0399', true]])
  })

  it('reuses the node of a member still in view, so a pan re-renders only new tiles', () => {
    const plan = planLod(index, { collapsed: new Set(), expanded: new Set(['ns-01']) })
    const collapsed = new Set([...plan.containers.values()].filter((c) => c.collapsed).map((c) => c.id))
    const flow = toFlow(topology, { collapsed, problems: none, selection: new Set() })
    const ns = flow.rects.get('ns-01')!
    const cache = new MemberNodes()
    const at = (dx: number) => {
      const view = { x: -(ns.x + dx), y: -ns.y, zoom: 1, width: 1000, height: 700 }
      return cache.build(plan, windowsInView(plan, flow.rects, view).windows, [], none, () => 2)
    }
    const before = at(0)
    const after = at(700)
    const kept = after.filter((n) => before.includes(n))
    expect(kept.length).toBeGreaterThan(0)
    expect(after.some((n) => !before.includes(n))).toBe(true)
  })
})
