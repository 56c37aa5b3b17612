import { describe, expect, it } from 'vitest'

import { defaultSpec } from '../../../shared/domain/specs'
import type { LabNode, Topology } from '../../../shared/domain/topology'
import { toFlow } from './to-flow'

const node = (id: string, kind: LabNode['kind'], parentId: string | null, x = 20, y = 50): LabNode => ({
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
    node('p2', 'pod', 'ns', 220, 50),
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
    expect(rects.get('p2')).toMatchObject({ x: 240, y: 100 })
  })
})
