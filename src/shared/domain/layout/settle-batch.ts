import { applyBatch, EditError, type EditBatch } from '../edits'
import type { Topology } from '../topology'
import { layoutLab } from './lab-layout'

/**
 * The batch with the layout it leaves behind made tidy, in the same batch (one request, one undo
 * step): objects it adds or moves make room where they would overlap (the user's drop slides
 * past what is there), and siblings a grown container now overlaps are pushed right or down (`layoutLab`). What the renderer's edits, a duplicate and
 * an import store is what the canvas draws. A batch that does not apply comes back as it was,
 * for the service to refuse with its reason.
 */
export function settleBatch(
  before: Topology,
  batch: EditBatch,
  options: { collapsed?: ReadonlySet<string> } = {},
): EditBatch {
  let after: Topology
  try {
    after = applyBatch(before, batch)
  } catch (e) {
    if (e instanceof EditError) return batch
    throw e
  }
  const layout = layoutLab(after, { ...options, late: placedBy(batch) })
  const moves = after.nodes.flatMap((n) => {
    const box = layout.boxes.get(n.id)
    return box && (box.x !== n.position.x || box.y !== n.position.y)
      ? [{ id: n.id, from: n.position, to: { x: box.x, y: box.y } }]
      : []
  })
  if (moves.length === 0) return batch
  return { ...batch, edits: [...batch.edits, { type: 'moveNodes', moves }] }
}

/** The objects a batch adds, moves or reparents: they make room, the others stay. */
function placedBy(batch: EditBatch): Set<string> {
  const ids = new Set<string>()
  for (const e of batch.edits) {
    if (e.type === 'addNodes') for (const n of e.nodes) ids.add(n.id)
    else if (e.type === 'moveNodes') for (const m of e.moves) ids.add(m.id)
    else if (e.type === 'reparent') ids.add(e.id)
  }
  return ids
}
