import type { PlaceableKind } from '../../../shared/domain/kinds'
import { dropBatch } from '../canvas/palette-drop'
import { currentRects } from '../canvas/rects-registry'
import { sendBatch } from '../stores/edit-actions'
import { currentTopology } from '../stores/lab-store'
import { toast } from '../stores/notice-store'
import { setSelection, useSelectionStore } from '../stores/selection-store'

/**
 * The keyboard path of a palette drop: Enter on a palette item adds the kind into the
 * selected container (or beside everything when nothing is selected), by the same rules.
 */
export async function addFromKeyboard(kind: PlaceableKind) {
  const topology = currentTopology()
  if (!topology) return
  const rects = currentRects()
  const selected = useSelectionStore.getState().selection[0]
  const target = selected ? rects.get(selected) : undefined
  const all = [...rects.values()]
  const right = all.length > 0 ? Math.max(...all.map((r) => r.x + r.width)) : 0
  const point = target ? { x: target.x + 40, y: target.y + 60 } : { x: right + 80, y: 20 }
  const result = dropBatch(kind, point, topology, rects)
  if ('reason' in result) return toast(result.reason, 'error')
  const asked = useSelectionStore.getState().selection
  if (!(await sendBatch(result.batch))) return
  // The new object is selected, unless the user picked something else (or Escape) meanwhile.
  const now = useSelectionStore.getState().selection
  if (now.length === asked.length && now.every((id, i) => id === asked[i])) setSelection([result.id])
}
