import { describe, expect, it } from 'vitest'

import { defaultSpec } from '../../../shared/domain/specs'
import type { LabNode, Topology } from '../../../shared/domain/topology'
import { toFlow } from './to-flow'

const node = (id: string, kind: LabNode['kind'], parentId: string | null, x = 20, y = 60): LabNode => ({
  id,
  kind,
  name: id,
  parentId,
  position: { x, y },
  spec: defaultSpec(kind),
})
const topology: Topology = {
  nodes: [
    node('sv', 'supervisor', null, 0, 0),
    node('ns', 'namespace', 'sv'),
    node('p1', 'pod', 'ns'),
    node('p2', 'pod', 'ns', 260, 60),
  ],
  links: [],
}
const view = { collapsed: new Set<string>(), problems: new Map(), selection: new Set<string>() }

describe('toFlow', () => {
  it('adds the platform-created objects read-only: 3 control-plane VMs, the API VIP, the namespace network', () => {
    const { nodes } = toFlow(topology, view)
    const derived = nodes.filter((n) => n.data.derived)
    expect(derived.map((n) => n.data.node.kind).sort()).toEqual([
      'control-plane-vm',
      'control-plane-vm',
      'control-plane-vm',
      'control-plane-vm',
      'namespace-network',
    ])
    expect(derived.every((n) => n.draggable === false && n.deletable === false)).toBe(true)
  })

  it('a collapsed container hides its children and summarises them', () => {
    const { nodes, rects } = toFlow(topology, { ...view, collapsed: new Set(['ns']) })
    expect(nodes.find((n) => n.id === 'p1')?.hidden).toBe(true)
    expect(nodes.find((n) => n.id === 'ns')?.data.summary).toContain('2 pods')
    expect(rects.has('p1')).toBe(false)
  })

  it('gives every node its size and absolute box up front, parents before children', () => {
    const { nodes, rects } = toFlow(topology, view)
    expect(nodes.every((n) => n.width && n.height && n.handles?.length === 2)).toBe(true)
    expect(nodes.findIndex((n) => n.id === 'ns')).toBeLessThan(nodes.findIndex((n) => n.id === 'p1'))
    expect(rects.get('p2')).toMatchObject({ x: 280, y: 120 })
  })

  it('draws siblings stored on top of each other apart, inside their container', () => {
    const piled: Topology = { ...topology, nodes: [...topology.nodes, node('p3', 'pod', 'ns', 30, 70)] }
    const { rects } = toFlow(piled, view)
    const [p1, p3, ns] = ['p1', 'p3', 'ns'].map((id) => rects.get(id)!)
    expect(p1!.x + p1!.width < p3!.x || p1!.y + p1!.height < p3!.y).toBe(true)
    expect(p3!.x + p3!.width).toBeLessThanOrEqual(ns!.x + ns!.width)
    expect(p3!.y + p3!.height).toBeLessThanOrEqual(ns!.y + ns!.height)
  })
})
