import type { ElkNode } from 'elkjs/lib/elk-api'

import { moveNodesBatch } from '../../../shared/domain/edit-builders'
import type { EditBatch } from '../../../shared/domain/edits'
import { indexTopology, type LabNode, type Topology } from '../../../shared/domain/topology'
import {
  cardSize,
  GROUP,
  GROUP_KINDS,
  headerWidth,
  SIBLING_GAP,
} from '../../../shared/domain/layout/lab-sizes'

/** Room a container keeps above its children (header) and below them (read-only strip). */
const GROUP_PADDING = `[top=${GROUP.top},left=${GROUP.left},bottom=${GROUP.bottom + GROUP.strip},right=${GROUP.right}]`

/** The topology as an ELK graph: containers hold their children, cards have fixed sizes. */
export function toElkGraph(topology: Topology): ElkNode {
  const index = indexTopology(topology)
  const build = (node: LabNode): ElkNode => {
    const children = index.children.get(node.id) ?? []
    if (GROUP_KINDS.has(node.kind))
      return {
        id: node.id,
        layoutOptions: {
          'elk.padding': GROUP_PADDING,
          'elk.algorithm': 'rectpacking',
          'elk.spacing.nodeNode': String(SIBLING_GAP),
        },
        children: children.map(build),
        width: Math.max(GROUP.minWidth, headerWidth(node)),
        height: GROUP.minHeight,
      }
    const { width, height } = cardSize(node)
    return { id: node.id, width, height }
  }
  return {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.spacing.nodeNode': '60' },
    children: (index.children.get(null) ?? []).map(build),
    edges: topology.links.map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  }
}

/** ELK's positions (relative to the parent, as the lab stores them) as one move batch. */
export function layoutBatch(topology: Topology, laid: ElkNode): EditBatch | null {
  const moves: { id: string; to: { x: number; y: number } }[] = []
  const walk = (n: ElkNode) => {
    for (const c of n.children ?? []) {
      moves.push({ id: c.id, to: { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) } })
      walk(c)
    }
  }
  walk(laid)
  const batch = moveNodesBatch(topology, moves)
  return batch ? { ...batch, label: 'Auto-layout' } : null
}
