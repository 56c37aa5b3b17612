import { z } from 'zod'

import { KINDS, type Kind } from './kinds'

/**
 * A lab's topology: nodes in a containment tree plus links (a Supervisor's binding to its
 * clusters). Positions are relative to the parent node, as React Flow's nested nodes want them.
 */

export const NodeId = z.string().min(1).max(128)
export type NodeId = z.output<typeof NodeId>

export const Position = z.object({ x: z.number(), y: z.number() })
export type Position = z.output<typeof Position>

export const LabNode = z.object({
  id: NodeId,
  kind: z.enum(KINDS),
  name: z.string(),
  parentId: NodeId.nullable(),
  position: Position,
  /** Kind-specific settings; validated against SPEC_SCHEMAS[kind] by `validateTopologyShape`. */
  spec: z.record(z.string(), z.unknown()),
})
export type LabNode = z.output<typeof LabNode>

export const LINK_KINDS = ['supervisor-cluster'] as const
export const Link = z.object({
  id: z.string().min(1),
  kind: z.enum(LINK_KINDS),
  source: NodeId,
  target: NodeId,
})
export type Link = z.output<typeof Link>

export const Topology = z.object({
  nodes: z.array(LabNode),
  links: z.array(Link),
})
export type Topology = z.output<typeof Topology>

export const EMPTY_TOPOLOGY: Topology = { nodes: [], links: [] }

/** Index of a topology for lookups; build once per topology, not per query. */
export interface TopologyIndex {
  readonly byId: ReadonlyMap<NodeId, LabNode>
  readonly children: ReadonlyMap<NodeId | null, readonly LabNode[]>
}

export function indexTopology(topology: Topology): TopologyIndex {
  const byId = new Map<NodeId, LabNode>()
  const children = new Map<NodeId | null, LabNode[]>()
  for (const node of topology.nodes) {
    byId.set(node.id, node)
    const list = children.get(node.parentId)
    if (list) list.push(node)
    else children.set(node.parentId, [node])
  }
  return { byId, children }
}

/** The node and all its descendants, parents before children. */
export function subtree(index: TopologyIndex, rootId: NodeId): LabNode[] {
  const root = index.byId.get(rootId)
  if (!root) return []
  const out: LabNode[] = [root]
  for (let i = 0; i < out.length; i++) {
    const node = out[i]
    if (node) out.push(...(index.children.get(node.id) ?? []))
  }
  return out
}

/** The nearest ancestor of `kind`, or undefined. */
export function ancestorOfKind(index: TopologyIndex, id: NodeId, kind: Kind): LabNode | undefined {
  let node = index.byId.get(id)
  while (node && node.parentId !== null) {
    node = index.byId.get(node.parentId)
    if (node?.kind === kind) return node
  }
  return undefined
}

/** Absolute canvas position of a node (positions are stored relative to the parent). */
export function absolutePosition(index: TopologyIndex, id: NodeId): Position {
  let x = 0
  let y = 0
  let node = index.byId.get(id)
  while (node) {
    x += node.position.x
    y += node.position.y
    node = node.parentId === null ? undefined : index.byId.get(node.parentId)
  }
  return { x, y }
}
