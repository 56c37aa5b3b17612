import type { EditBatch } from './edits'
import { indexTopology, type Link, type NodeId, type Position, type Topology } from './topology'

/**
 * More intent-to-batch builders for the canvas and inspector (beside commands.ts). Each reads
 * the current topology for the `before` half of the edit, so the batch inverts exactly.
 */

/** Moves nodes to new positions (relative to their parents); null when nothing moved. */
export function moveNodesBatch(
  topology: Topology,
  moves: readonly { id: NodeId; to: Position }[],
): EditBatch | null {
  const index = indexTopology(topology)
  const out = []
  for (const move of moves) {
    const node = index.byId.get(move.id)
    if (!node) continue
    if (node.position.x === move.to.x && node.position.y === move.to.y) continue
    out.push({ id: move.id, from: node.position, to: move.to })
  }
  if (out.length === 0) return null
  const first = index.byId.get(out[0]?.id ?? '')
  const label = out.length === 1 ? `Move ${first?.name ?? ''}` : `Move ${out.length} objects`
  return { label, edits: [{ type: 'moveNodes', moves: out }] }
}

/** Puts a node under another parent (or the root) at a position relative to that parent. */
export function reparentBatch(
  topology: Topology,
  id: NodeId,
  parentId: NodeId | null,
  position: Position,
): EditBatch | null {
  const index = indexTopology(topology)
  const node = index.byId.get(id)
  if (!node) return null
  const target = parentId === null ? 'the canvas' : (index.byId.get(parentId)?.name ?? parentId)
  return {
    label: `Move ${node.name} into ${target}`,
    edits: [
      {
        type: 'reparent',
        id,
        from: { parentId: node.parentId, position: node.position },
        to: { parentId, position },
      },
    ],
  }
}

/** Replaces a node's spec; null when the spec did not change. */
export function setSpecBatch(
  topology: Topology,
  id: NodeId,
  after: Record<string, unknown>,
): EditBatch | null {
  const node = indexTopology(topology).byId.get(id)
  if (!node || JSON.stringify(node.spec) === JSON.stringify(after)) return null
  return { label: `Change ${node.name}`, edits: [{ type: 'setSpec', id, before: node.spec, after }] }
}

/** Renames a node; null when the name did not change. */
export function renameBatch(topology: Topology, id: NodeId, after: string): EditBatch | null {
  const node = indexTopology(topology).byId.get(id)
  if (!node || node.name === after) return null
  return {
    label: `Rename ${node.name} to ${after}`,
    edits: [{ type: 'rename', id, before: node.name, after }],
  }
}

/** Binds a Supervisor to a cluster with a link whose id the caller chose. */
export function connectBatch(topology: Topology, link: Link): EditBatch | null {
  const index = indexTopology(topology)
  const source = index.byId.get(link.source)
  const target = index.byId.get(link.target)
  if (!source || !target) return null
  return { label: `Bind ${source.name} to ${target.name}`, edits: [{ type: 'connect', link }] }
}

/** Removes links (a Supervisor's bindings) as one undo step. */
export function disconnectBatch(topology: Topology, linkIds: readonly string[]): EditBatch | null {
  const links = topology.links.filter((l) => linkIds.includes(l.id))
  if (links.length === 0) return null
  return {
    label: links.length === 1 ? 'Unbind Supervisor' : `Remove ${links.length} bindings`,
    edits: links.map((link) => ({ type: 'disconnect' as const, link })),
  }
}
