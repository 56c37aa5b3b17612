import { applyBatch, EditError, type Edit, type EditBatch } from '../edits'
import type { LabNode, Topology } from '../topology'
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
  const tidy = (n: LabNode) => {
    const box = layout.boxes.get(n.id)
    return box && (box.x !== n.position.x || box.y !== n.position.y) ? { x: box.x, y: box.y } : null
  }
  // An object the batch adds goes straight to its place, unless a later edit of the batch
  // names where it was; everything else that has to make room moves in one last edit.
  const { added, named } = addedBy(batch)
  const direct = (id: string) => added.has(id) && !named.has(id)
  let changed = false
  const edits: Edit[] = batch.edits.map((e) => {
    if (e.type !== 'addNodes') return e
    const nodes = e.nodes.map((n) => {
      const to = direct(n.id) ? tidy(n) : null
      if (to) changed = true
      return to ? { ...n, position: to } : n
    })
    return { ...e, nodes }
  })
  const moves = after.nodes.flatMap((n) => {
    const to = direct(n.id) ? null : tidy(n)
    return to ? [{ id: n.id, from: n.position, to }] : []
  })
  if (moves.length > 0) edits.push({ type: 'moveNodes', moves })
  return changed || moves.length > 0 ? { ...batch, edits } : batch
}

/** What the batch adds, and which of those a later edit moves or reparents again. */
function addedBy(batch: EditBatch): { added: Set<string>; named: Set<string> } {
  const added = new Set<string>()
  const named = new Set<string>()
  for (const e of batch.edits) {
    if (e.type === 'addNodes') for (const n of e.nodes) added.add(n.id)
    if (e.type === 'moveNodes') for (const m of e.moves) if (added.has(m.id)) named.add(m.id)
    if (e.type === 'reparent' && added.has(e.id)) named.add(e.id)
  }
  return { added, named }
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
