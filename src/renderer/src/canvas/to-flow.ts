import type { Edge, Node } from '@xyflow/react'

import type { Kind } from '../../../shared/domain/kinds'
import {
  indexTopology,
  type LabNode,
  type Topology,
  type TopologyIndex,
} from '../../../shared/domain/topology'
import { nodeSummary } from './node-summary'

/** Kinds drawn as groups that hold their children; every other kind is a card. */
export const GROUP_KINDS: ReadonlySet<Kind> = new Set(['vcenter', 'cluster', 'supervisor', 'namespace'])

export const CARD_SIZE = { width: 180, height: 60 } as const
const GROUP_PAD = { right: 20, bottom: 20 } as const
const GROUP_MIN = { width: 240, height: 110 } as const

export interface LabFlowData extends Record<string, unknown> {
  node: LabNode
  summary: string
  childCount: number
}

export type LabFlowNode = Node<LabFlowData>

/**
 * Maps a topology to React Flow nodes and edges: parents before children, child positions
 * relative to the parent, group sizes fitted to their children. Every node gets its size up
 * front so React Flow can skip measuring (it matters for large labs).
 */
export function toFlow(topology: Topology): { nodes: LabFlowNode[]; edges: Edge[] } {
  const index = indexTopology(topology)
  const sizes = new Map<string, { width: number; height: number }>()
  const sizeOf = (node: LabNode): { width: number; height: number } => {
    const known = sizes.get(node.id)
    if (known) return known
    let size: { width: number; height: number } = CARD_SIZE
    if (GROUP_KINDS.has(node.kind)) {
      let width: number = GROUP_MIN.width
      let height: number = GROUP_MIN.height
      for (const child of index.children.get(node.id) ?? []) {
        const c = sizeOf(child)
        width = Math.max(width, child.position.x + c.width + GROUP_PAD.right)
        height = Math.max(height, child.position.y + c.height + GROUP_PAD.bottom)
      }
      size = { width, height }
    }
    sizes.set(node.id, size)
    return size
  }

  const nodes: LabFlowNode[] = []
  const visit = (node: LabNode) => {
    const size = sizeOf(node)
    const isGroup = GROUP_KINDS.has(node.kind)
    const children = index.children.get(node.id) ?? []
    nodes.push({
      id: node.id,
      type: isGroup ? 'group-node' : 'card-node',
      position: node.position,
      ...(node.parentId !== null ? { parentId: node.parentId } : {}),
      width: size.width,
      height: size.height,
      style: { width: size.width, height: size.height },
      data: { node, summary: nodeSummary(node, index), childCount: children.length },
      zIndex: depth(index, node),
    })
    for (const child of children) visit(child)
  }
  for (const root of index.children.get(null) ?? []) visit(root)

  const edges: Edge[] = topology.links.map((link) => ({
    id: link.id,
    source: link.source,
    target: link.target,
    type: 'smoothstep',
    label: 'runs on',
    className: `edge-${link.kind}`,
    zIndex: 1000,
  }))
  return { nodes, edges }
}

function depth(index: TopologyIndex, node: LabNode): number {
  let d = 0
  for (let p = node.parentId; p !== null; p = index.byId.get(p)?.parentId ?? null) d++
  return d
}
