import { ALLOWED_PARENTS } from '../../../shared/domain/kinds'
import type { Edit, EditBatch } from '../../../shared/domain/edits'
import { indexTopology, subtree, type Topology } from '../../../shared/domain/topology'
import { placeNode } from './placement'
import type { Rect } from './to-flow'

export interface Dragged {
  id: string
  /** Position relative to the node's current parent, where the drag left it. */
  position: { x: number; y: number }
  width: number
  height: number
}

/**
 * Turns the end of a drag into one batch: moves within the same parent, reparents when a node
 * lands in another valid container. A refusal names the reason and the canvas snaps back.
 */
export function dragStopBatch(
  dragged: readonly Dragged[],
  topology: Topology,
  rects: ReadonlyMap<string, Rect>,
): { batch: EditBatch | null } | { refused: string } {
  const index = indexTopology(topology)
  const moves: Extract<Edit, { type: 'moveNodes' }>['moves'] = []
  const reparents: Edit[] = []
  for (const d of dragged) {
    const node = index.byId.get(d.id)
    if (!node) continue
    const parentRect = node.parentId === null ? { x: 0, y: 0 } : rects.get(node.parentId)
    if (!parentRect) continue
    const rounded = { x: Math.round(d.position.x), y: Math.round(d.position.y) }
    if (ALLOWED_PARENTS[node.kind].includes(null)) {
      moves.push({ id: node.id, from: node.position, to: rounded })
      continue
    }
    const box = { x: parentRect.x + rounded.x, y: parentRect.y + rounded.y, width: d.width, height: d.height }
    const point = { x: box.x + Math.min(40, box.width / 2), y: box.y + Math.min(20, box.height / 2) }
    const exclude = new Set(subtree(index, node.id).map((n) => n.id))
    const placed = placeNode({ kind: node.kind, point, box, exclude }, topology, rects)
    if (!placed.ok) return { refused: placed.reason }
    if (placed.parentId === node.parentId)
      moves.push({
        id: node.id,
        from: node.position,
        to: { x: Math.max(0, rounded.x), y: Math.max(40, rounded.y) },
      })
    else
      reparents.push({
        type: 'reparent',
        id: node.id,
        from: { parentId: node.parentId, position: node.position },
        to: { parentId: placed.parentId, position: placed.position },
      })
  }
  const changed = moves.filter((m) => m.from.x !== m.to.x || m.from.y !== m.to.y)
  const edits: Edit[] = [
    ...(changed.length > 0 ? [{ type: 'moveNodes' as const, moves: changed }] : []),
    ...reparents,
  ]
  if (edits.length === 0) return { batch: null }
  const first = index.byId.get(dragged[0]?.id ?? '')
  const label =
    dragged.length > 1
      ? `Move ${dragged.length} objects`
      : reparents[0]?.type === 'reparent'
        ? `Move ${first?.name} into ${index.byId.get(reparents[0].to.parentId ?? '')?.name ?? 'the canvas'}`
        : `Move ${first?.name}`
  return { batch: { label, edits } }
}
