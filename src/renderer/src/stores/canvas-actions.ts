import { duplicateSubtreesBatch, deleteSubtreesBatch } from '../../../shared/domain/commands'
import { disconnectBatch } from '../../../shared/domain/edit-builders'
import type { EditBatch } from '../../../shared/domain/edits'
import { isDerivedId } from '../canvas/derived'
import { newId } from '../canvas/new-id'
import { currentRects } from '../canvas/rects-registry'
import { useCanvasStore } from './canvas-store'
import { saveCollapsed } from './view-state-actions'
import { sendBatch } from './lab-actions'
import { useLabStore } from './lab-store'

let toastSeq = 0
let focusSeq = 0

/** Shows a message for a few seconds (e.g. why a drop was refused). */
export function toast(message: string, tone: 'info' | 'error' = 'info') {
  const id = ++toastSeq
  useCanvasStore.setState((s) => ({ toasts: [...s.toasts.slice(-2), { id, message, tone }] }))
  setTimeout(() => useCanvasStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), 5000)
}

export function setSelection(ids: readonly string[]) {
  const current = useCanvasStore.getState().selection
  if (current.length === ids.length && current.every((id, i) => id === ids[i])) return
  useCanvasStore.setState({ selection: [...ids] })
}

/** Selects one object and asks the canvas to centre on it. */
export function focusObject(id: string) {
  useCanvasStore.setState({ selection: [id], focus: { id, seq: ++focusSeq } })
}

export function toggleCollapsed(id: string) {
  const current = useCanvasStore.getState().collapsed
  const collapsed = current.includes(id) ? current.filter((c) => c !== id) : [...current, id]
  saveCollapsed(collapsed)
  useCanvasStore.setState({ collapsed })
}

export function setSearchOpen(searchOpen: boolean) {
  useCanvasStore.setState({ searchOpen })
}

export function setLayingOut(layingOut: boolean) {
  useCanvasStore.setState({ layingOut })
}

const topology = () => useLabStore.getState().snapshot?.topology ?? null

/** The selected lab objects (not derived ones, not links) that an edit may touch. */
function editableSelection(): string[] {
  const t = topology()
  if (!t) return []
  const ids = new Set(t.nodes.map((n) => n.id))
  return useCanvasStore.getState().selection.filter((id) => !isDerivedId(id) && ids.has(id))
}

/** Deletes the selected objects with their subtrees, and selected bindings, as one undo step. */
export async function deleteSelection() {
  const t = topology()
  if (!t) return
  const nodes = deleteSubtreesBatch(t, editableSelection())
  const links = disconnectBatch(
    t,
    useCanvasStore.getState().selection.filter((id) => t.links.some((l) => l.id === id)),
  )
  const edits = [...(links?.edits ?? []), ...(nodes?.edits ?? [])]
  // Links touching deleted nodes are already in the removeNodes edit; drop their disconnects.
  const removed = new Set(
    nodes?.edits.flatMap((e) => (e.type === 'removeNodes' ? e.links.map((l) => l.id) : [])),
  )
  const batch: EditBatch | null =
    edits.length > 0
      ? {
          label: nodes?.label ?? links?.label ?? 'Delete',
          edits: edits.filter((e) => e.type !== 'disconnect' || !removed.has(e.link.id)),
        }
      : null
  if (await sendBatch(batch)) setSelection([])
}

export function copySelection() {
  const ids = editableSelection()
  if (ids.length > 0) useCanvasStore.setState({ clipboard: ids })
  if (ids.length > 0) toast(`Copied ${ids.length} object${ids.length === 1 ? '' : 's'}`)
}

/** Duplicates subtrees with their internal links and renamed children; selects the copies. */
export async function duplicate(ids: readonly string[] = editableSelection()) {
  const t = topology()
  if (!t) return
  const live = ids.filter((id) => t.nodes.some((n) => n.id === id))
  const roots = live.filter((id) => !live.includes(t.nodes.find((n) => n.id === id)?.parentId ?? ''))
  const map = new Map<string, string>()
  // A single copy goes right below its original, where it is easy to find.
  const rect = roots.length === 1 ? currentRects().get(roots[0] ?? '') : undefined
  const offset = rect ? { x: 0, y: Math.round(rect.height + 30) } : { x: 40, y: 40 }
  const batch = duplicateSubtreesBatch(
    t,
    roots,
    (old) => {
      const kind = t.nodes.find((n) => n.id === old)?.kind ?? 'link'
      const id = newId(kind)
      map.set(old, id)
      return id
    },
    offset,
  )
  if (await sendBatch(batch)) setSelection(roots.map((r) => map.get(r) ?? r))
}

export async function paste() {
  await duplicate(useCanvasStore.getState().clipboard)
}
