import type { LabRevision } from '../../../shared/contract/contract'
import type { Result } from '../../../shared/contract/result'
import { deleteSubtreesBatch, duplicateSubtreesBatch } from '../../../shared/domain/commands'
import { disconnectBatch } from '../../../shared/domain/edit-builders'
import type { EditBatch } from '../../../shared/domain/edits'
import { settleBatch } from '../../../shared/domain/layout/settle-batch'
import { labClient } from '../api/lab-client'
import { isDerivedId } from '../../../shared/domain/derived-objects'
import { currentCollapsed } from '../canvas/lod/lod-store'
import { newId } from '../canvas/new-id'
import { currentRects } from '../canvas/rects-registry'
import { requestReveal, useCanvasViewStore } from './canvas-view-store'
import { currentTopology } from './lab-store'
import { whenRevision } from './lab-sync'
import { reportError, toast } from './notice-store'
import { setClipboard, setSelection, useSelectionStore } from './selection-store'

/**
 * Every change a user makes to the lab goes through here as one batch (one undo step). The
 * service answers with the new revision only; the change itself arrives by the `labChanged`
 * push, and an action resolves once it has, so the next action sees it.
 */
async function settle(result: Result<LabRevision>): Promise<Result<LabRevision>> {
  if (result.ok) await whenRevision(result.value.revision)
  return result
}

/** Sends one user action to the service's journal; returns whether it was applied. */
export async function sendBatch(batch: EditBatch | null): Promise<boolean> {
  if (!batch) return false
  const result = await applyEditBatch(batch)
  if (!result.ok) reportError(result.error.message)
  return result.ok
}

/**
 * Applies one batch as one undo step. With `baseRevision` the service refuses it if the lab
 * changed since the batch was made. The caller shows a refusal where the user acted.
 */
export async function applyEditBatch(batch: EditBatch, baseRevision?: number): Promise<Result<LabRevision>> {
  const result = await settle(
    await labClient().applyEdits({
      batch: withTidyLayout(batch),
      ...(baseRevision === undefined ? {} : { baseRevision }),
    }),
  )
  // What a user adds (a drop, a paste, an import) comes into view at a readable zoom.
  const added = batch.edits.flatMap((e) => (e.type === 'addNodes' ? e.nodes.map((n) => n.id) : []))
  if (result.ok && added.length > 0) requestReveal(added)
  return result
}

/**
 * The batch plus the moves that keep the canvas tidy after it (objects apart, children inside),
 * so what is stored is what the canvas draws: one request, one undo step.
 */
function withTidyLayout(batch: EditBatch): EditBatch {
  const topology = currentTopology()
  if (!topology) return batch
  // Collapsed as drawn: a summarised large container is its summary card, not its grid.
  return settleBatch(topology, batch, {
    collapsed: currentCollapsed(useCanvasViewStore.getState().collapsed),
  })
}

/** Undoes the last edit; the caller shows a refusal where the user acted. */
export async function undoEdit(): Promise<Result<LabRevision>> {
  return settle(await labClient().undo({}))
}

/**
 * Undo and redo ask the service even when the local lab says there is nothing to do: a key
 * pressed right after an edit may come before that edit's push. An empty journal is not an
 * error worth a banner.
 */
export async function undo() {
  const result = await undoEdit()
  if (!result.ok && result.error.code !== 'nothing-to-undo') reportError(result.error.message)
}

export async function redo() {
  const result = await settle(await labClient().redo({}))
  if (!result.ok && result.error.code !== 'nothing-to-redo') reportError(result.error.message)
}

/** The selected lab objects (not derived ones, not links) that an edit may touch. */
function editableSelection(): string[] {
  const t = currentTopology()
  if (!t) return []
  const ids = new Set(t.nodes.map((n) => n.id))
  return useSelectionStore.getState().selection.filter((id) => !isDerivedId(id) && ids.has(id))
}

/** Deletes the selected objects with their subtrees, and selected bindings, as one undo step. */
export async function deleteSelection() {
  const t = currentTopology()
  if (!t) return
  const nodes = deleteSubtreesBatch(t, editableSelection())
  const links = disconnectBatch(
    t,
    useSelectionStore.getState().selection.filter((id) => t.links.some((l) => l.id === id)),
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
  if (ids.length === 0) return
  setClipboard(ids)
  toast(`Copied ${ids.length} object${ids.length === 1 ? '' : 's'}`)
}

/** Duplicates subtrees with their internal links and renamed children; selects the copies. */
export async function duplicate(ids: readonly string[] = editableSelection()) {
  const t = currentTopology()
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
  await duplicate(useSelectionStore.getState().clipboard)
}
